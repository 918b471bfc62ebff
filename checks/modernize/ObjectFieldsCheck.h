//===--- ObjectFieldsCheck.h - pycapi-modernize-object-fields -------------===//
//
// `op->ob_type`, `op->ob_size`, `op->ob_refcnt` read or written directly, and
// `Py_TYPE(op) = t` (an error since Python 3.11, and found against the
// older headers whose Py_TYPE is still a field access): rewritten into Py_TYPE,
// Py_SIZE, Py_REFCNT and their setters. Found in the AST: the field must be
// the one Python's headers declare in PyObject or PyVarObject, whatever the
// object is spelled as (a cast, a member of a struct, an array element), so
// that a project's struct with a field of the same name, a comment or a
// string is never touched.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_OBJECTFIELDSCHECK_H
#define PYCAPI_CHECKS_MODERNIZE_OBJECTFIELDSCHECK_H

#include "ModernizeCheckBase.h"

namespace clang::tidy::pycapi::modernize {

class ObjectFieldsCheck : public ModernizeCheckBase {
public:
  ObjectFieldsCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  llvm::ArrayRef<llvm::StringRef> matchedNames() const override;

private:
  /// The FieldAccess option: the fields read or written directly are
  /// reported too (they compile; only the getter assignments do not).
  const bool FieldAccess;

  void checkField(const MemberExpr *Member,
                  const ast_matchers::MatchFinder::MatchResult &Result);
  void
  checkGetterAssignment(const RecoveryExpr *Recovery,
                        const ast_matchers::MatchFinder::MatchResult &Result);
  /// `Py_TYPE(op) = t`, `Py_SIZE(op) += n`, `Py_SIZE(op)++` against headers
  /// whose getters are macros that expand to the field (3.9, 3.10).
  void
  checkMacroAssignment(const Expr *Change,
                       const ast_matchers::MatchFinder::MatchResult &Result);
  /// What is done to the field through its getter.
  struct GetterChange {
    enum { Assign, Compound, Prefix, Postfix } Kind = Assign;
    std::string Operator; ///< "+" for `+=` and `++`; "" for `=`.
    std::string Value;    ///< The right side's text; "1" for `++`, `--`.
  };
  /// The change (its getter's and whole text's ranges) as the setter:
  /// `Py_SET_SIZE(op, Py_SIZE(op) + n)`, a comma expression where its value
  /// is used. \p Object is the object's expression (read twice).
  void reportGetterChange(StringRef Field, CharSourceRange GetterRange,
                          CharSourceRange WholeRange,
                          const GetterChange &Change, const Expr *Whole,
                          const Expr *Object, ASTContext &Context);
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_OBJECTFIELDSCHECK_H
