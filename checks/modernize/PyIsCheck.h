//===--- PyIsCheck.h - pycapi-modernize-py-is -----------------------------===//
//
// `x == Py_None`, `Py_True != x` and the like: rewritten into Py_IsNone(x),
// !Py_IsTrue(x), ... (new in Python 3.10). The comparison is found in the
// AST, so the operand is the whole expression on the other side, in either
// order, casts and member accesses included; comments, strings and macro
// bodies are never touched. Opt-in: a style change.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_PYISCHECK_H
#define PYCAPI_CHECKS_MODERNIZE_PYISCHECK_H

#include "ModernizeCheckBase.h"

namespace clang::tidy::pycapi::modernize {

class PyIsCheck : public ModernizeCheckBase {
public:
  using ModernizeCheckBase::ModernizeCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  llvm::ArrayRef<llvm::StringRef> matchedNames() const override;
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_PYISCHECK_H
