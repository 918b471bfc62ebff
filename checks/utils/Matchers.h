//===--- Matchers.h - AST matchers the checks share -----------------------===//
#ifndef PYCAPI_CHECKS_UTILS_MATCHERS_H
#define PYCAPI_CHECKS_UTILS_MATCHERS_H

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::pycapi {

/// A RecoveryExpr: what clang keeps of an expression it could not build
/// (an assignment to Py_TYPE(o) against 3.11+ headers, a call to a removed
/// name in C++). ASTMatchers.h has it only from LLVM 15 on; this one hides
/// it there, under `using namespace clang::ast_matchers`.
inline const ast_matchers::internal::VariadicDynCastAllOfMatcher<Stmt,
                                                                 RecoveryExpr>
    recoveryExpr;

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_MATCHERS_H
