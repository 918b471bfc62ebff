//===--- RemovedApiCheckBase.h - uses of names CPython removed ------------===//
//
// What pycapi-removed-private-api and pycapi-removed-api share: they differ
// only in the rows of data/cpython-removed-api.tsv they report.
//
// Finding works on names, not on declarations, so that it also sees names the
// compiler could not resolve (the code is built against headers that no
// longer declare them): every identifier the parser receives and every
// macro expansion, in the user's files (TokenWatch.h), is looked up in a
// NameIndex. An #ifdef/defined() test of
// a removed name is not a use: it is false for the target release, and
// TargetBranches judges the code it guards accordingly. Whether a use is
// reported is decided at the end of the translation unit: the target must
// compile it (TargetBranches), and it must be the user's, from where it is
// spelled and what the project itself declares. RemovedApiCheckBase.cpp finds;
// RemovedApiMembers.cpp finds the removed struct members (in the AST: the
// object's type decides); RemovedApiFixes.cpp writes the warnings and fixes.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICHECKBASE_H
#define PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICHECKBASE_H

#include "FixTemplate.h"
#include "NameIndex.h"
#include "PyIdentifiers.h"
#include "RemovedApi.h"
#include "RemovedApiCommon.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/CompatInclude.h"
#include "utils/SourceEdit.h"
#include "utils/StmtParents.h"
#include "utils/TargetBranches.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace clang::tidy::pycapi {
struct TokenWatchStatus;
class MatchDemand;
} // namespace clang::tidy::pycapi

namespace clang::tidy::pycapi::removedapi {

class RemovedApiCheckBase : public ClangTidyCheck {
public:
  RemovedApiCheckBase(StringRef Name, ClangTidyContext *Context,
                      ::pycapi::CheckScope Scope);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

  /// How a removed name is used.
  enum class UseKind {
    Name,    ///< an identifier the parser sees: call, reference, type
    Macro,   ///< a macro expansion
    Include, ///< #include of a removed header
    Member,  ///< `d->ma_version_tag` on a struct that lost the member
  };

  // Called by the preprocessor hooks, in source order.
  void onToken(const Token &Tok);
  void onMacroExpands(const Token &NameTok, const MacroDefinition &MD);
  void onMacroName(const Token &NameTok, const MacroDefinition &MD,
                   UseKind Kind);
  void onMacroDefined(const Token &NameTok, const MacroDirective *MD);
  void onFileEntered(SourceLocation Loc);
  void onFileSkipped(StringRef Path, SourceLocation IncludeLoc);
  void onIncludeNotFound(StringRef FileName, CharSourceRange FilenameRange);

private:
  struct Use {
    SourceLocation Loc; ///< where the name is spelled (a file location)
    const ::pycapi::RemovedApi *Api;
    UseKind Kind;
    bool FromPython; ///< a macro defined by Python's headers
    /// Where the name is expanded, when it is spelled in a macro's body.
    SourceLocation ExpansionLoc = {};
    /// Found in the text of code the parsed headers do not compile.
    bool InSkippedCode = false;
  };
  /// A macro of the project's whose body names a removed name.
  struct MacroWithRemovedName {
    std::string Name;
    SourceRange Definition;
  };
  enum class Generator { Unknown, None, Cython, Clinic };

