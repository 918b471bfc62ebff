//===--- StmtParents.h - walking up from a statement ----------------------===//
//
// Questions about where a statement sits in its function: its parent, the
// statement of a block that holds it, whether it lies inside another, the
// macro use it came from, and whether control can fall off its end. They
// know no check; the buffer and removed-API checks both ask them.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_STMTPARENTS_H
#define PYCAPI_CHECKS_UTILS_STMTPARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace clang::tidy::pycapi {

/// The parent of \p Node that is a statement or declaration, if any.
DynTypedNode parentNode(const DynTypedNode &Node, ASTContext &Context);

/// The first parent of \p Node that is a Stmt (looking through the VarDecl
/// of an initializer), or null.
const Stmt *parentStmt(const Stmt *Node, ASTContext &Context);

/// The statement that holds \p Node and is a direct child of a compound
/// statement (or of a case/label), or null.
const Stmt *enclosingStatement(const Stmt *Node, ASTContext &Context);

/// The statement that holds \p E and is one of a block's statements or the
/// body of an if, loop or label, i.e. a statement that can stand on lines
/// of its own; null when \p E is not in a function's body. Unlike
/// enclosingStatement, an unbraced `if (c) f(x);` gives `f(x);`.
const Stmt *enclosingLineStatement(const Expr *E, ASTContext &Context);

/// True when \p Inner is \p Outer or lies inside it.
bool isWithin(const Stmt *Inner, const Stmt *Outer, ASTContext &Context);

/// The outermost statement that comes from the same macro use as \p S (S
/// itself when S is not in a macro): edits go around the macro use.
const Stmt *macroStatement(const Stmt *S, ASTContext &Context);

/// True when control never falls off the end of \p S: it ends in a return,
/// goto, break, continue or throw.
bool alwaysLeaves(const Stmt *S);

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_STMTPARENTS_H
