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

private:
  /// The FieldAccess option: the fields read or written directly are
  /// reported too (they compile; only the getter assignments do not).
  const bool FieldAccess;

  void checkField(const MemberExpr *Member,
                  const ast_matchers::MatchFinder::MatchResult &Result);
  void
  checkGetterAssignment(const RecoveryExpr *Recovery,
                        const ast_matchers::MatchFinder::MatchResult &Result);
  void
  checkMacroAssignment(const BinaryOperator *Assign,
                       const ast_matchers::MatchFinder::MatchResult &Result);
  /// `Py_TYPE(op) = t` (GetterRange, ValueRange) as `Py_SET_TYPE(op, t)`.
  void reportGetterAssignment(StringRef Field, CharSourceRange GetterRange,
                              CharSourceRange ValueRange, const Expr *Whole,
                              ASTContext &Context);
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_OBJECTFIELDSCHECK_H
