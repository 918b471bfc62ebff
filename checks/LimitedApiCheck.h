//===--- LimitedApiCheck.h - pycapi-limited-api
//----------------------------===//
#ifndef PYCAPI_CHECKS_LIMITEDAPICHECK_H
#define PYCAPI_CHECKS_LIMITEDAPICHECK_H

#include "LimitedApi.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/TargetBranches.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi {

/// In a translation unit that defines Py_LIMITED_API (in the file before
/// Python.h, or on the command line), reports every use of a CPython C API
/// name that the Limited API of that target does not offer: too new, or not
/// in the Limited API at all. With the option LimitedApiAudit, does the same
/// for code that does not define Py_LIMITED_API, in the #if branches that a
/// build with Py_LIMITED_API would compile. Also points out guards that
/// refuse Py_LIMITED_API together with Py_TRACE_REFS, which 3.13 supports.
///
/// For the user-facing documentation see docs/checks/limited-api.md.
class LimitedApiCheck : public ClangTidyCheck {
public:
  LimitedApiCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  // Called by the preprocessor hooks.
  void macroExpanded(const Token &NameTok, const MacroDefinition &Definition);
  void macroDefined(const Token &NameTok);
  void fileEntered(SourceLocation Start);
  void rangeSkipped(SourceRange Range) { Unit.SkippedRanges.push_back(Range); }

  /// Called for each reference the AST names: \p Declaration is what it
  /// refers to (null when the name is undeclared).
  void nameReferenced(StringRef Name, SourceLocation Loc,
                      const Decl *Declaration);

  /// Called for each member the user's code reads, and each variable or
  /// field it defines: parts of structs that the Limited API keeps opaque.
  void memberReferenced(const MemberExpr *E);
  void objectDefined(const DeclaratorDecl *D);

private:
  /// The struct of the manifest that \p T names (through its typedefs), if
  /// the Limited API offers it only in part and Python's headers declare it.
  const ::pycapi::LimitedApiStruct *partialStruct(QualType T);
  /// Whether a use of \p Name may be reported: the cheap test run on every
  /// identifier (one hash lookup, then a prefix test) before anything looks
  /// at locations or declarations. False for every name that the target
  /// admits, and for every name when there is no target.
  bool isCandidate(StringRef Name) const;
  bool isPythonHeaderFile(FileID File);
  /// Whether entering \p File makes the headers read Py_LIMITED_API: the
  /// first Python header other than the configuration headers that test
  /// nothing about it (pyconfig.h, which a file may include before it
  /// defines Py_LIMITED_API). Normally Python.h.
  bool decidesTarget(FileID File);
  /// Audit mode: the file sets no target, LimitedApiAudit gives one.
  bool auditing() const { return AuditTarget && !Unit.LimitedTarget; }
  /// The target the code is checked against: its own, else the audit's.
  ::pycapi::PyVersion target() const {
    return Unit.LimitedTarget ? Unit.LimitedTarget : AuditTarget;
  }
  bool isPythonDecl(const Decl *D);
  void readLimitedTarget();
  /// Reads the text of the user's files for what the AST and the macro
  /// hooks cannot see (limited/UserFileScan.h).
  void scanUserFiles();
  void reportTraceRefsGuard(SourceLocation Loc, bool TestsVersion);
  /// Records the use of \p Name at \p Loc (a macro argument or a file
  /// location, reported where it is spelled).
  void recordUse(StringRef Name, SourceLocation Loc,
                 std::optional<::pycapi::LimitedApiFinding> Finding = {});

  /// LimitedApiAudit as given, and as a target (0: no audit).
  const std::string AuditOption;
  const ::pycapi::PyVersion AuditTarget;

  /// The macros a limited build defines otherwise than the parse, without
  /// and with Py_TRACE_REFS.
  const TargetMacroMap LimitedMacros, TraceRefsMacros;
  /// The #if branches a build with Py_LIMITED_API set to the audit target
  /// compiles (in audit mode only). Set for each unit by
  /// registerPPCallbacks, dropped at its end.
  std::shared_ptr<TargetBranches> LimitedBuild;
  /// Those a limited build with Py_TRACE_REFS compiles: where a guard that
  /// refuses the pair can fire. Kept like LimitedBuild.
  std::shared_ptr<TargetBranches> TraceRefsBuild;

  struct Use {
    std::string Name;
    SourceLocation Loc;
    /// Where the macro that spells it is expanded (invalid: not in a macro).
    SourceLocation ExpansionLoc;
    /// Set for uses reported whatever the target (opaque structs).
    std::optional<::pycapi::LimitedApiFinding> Finding;
  };

  /// What one translation unit gathers; `Unit = {}` at its end starts the
  /// next one afresh.
  struct UnitState {
    // Provided, not defaulted: `Unit = {}` then value-initializes through it
    // (DenseMap's default constructor is explicit, which copy-list-
    // initialization of an aggregate's members cannot call).
    UnitState() {}

    const SourceManager *Sources = nullptr;
    Preprocessor *PP = nullptr;
    ASTContext *Context = nullptr;

    /// The Py_LIMITED_API target when the header that decides it was
    /// entered (0: not defined then).
    ::pycapi::PyVersion LimitedTarget = 0;
    bool TargetRead = false;
    /// Where patchlevel.h defines PY_VERSION_HEX: guards before it cannot
    /// test the version.
    SourceLocation VersionHexDefined;

    std::vector<Use> Uses;
    /// Index in Uses of the use at each spelling location.
    llvm::DenseMap<unsigned, size_t> UseLocs;
    /// The user's files the unit enters, in order, each once.
    llvm::SetVector<FileID> UserFiles;
    std::vector<SourceRange> SkippedRanges;
    llvm::DenseMap<FileID, bool> PythonHeaderFiles;
  };
  UnitState Unit;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_LIMITEDAPICHECK_H
