//===--- RemovedBufferApiCheck.h - pycapi-removed-buffer-api
//---------------===//
#ifndef PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H
#define PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H

#include "RemovedApi.h"
#include "buffer/BufferCallSite.h"
#include "buffer/BufferRewrite.h"
#include "buffer/NonRetainingFunctions.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/StmtParents.h"
#include "utils/TargetBranches.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <vector>

namespace clang::tidy::pycapi {

/// A call of PyObject_CheckReadBuffer, renamed to PyObject_CheckBuffer.
struct CheckReadBufferCall {
  const ::pycapi::RemovedApi *Api = nullptr;
  SourceLocation NameLoc;
  const FunctionDecl *Function = nullptr;
  /// Set when the rewrite of an As*Buffer call absorbed the rename: the
  /// line of the diagnostic that carries that fix.
  unsigned AbsorbedByFixOnLine = 0;
};

/// Finds uses of the old buffer functions that Python 3.13 removed
/// (PyObject_AsCharBuffer, PyObject_AsReadBuffer, PyObject_AsWriteBuffer,
/// PyObject_CheckReadBuffer) and rewrites them to PyObject_GetBuffer and
/// PyBuffer_Release, holding the view as long as the pointer is used.
///
/// For the user-facing documentation see docs/checks/removed-buffer-api.md.
class RemovedBufferApiCheck : public ClangTidyCheck {
public:
  RemovedBufferApiCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// The removed buffer functions' names, and with them the names C++ typo
  /// correction may put in their place: what the matchers look for.
  llvm::StringSet<> BufferFunctions;
  llvm::StringSet<> CalleeNames;

  void checkCall(const Expr *Call, StringRef Name, SourceLocation NameLoc,
                 llvm::ArrayRef<const Expr *> Args, ASTContext &Context);
  /// The function (or lambda) whose body holds \p Call, as the matcher
  /// forFunction finds it, or null.
  const FunctionDecl *enclosingFunction(const Expr &Call);
  /// The parents of the nodes of the functions the check walks in, built
  /// per function when first needed.
  DeclParentMaps &parentMaps();
  void checkReference(const DeclRefExpr &Ref, ASTContext &Context);
  /// Reports a use of \p Api at \p Loc: the warning, with \p Fix, then,
  /// when the use is not fixed for a reason of this check, the note that
  /// says why. Every "was removed" warning of this check goes through here.
  void reportRemoved(SourceLocation Loc, const ::pycapi::RemovedApi &Api,
                     llvm::ArrayRef<FixItHint> Fix = {},
                     const buffer::Unfixable *Why = nullptr);
  void reportSkippedBranches();
  void reportSkipped(SourceLocation Loc, const ::pycapi::RemovedApi &Api);
  /// Whether Python 3.13, which removed the functions, compiles the code
  /// at \p Loc (spelled there and expanded where it is used).
  bool compiledAtTarget(SourceLocation Loc) const;
  /// Rewrites the As*Buffer calls of \p Function; returns the line of the
  /// call whose diagnostic carries the fix (0 if none). \p CheckCalls are
  /// the function's PyObject_CheckReadBuffer renames: the fix absorbs those
  /// inside statements it rewrites.
  unsigned fixFunction(const FunctionDecl *Function,
                       std::vector<buffer::BufferCallSite> &Sites,
                       std::vector<CheckReadBufferCall *> &CheckCalls);
  /// The notes of a fixed site: which fix rewrote it, the exception it
  /// raises, and why its view is released early.
  void reportFixedSite(const buffer::BufferCallSite &Site,
                       const ::pycapi::RemovedApi &Api,
                       const buffer::SiteOutcome &Outcome,
                       SourceLocation FirstFixed);
  void reportCheckReadBuffer(const CheckReadBufferCall &Call);

  const bool ImmediateRelease;
  const bool PreserveWriteBufferTypeError;
  /// The option NonRetainingFunctions as written, and with the data table.
  const std::string NonRetainingOption;
  const buffer::NonRetainingFunctions NonRetaining;

  /// What the check collects in one translation unit; reset at its end.
  struct UnitState {
    ASTContext *Context = nullptr;
    const SourceManager *Sources = nullptr;
    const LangOptions *LangOpts = nullptr;
    /// Calls of the As*Buffer functions, per function (in the order the
    /// functions are first met), in source order; fixed together at the end
    /// of the translation unit because their views share release points.
    llvm::MapVector<const FunctionDecl *, std::vector<buffer::BufferCallSite>>
        SitesByFunction;
    /// PyObject_CheckReadBuffer calls, reported at the end of the
    /// translation unit, after the As*Buffer rewrites that may contain them.
    std::vector<CheckReadBufferCall> CheckCalls;
    /// The function definition (or lambda) the traversal entered last.
    const Decl *LastFunction = nullptr;
    /// The callees of the calls matched so far, parentheses and implicit
    /// casts aside: references to the functions that are calls.
    llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
    std::unique_ptr<DeclParentMaps> ParentMaps;
  };
  UnitState Unit;
  /// Which code Python 3.13 compiles; code only older Pythons compile is
  /// the project's support of them. Shared with the unit's other checks of
  /// the same target: set by registerPPCallbacks, dropped at the unit's end.
  std::shared_ptr<TargetBranches> Branches;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H
