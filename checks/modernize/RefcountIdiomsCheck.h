//===--- RefcountIdiomsCheck.h - pycapi-modernize-refcount-idioms ---------===//
//
// Pairs of statements that one reference counting call writes:
//   Py_INCREF(x); return x;             -> return Py_NewRef(x);
//   Py_INCREF(x); y = x;  y = x; Py_INCREF(y);  PyObject *y = x; Py_INCREF(x);
//                                       -> y = Py_NewRef(x);
//   Py_XDECREF(x); x = NULL;            -> Py_CLEAR(x);
//   Py_DECREF(x); x = y;                -> Py_SETREF(x, y);
//   PyObject *old = x; x = y; Py_DECREF(old);  -> Py_SETREF(x, y);
// (and the X variants). Found in the AST: the statements must be
// consecutive in one block, name the same object, and nothing else may use
// what disappears; the object handed on must be a PyObject *, which the
// functions return. Opt-in: a style change.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_REFCOUNTIDIOMSCHECK_H
#define PYCAPI_CHECKS_MODERNIZE_REFCOUNTIDIOMSCHECK_H

#include "ModernizeCheckBase.h"

namespace clang::tidy::pycapi::modernize {

class RefcountIdiomsCheck : public ModernizeCheckBase {
public:
  using ModernizeCheckBase::ModernizeCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  llvm::ArrayRef<llvm::StringRef> matchedNames() const override;
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_REFCOUNTIDIOMSCHECK_H
