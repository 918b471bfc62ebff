//===--- ModernizeCheckBase.h - what the pycapi-modernize-* checks share --===//
//
// The modernization checks rewrite old spellings of the C API into the
// current ones (the operations of pythoncapi-compat's upgrade_pythoncapi.py,
// found in the AST rather than in the text). They share the options of the
// removed-API checks that decide whether a replacement may be used
// (MinimumPythonVersion, CompatHeader), the compat header's #include
// (CompatInclude.h), the user-code filter and the way a finding is
// reported: one warning, its fix, and a note saying why a fix is missing.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_MODERNIZECHECKBASE_H
#define PYCAPI_CHECKS_MODERNIZE_MODERNIZECHECKBASE_H

#include "ModernizeTable.h"
#include "RemovedApi.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "utils/CompatInclude.h"
#include "llvm/ADT/DenseSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi::modernize {

class ModernizeCheckBase : public ClangTidyCheck {
public:
  ModernizeCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void onEndOfTranslationUnit() override;

  /// Called by the preprocessor hooks.
  void onFileEntered(SourceLocation Loc) { Compat.onFileEntered(Loc); }
  /// A macro is expanded; for the checks that rewrite macro names.
  virtual void onMacroExpands(const Token &NameTok, const MacroDefinition &MD) {
  }

protected:
  /// The names by which the user's code spells everything the check's
  /// matchers find, once the preprocessor has expanded it (see
  /// utils/MatchDemand.h); none when the check cannot tell.
  virtual llvm::ArrayRef<llvm::StringRef> matchedNames() const { return {}; }
  /// False for a check that does all its work in its preprocessor hooks:
  /// its matchers need no declaration walked.
  virtual bool usesMatchers() const { return true; }

  /// Reports the use of \p Row's old spelling at \p Loc with \p Message
  /// (its %0 is the old spelling, %1 the replacement) and \p Rewrite, the
  /// edits that put the replacement in. The compat header's #include joins
  /// them when the replacement needs it; \p WhyNot (or a missing compat
  /// header) leaves the warning without a fix and says why in a note.
  /// Reports a location once.
  void report(SourceLocation Loc, const ModernizeRow &Row, StringRef Message,
              std::vector<FixItHint> Rewrite,
              std::optional<std::string> WhyNot = std::nullopt);
  /// Whether \p Loc (where the old spelling is) is the user's code, written
  /// in a file rather than in a macro's body: the types of one expansion of
  /// a macro do not tell what the macro does for the others.
  bool isUsersFileCode(SourceLocation Loc, const SourceManager &SM) const;

  const ::pycapi::PyVersion Minimum;
  /// The unit's sources, while it is checked.
  const SourceManager *Sources = nullptr;

private:
  const std::string MinimumText;
  const std::string CompatHeader;
  CompatInclude Compat;
  llvm::DenseSet<unsigned> Reported;
};

/// The text of \p E as written, or "" when it is not all in one file.
std::string writtenText(const Expr *E, const SourceManager &SM,
                        const LangOptions &LangOpts);

/// The text of \p Range (a token range) as written in one file: directly, or
/// as one macro argument; "" otherwise.
std::string fileText(SourceRange Range, const SourceManager &SM,
                     const LangOptions &LangOpts);

/// The expression \p E is part of, past parentheses and implicit casts;
/// null at a statement.
const Expr *enclosingExpr(const Expr *E, ASTContext &Ctx);

/// Whether the value of \p E is unused: it is a statement of its own (its
/// parent, past implicit casts, is not an expression).
bool isStatementOfItsOwn(const Expr *E, ASTContext &Ctx);

/// Whether \p E is written as the argument of Python's macros that assign
/// their argument (Py_CLEAR, Py_SETREF, Py_XSETREF): the field it names is
/// the macro's to set, so a getter cannot stand for it.
bool isArgumentOfAssigningMacro(const Expr *E, const SourceManager &SM,
                                const LangOptions &LangOpts);

/// \p E without parentheses and without a cast to a pointer to PyObject or
/// PyVarObject of another pointer: the macros and functions that replace a
/// field access cast their argument themselves.
const Expr *objectArgument(const Expr *E);

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_MODERNIZECHECKBASE_H
