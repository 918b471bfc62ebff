//===--- LimitedApiCheck.h - pycapi-limited-api ----------------------------===//
#ifndef PYCAPI_CHECKS_LIMITEDAPICHECK_H
#define PYCAPI_CHECKS_LIMITEDAPICHECK_H

#include "LimitedApi.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <string>
#include <vector>

namespace clang::tidy::pycapi {

/// In a translation unit that defines Py_LIMITED_API (in the file before
/// Python.h, or on the command line), reports every use of a CPython C API
/// name that the Limited API of that target does not offer: too new, or not
/// in the Limited API at all. With the option LimitedApiAudit, does the same
/// for code that does not define Py_LIMITED_API. Also points out guards that
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
  void rangeSkipped(SourceRange Range) { SkippedRanges.push_back(Range); }

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
  bool isPythonDecl(const Decl *D);
  void readLimitedTarget();
  void scanUserFile(FileID File);
  void reportTraceRefsGuard(SourceLocation Loc);
  void recordUse(StringRef Name, SourceLocation SpellingLoc,
                 std::string Message = "");

  /// LimitedApiAudit as given, and as a target (0: no audit).
  const std::string AuditOption;
  const ::pycapi::PyVersion AuditTarget;

  const SourceManager *Sources = nullptr;
  Preprocessor *PP = nullptr;
  ASTContext *Context = nullptr;

  /// The Py_LIMITED_API target when the first Python header was entered
  /// (0: not defined then).
  ::pycapi::PyVersion LimitedTarget = 0;
  bool SawPythonHeader = false;

  struct Use {
    std::string Name;
    SourceLocation Loc;
    /// Set for uses reported whatever the target (opaque structs).
    std::string Message;
  };
  std::vector<Use> Uses;
  /// Index in Uses of the use at each spelling location.
  llvm::DenseMap<unsigned, size_t> UseLocs;
  std::vector<FileID> UserFiles;
  std::vector<SourceRange> SkippedRanges;
  llvm::DenseMap<FileID, bool> PythonHeaderFiles;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_LIMITEDAPICHECK_H