  void record(SourceLocation Loc, const ::pycapi::RemovedApi &Api, UseKind Kind,
              bool FromPython);
  /// A declaration whose name the index holds: the project's own, or one
  /// that Python's headers (or the system's) declare.
  void onDeclaration(const NamedDecl *D, const SourceManager &SM);
  /// The declarations of the code the traversal scope left out, when a use
  /// needs them (see stillDeclared).
  void matchOutsideScope();
  bool isUsersOwn(const Use &U) const;
  bool stillDeclared(const Use &U) const;
  bool isCompatHeaderFile(StringRef Path) const;
  /// The removed header row \p Path (a path or an #include name) names.
  const ::pycapi::RemovedApi *removedHeader(StringRef Path) const;
  // RemovedApiMembers.cpp: uses of removed struct members.
  void registerMemberMatchers(ast_matchers::MatchFinder *Finder);
  void checkMember(const ast_matchers::MatchFinder::MatchResult &Result);
  /// Uses in code the preprocessor skipped that the target compiles.
  void recordSkippedUses();
  /// The project macro whose definition holds \p Loc, if any.
  const MacroWithRemovedName *macroDefining(SourceLocation Loc) const;
  Generator generatorOf(FileID File);
  void report(const Use &U);
  void reportGenerated(const Use &U, Generator Gen);
  /// The warning about \p U: every removed-name warning of both checks is
  /// written here, and recorded as data for the CLI (CheckFindings.h) with
  /// \p WhyNot, why it has no fix. The caller adds the message's arguments.
  DiagnosticBuilder warnRemoved(const Use &U, StringRef Message,
                                llvm::ArrayRef<FixItHint> Fixes = {},
                                StringRef WhyNot = "");
  /// A note a fix needs (where to get the compat header).
  using FixNote = CompatInclude::Note;
  /// Fills \p Fixes, or says why there is none.
  NoFixReason planFix(const Use &U, std::vector<FixItHint> &Fixes,
                      std::vector<FixNote> &Notes);
  NoFixReason callFix(const Use &U, std::vector<FixItHint> &Fixes);
  // RemovedApiShapedFixes.cpp: fixes that are not a rename or a plain call
  // template (the address of a variable, a check template, `$function`).
  static bool isShapedFix(const ::pycapi::RemovedApi &Api);
  NoFixReason shapedFix(const Use &U, std::vector<FixItHint> &Fixes);
  NoFixReason addressFix(const Use &U, std::vector<FixItHint> &Fixes);
  NoFixReason checkFix(const Use &U, const WrittenCall &Call,
                       std::vector<FixItHint> &Fixes);
  /// The function whose body holds \p Loc (a file location), if any.
  const FunctionDecl *enclosingFunction(SourceLocation Loc) const;
  // RemovedApiStatements.cpp: fixes that read the AST around a call.
  void registerStatementMatchers(ast_matchers::MatchFinder *Finder);
  void checkRemovedCall(const ast_matchers::MatchFinder::MatchResult &Result);
  /// A call template adapted to the AST: a cast the template writes
  /// (`(PyObject *)$1`) is left out where the argument has that type.
  void adaptTemplate(const Use &U, std::string &Template,
                     WrittenCall &Call) const;
  /// The statement-level form of a fix whose template turns a 0/-1 status
  /// into the old None-or-NULL result, where that result is only tested and
  /// released. False (nothing done) where it does not apply.
  bool statementFix(const Use &U, std::vector<FixItHint> &Fixes);
  struct TestedResult;
  /// The declaration that \p CE initializes, when the next statements of
  /// its block only test and release the variable.
  std::optional<TestedResult> testedResult(const CallExpr *CE) const;
  /// The fix of a replacement newer than MinimumPythonVersion that
  /// pythoncapi_compat.h lacks: a version guard around the statement, or a
  /// shim when the replacement came after the removal.
  NoFixReason versionedFix(const Use &U, std::vector<FixItHint> &Fixes);
  /// versionedFix's shim, written once per file before the declaration
  /// that holds the use; \p CallFixes rewrite the use itself.
  NoFixReason shimFix(const Use &U, const std::vector<FixItHint> &CallFixes,
                      std::vector<FixItHint> &Fixes);
  /// versionedFix's guard: the statement rewritten by \p CallFixes under
  /// `#if PY_VERSION_HEX >= ...`, as written under `#else`.
  NoFixReason guardFix(const Use &U, const std::vector<FixItHint> &CallFixes,
                       std::vector<FixItHint> &Fixes);
  /// Why the statement from \p Begin to \p End cannot go under a version
  /// guard (the parenthesis the reason ends with); nothing when it can.
  std::optional<StringRef> unguardable(const Use &U, SourceLocation Begin,
                                       SourceLocation End) const;
  // RemovedApiReferenceFixes.cpp: a strong reference where the removed
  // function lent a borrowed one (StrongReferenceFixes).
  bool hasStrongReferenceFix(const ::pycapi::RemovedApi &Api) const;
  NoFixReason strongReferenceFix(const Use &U, std::vector<FixItHint> &Fixes);
  /// A return that hands a strong reference to the caller, and the edit
  /// that drops the old code's own new reference (`Py_INCREF(obj); return
  /// obj;` or `return Py_NewRef(obj);` -> `return obj;`).
  struct Transfer {
    const ReturnStmt *Return;
    CharSourceRange Range;
    std::string Text;
  };
  std::optional<Transfer> transferAt(const ReturnStmt *Return, StringRef Name,
                                     const ParentLookup &Parents) const;
  /// `return E;` that reads the reference: `T result = E; release; return
  /// result;`, with the NULL tests in E (of \p GoneOperands) rewritten there.
  NoFixReason releaseThroughTemporary(
      const ReturnStmt *Return, const FunctionDecl &Function,
      const std::string &Release, StringRef Name, const ParentLookup &Parents,
      FreshNames &Names, std::vector<const Expr *> &GoneOperands,
      std::vector<FixItHint> &Fixes);
  /// The top-level declaration that holds \p U, if any.
  const Decl *topLevelDeclarationOf(const Use &U) const;

