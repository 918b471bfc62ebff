//===--- StmtParents.cpp - walking up from a statement --------------------===//
#include "StmtParents.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::pycapi {

DynTypedNode parentNode(const DynTypedNode &Node, ASTContext &Context) {
  auto Parents = Context.getParents(Node);
  return Parents.empty() ? DynTypedNode() : Parents[0];
}

const Stmt *enclosingLineStatement(const Expr *E, ASTContext &Context) {
  DynTypedNode Node = DynTypedNode::create(*E);
  while (true) {
    DynTypedNode Parent = parentNode(Node, Context);
    const Stmt *S = Node.get<Stmt>();
    if (const auto *P = Parent.get<Stmt>()) {
      if (S && (isa<CompoundStmt>(P) ||
                (isa<IfStmt>(P) && (cast<IfStmt>(P)->getThen() == S ||
                                    cast<IfStmt>(P)->getElse() == S)) ||
                (isa<WhileStmt>(P) && cast<WhileStmt>(P)->getBody() == S) ||
                (isa<ForStmt>(P) && cast<ForStmt>(P)->getBody() == S) ||
                (isa<DoStmt>(P) && cast<DoStmt>(P)->getBody() == S)))
        return S;
      Node = Parent;
      continue;
    }
    // A local variable's initializer: on to its DeclStmt.
    if (const auto *D = Parent.get<Decl>();
        isa_and_nonnull<VarDecl>(D) && D->getParentFunctionOrMethod()) {
      Node = Parent;
      continue;
    }
    return nullptr;
  }
}

const Stmt *parentStmt(const Stmt *Node, ASTContext &Context) {
  auto Parents = Context.getParents(*Node);
  while (!Parents.empty()) {
    if (const auto *S = Parents[0].get<Stmt>())
      return S;
    if (const auto *D = Parents[0].get<Decl>()) {
      Parents = Context.getParents(*D);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const Stmt *enclosingStatement(const Stmt *Node, ASTContext &Context) {
  const Stmt *Current = Node;
  while (const Stmt *Parent = parentStmt(Current, Context)) {
    if (isa<CompoundStmt>(Parent))
      return Current;
    Current = Parent;
  }
  return nullptr;
}

bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  // `throw E(...)` with a temporary that has a destructor.
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
    S = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (isa<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S))
    return true;
  // do { ...; return NULL; } while (0), the shape of FAIL()-style macros.
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return alwaysLeaves(Do->getBody());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return alwaysLeaves(Label->getSubStmt());
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return !Compound->body_empty() && alwaysLeaves(Compound->body_back());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysLeaves(If->getThen()) &&
           alwaysLeaves(If->getElse());
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  return false;
}

bool isWithin(const Stmt *Inner, const Stmt *Outer, ASTContext &Context) {
  for (const Stmt *S = Inner; S; S = parentStmt(S, Context))
    if (S == Outer)
      return true;
  return false;
}

const Stmt *macroStatement(const Stmt *S, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  if (!S->getBeginLoc().isMacroID())
    return S;
  SourceLocation Expansion = SM.getExpansionLoc(S->getBeginLoc());
  const Stmt *Outermost = S;
  for (const Stmt *P = parentStmt(S, Context); P; P = parentStmt(P, Context)) {
    if (!P->getBeginLoc().isMacroID() || !P->getEndLoc().isMacroID() ||
        SM.getExpansionLoc(P->getBeginLoc()) != Expansion ||
        SM.getExpansionLoc(P->getEndLoc()) != Expansion)
      break;
    Outermost = P;
  }
  return Outermost;
}

} // namespace clang::tidy::pycapi