  const std::string TargetText;
  const std::string MinimumText;
  const std::string CompatHeader;
  /// StrongReferenceFixes: rewrite PyWeakref_GetObject and the like into
  /// their strong-reference replacements (off until every shape is done).
  const bool StrongReferenceFixes;
  /// Which rows the check reports (pycapi-removed-api's own options).
  const ::pycapi::CheckScope Scope;
  /// The compat header's #include that the fixes insert (CompatInclude.h).
  CompatInclude Compat;
  const ::pycapi::PyVersion Target;
  const ::pycapi::PyVersion Minimum;
  const NameIndex Index;

  /// Which code the target release compiles, shared with the unit's other
  /// checks of the same target; set for each unit by registerPPCallbacks,
  /// dropped at its end.
  std::shared_ptr<TargetBranches> Branches;

  /// What one translation unit gathers; `Unit = {}` at its end starts the
  /// next one afresh.
  struct UnitState {
    // Provided, not defaulted: `Unit = {}` then value-initializes through it
    // (DenseMap's default constructor is explicit, which copy-list-
    // initialization of an aggregate's members cannot call).
    UnitState() {}

    const SourceManager *Sources = nullptr;
    /// The translation unit's AST, for the fixes that need the enclosing
    /// function (set by the "unit" matcher).
    ASTContext *Context = nullptr;
    const LangOptions *LangOpts = nullptr;
    Preprocessor *PP = nullptr;
    /// Whether the token watch is on (addIdentifierListener), while PP lives.
    const TokenWatchStatus *Tokens = nullptr;
    /// Where the matchers may find something (MatchDemand.h), while PP
    /// lives.
    MatchDemand *Demand = nullptr;

    std::vector<Use> Uses;
    llvm::DenseSet<unsigned> SeenLocs;
    /// Where the project declares a removed name (never reported).
    llvm::DenseSet<unsigned> DeclLocs;
    /// Names the project declares for its own purposes; their uses are its
    /// own.
    llvm::StringSet<> OwnNames;
    /// Names that Python's headers (internal ones, for instance) declare.
    llvm::StringSet<> PythonDeclared;
    std::vector<MacroWithRemovedName> MacrosWithRemovedNames;
    /// The _Py_IDENTIFIER declarations that `$N:str` fixes read and remove.
    PyIdentifiers Identifiers;
    llvm::DenseSet<FileID> GeneratedReported;
    /// The calls of removed functions, by where the callee's name is spelled.
    llvm::DenseMap<unsigned, const CallExpr *> RemovedCalls;
    /// The shims this unit's fixes write: file and name.
    std::set<std::pair<FileID, std::string>> ShimsWritten;
    llvm::DenseMap<FileID, Generator> Generators;
  };
  UnitState Unit;
};

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICHECKBASE_H
