//===--- ViewLifetime.cpp - how long a Py_buffer view must be held ---------===//
#include "ViewLifetime.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::buffer {

bool sharesCondition(const BufferCallSite &Site,
                     llvm::ArrayRef<const BufferCallSite *> Others,
                     ASTContext &Context) {
  const auto *If = dyn_cast_or_null<IfStmt>(Site.UseStmt);
  if (!If)
    return false;
  for (const BufferCallSite *Other : Others)
    if (Other != &Site && isWithin(Other->Call, If->getCond(), Context))
      return true;
  return false;
}

bool isWithin(const Stmt *Inner, const Stmt *Outer, ASTContext &Context) {
  for (const Stmt *S = Inner; S; S = parentStmt(S, Context))
    if (S == Outer)
      return true;
  return false;
}

namespace {

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

class Planner {
public:
  Planner(const BufferCallSite &Site, const FunctionDecl &Function,
          const CompoundStmt *ViewScope, SourceLocation ViewDeclEnd,
          const std::vector<const BufferCallSite *> &OtherSites,
          ASTContext &Context)
      : Site(Site), Function(Function), ViewScope(ViewScope),
        ViewDeclEnd(ViewDeclEnd), OtherSites(OtherSites), Context(Context),
        SM(Context.getSourceManager()) {}

  ReleasePlan plan();

private:
  SourceLocation loc(SourceLocation L) const { return SM.getExpansionLoc(L); }
  bool before(SourceLocation A, SourceLocation B) const {
    return SM.isBeforeInTranslationUnit(loc(A), loc(B));
  }
  bool afterCall(const Stmt *S) const {
    return before(Site.Call->getEndLoc(), S->getBeginLoc());
  }
  void fallBack(std::string Reason, SourceLocation Where) {
    if (Plan.Immediate)
      return;
    Plan.Immediate = true;
    Plan.FallbackReason = std::move(Reason);
    Plan.FallbackLoc = Where;
  }
  bool inOwnFailureBranch(const Stmt *S) const;
  bool sharesCondition() const {
    return buffer::sharesCondition(Site, OtherSites, Context);
  }
  bool isOutArgOfASite(const DeclRefExpr *Ref) const;
  /// Whether \p E reads the pointer, the length or a local copied from them.
  bool readsView(const Expr *E) const;
  /// The innermost lambda or block around \p S, unless it also holds the
  /// call (then the pointer is the closure's own local), or null.
  const Stmt *enclosingClosure(const Stmt *S) const;
  bool conditionalInMacro(const Stmt *Exit, const Stmt *Target) const;
  void followUses();
  void checkFlow(const DeclRefExpr *Ref);
  bool calleeKeeps(const FunctionDecl *Callee, unsigned Index);
  const CompoundStmt *holdingScope();
  void collectExits();
  void addReturn(const ReturnStmt *Return);

  const BufferCallSite &Site;
  const FunctionDecl &Function;
  const CompoundStmt *ViewScope;
  SourceLocation ViewDeclEnd;
  const std::vector<const BufferCallSite *> &OtherSites;
  ASTContext &Context;
  const SourceManager &SM;
  ReleasePlan Plan;
  llvm::SmallPtrSet<const VarDecl *, 4> Tracked;
  std::vector<const DeclRefExpr *> Uses;
};

/// True when \p Exit, spelled in a macro whose use is \p Target, is taken
/// only under a condition inside that macro (`if (!(x)) return NULL`): a
/// release before the macro use would then run on the path that goes on.
bool Planner::conditionalInMacro(const Stmt *Exit, const Stmt *Target) const {
  if (Target == Exit)
    return false;
  for (const Stmt *S = parentStmt(Exit, Context); S;
       S = parentStmt(S, Context)) {
    if (!isa<CompoundStmt, DoStmt, ParenExpr>(S))
      return true;
    if (S == Target)
      break;
  }
  return false;
}

const Stmt *Planner::enclosingClosure(const Stmt *S) const {
  for (const Stmt *P = parentStmt(S, Context); P; P = parentStmt(P, Context))
    if (isa<LambdaExpr, BlockExpr>(P))
      return isWithin(Site.Call, P, Context) ? nullptr : P;
  return nullptr;
}

bool Planner::isOutArgOfASite(const DeclRefExpr *Ref) const {
  auto IsOutArg = [&](const BufferCallSite &Other) {
    return isWithin(Ref, Other.Pointer.Arg, Context) ||
           isWithin(Ref, Other.Length.Arg, Context);
  };
  if (IsOutArg(Site))
    return true;
  for (const BufferCallSite *Other : OtherSites)
    if (IsOutArg(*Other))
      return true;
  return false;
}


/// An exit in the failure branch of the site's own test runs only when the
/// acquisition failed, so it needs no release, unless another acquisition in
/// the same condition may have succeeded before.
/// For a stored status, the own test is the StatusTest that follows the
/// store (`res = CALL; if (res == -1) return NULL;`).
bool Planner::inOwnFailureBranch(const Stmt *S) const {
  const IfStmt *If = Site.ownTest();
  if (!If || sharesCondition())
    return false;
  const Stmt *Failure =
      Site.ownTestTrueMeansFailure() ? If->getThen() : If->getElse();
  return Failure && isWithin(S, Failure, Context);
}

/// Whether \p Callee, when its body is visible, stores its parameter
/// \p Index somewhere that outlives the call.
bool Planner::calleeKeeps(const FunctionDecl *Callee, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition ||
      Index >= Definition->getNumParams())
    return false;
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  auto Refs = match(
      findAll(declRefExpr(to(varDecl(equalsNode(Param)))).bind("ref")),
      *Definition->getBody(), Context);
  for (const auto &Node : Refs) {
    const Stmt *Value = Node.getNodeAs<DeclRefExpr>("ref");
    const Stmt *Parent = parentStmt(Value, Context);
    while (Parent && isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr>(Parent)) {
      Value = Parent;
      Parent = parentStmt(Parent, Context);
    }
    if (isa_and_nonnull<ReturnStmt>(Parent))
      return true;
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
        Assign && Assign->getOpcode() == BO_Assign && Assign->getRHS() == Value) {
      const auto *Lhs = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens());
      const auto *Var = Lhs ? dyn_cast<VarDecl>(Lhs->getDecl()) : nullptr;
      if (!Var || !Var->hasLocalStorage())
        return true;
    }
  }
  return false;
}

/// Decides whether one read of the pointer (or of an alias) lets it escape,
/// and tracks the local variables it is copied into.
void Planner::checkFlow(const DeclRefExpr *Ref) {
  const Stmt *Value = Ref;
  const Stmt *Parent = parentStmt(Ref, Context);
  if (const auto *AddrOf = dyn_cast_or_null<UnaryOperator>(Parent);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
    fallBack("its address is taken here", Ref->getBeginLoc());
    return;
  }
  // The pointer value flows through casts, parentheses, pointer arithmetic
  // and the branches of ?:.
  while (Parent) {
    if (isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr>(Parent)) {
    } else if (const auto *Arith = dyn_cast<BinaryOperator>(Parent);
               Arith && Arith->isAdditiveOp() &&
               Arith->getType()->isPointerType()) {
    } else if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent);
               Cond && Cond->getCond() != Value) {
    } else {
      break;
    }
    Value = Parent;
    Parent = parentStmt(Parent, Context);
  }
  const auto *ValueExpr = cast<Expr>(Value);
  if (!ValueExpr->getType()->isPointerType() &&
      !ValueExpr->getType()->isArrayType())
    return; // a dereference, a comparison, a length: not the pointer itself
  if (!Parent)
    return;
  auto NoteLocal = [&](const VarDecl *Var) {
    if (Var && Var->hasLocalStorage() && !Var->isStaticLocal())
      Tracked.insert(Var);
    else
      fallBack("it is stored in '" + (Var ? Var->getName().str() : "?") +
                   "' here",
               Value->getBeginLoc());
  };
  if (const auto *Assign = dyn_cast<BinaryOperator>(Parent);
      Assign && Assign->getOpcode() == BO_Assign) {
    if (Assign->getRHS()->IgnoreParenImpCasts() != ValueExpr->IgnoreParenImpCasts() &&
        Assign->getRHS() != Value)
      return; // the pointer is being overwritten, not read
    const Expr *Lhs = Assign->getLHS()->IgnoreParenImpCasts();
    if (const auto *LhsRef = dyn_cast<DeclRefExpr>(Lhs))
      NoteLocal(dyn_cast<VarDecl>(LhsRef->getDecl()));
    else
      fallBack("it is stored in '" +
                   Lexer::getSourceText(CharSourceRange::getTokenRange(
                                            Lhs->getSourceRange()),
                                        SM, Context.getLangOpts())
                       .str() +
                   "' here",
               Assign->getBeginLoc());
    return;
  }
  if (isa<DeclStmt>(Parent)) {
    for (const auto &Node : Context.getParents(*Value))
      if (const auto *Var = Node.get<VarDecl>())
        NoteLocal(Var);
    return;
  }
  if (isa<ReturnStmt>(Parent)) {
    fallBack("it is returned here", Parent->getBeginLoc());
    return;
  }
  if (isa<InitListExpr>(Parent)) {
    fallBack("it is stored in an aggregate here", Parent->getBeginLoc());
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Value &&
          calleeKeeps(Call->getDirectCallee(), I)) {
        fallBack("it is passed to '" +
                     Call->getDirectCallee()->getName().str() +
                     "', which keeps it",
                 Call->getBeginLoc());
        return;
      }
  }
}

void Planner::followUses() {
  if (Site.Pointer.K != OutTarget::LocalVariable) {
    fallBack(Site.Pointer.K == OutTarget::Deref
                 ? "the pointer is passed out through '" +
                       Site.Pointer.Text.substr(1) + "'"
                 : "the pointer is stored in '" + Site.Pointer.Text + "'",
             Site.Pointer.Arg->getBeginLoc());
    return;
  }
  Tracked.insert(Site.Pointer.Var);
  if (Site.Length.K == OutTarget::LocalVariable)
    Tracked.insert(Site.Length.Var);
  const Stmt *Body = Function.getBody();
  // Aliases found while following uses are followed too.
  llvm::SmallPtrSet<const DeclRefExpr *, 16> Seen;
  bool Grew = true;
  while (Grew && !Plan.Immediate) {
    Grew = false;
    auto Refs = match(findAll(declRefExpr().bind("ref")), *Body, Context);
    for (const auto &Node : Refs) {
      const auto *Ref = Node.getNodeAs<DeclRefExpr>("ref");
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !Tracked.count(Var) || !Seen.insert(Ref).second)
        continue;
      // The out-arguments of this and the other calls write, not read.
      if (isOutArgOfASite(Ref))
        continue;
      // A lambda or block may run at any later time, whatever the place of
      // its definition.
      if (Var != Site.Length.Var)
        if (const Stmt *Closure = enclosingClosure(Ref)) {
          fallBack(isa<LambdaExpr>(Closure) ? "it is captured by a lambda here"
                                            : "it is captured by a block here",
                   Closure->getBeginLoc());
          break;
        }
      if (!afterCall(Ref)) {
        // A read before the call inside a loop that repeats the call sees the
        // previous iteration's pointer, whose view is released by then.
        for (const Stmt *S = Site.Call; S; S = parentStmt(S, Context))
          if (isLoop(S) && isWithin(Ref, S, Context)) {
            fallBack("it is read before the call, in the loop that repeats "
                     "the call",
                     Ref->getBeginLoc());
            break;
          }
        continue;
      }
      Uses.push_back(Ref);
      size_t Before = Tracked.size();
      if (Var == Site.Pointer.Var || Var != Site.Length.Var)
        checkFlow(Ref);
      Grew |= Tracked.size() != Before;
    }
  }
}

const CompoundStmt *Planner::holdingScope() {
  // Candidates, innermost first: the branch where the call succeeded, then
  // every compound statement around the call.
  // With another acquisition in the same condition, the failure path may
  // hold this view too, so the success branch alone cannot hold it.
  std::vector<const CompoundStmt *> Candidates;
  if (const IfStmt *If = Site.ownTest(); If && !sharesCondition()) {
    const Stmt *Success =
        Site.ownTestTrueMeansFailure() ? If->getElse() : If->getThen();
    if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Success))
      Candidates.push_back(Compound);
  }
  for (const Stmt *S = parentStmt(Site.Call, Context); S;
       S = parentStmt(S, Context)) {
    if (const auto *Compound = dyn_cast<CompoundStmt>(S))
      Candidates.push_back(Compound);
    if (isa<LambdaExpr, BlockExpr>(S))
      break;
  }
  for (const CompoundStmt *Candidate : Candidates) {
    bool HoldsAll = true;
    for (const DeclRefExpr *Use : Uses)
      HoldsAll &= isWithin(Use, Candidate, Context);
    if (HoldsAll)
      return Candidate;
  }
  return nullptr;
}

void Planner::addReturn(const ReturnStmt *Return) {
  // A return spelled inside a macro (Py_RETURN_NONE, a FAIL() macro) gets
  // its release before the whole macro use, provided the macro returns
  // unconditionally.
  const Stmt *Target = macroStatement(Return, Context);
  if (conditionalInMacro(Return, Target)) {
    fallBack("a return inside a macro is taken conditionally",
             SM.getExpansionLoc(Return->getBeginLoc()));
    return;
  }
  Plan.ReleaseBefore.push_back(Target);
  if (const Expr *Value = Return->getRetValue(); Value && readsView(Value)) {
    if (Target != Return) {
      fallBack("a return inside a macro reads the pointer",
               SM.getExpansionLoc(Return->getBeginLoc()));
      return;
    }
    Plan.ReturnsReadingView.push_back(Return);
  }
}

void Planner::collectExits() {
  const CompoundStmt *Holding = Plan.Holding;
  auto Exits = match(
      findAll(stmt(anyOf(returnStmt(), gotoStmt(), breakStmt(),
                         continueStmt(), cxxThrowExpr()))
                  .bind("exit")),
      *Holding, Context);
  llvm::SmallPtrSet<const LabelStmt *, 4> Labels;
  for (const auto &Node : Exits) {
    const auto *Exit = Node.getNodeAs<Stmt>("exit");
    if (!afterCall(Exit) || inOwnFailureBranch(Exit))
      continue;
    // What the exit leaves: walk out to the holding scope.
    bool Leaves = true, InFunction = true;
    for (const Stmt *S = parentStmt(Exit, Context); S && S != Holding;
         S = parentStmt(S, Context)) {
      if (isa<LambdaExpr, BlockExpr>(S))
        InFunction = false;
      if (isa<BreakStmt>(Exit) && (isLoop(S) || isa<SwitchStmt>(S)))
        Leaves = false;
      if (isa<ContinueStmt>(Exit) && isLoop(S))
        Leaves = false;
      if (isa<CXXThrowExpr>(Exit) && isa<CXXTryStmt>(S)) {
        fallBack("an exception thrown here may be caught while the pointer "
                 "is still used",
                 Exit->getBeginLoc());
        return;
      }
    }
    if (!InFunction || !Leaves)
      continue;
    if (const auto *Return = dyn_cast<ReturnStmt>(Exit)) {
      addReturn(Return);
      continue;
    }
    if (const auto *Goto = dyn_cast<GotoStmt>(Exit)) {
      const LabelStmt *Label = Goto->getLabel()->getStmt();
      if (!Label)
        continue;
      if (isWithin(Label, Holding, Context)) {
        if (before(Label->getBeginLoc(), Site.Call->getBeginLoc()))
          fallBack("a goto here jumps back before the call",
                   Goto->getBeginLoc());
        continue;
      }
      // A label in the view's scope after its declaration releases for
      // every goto at once; paths from before the acquisition reach it with
      // a zeroed view, which PyBuffer_Release leaves alone.
      bool LabelSeesView =
          ViewScope && isWithin(Label, ViewScope, Context) &&
          before(ViewDeclEnd, Label->getBeginLoc()) &&
          isa_and_nonnull<CompoundStmt>(parentStmt(Label, Context));
      if (LabelSeesView) {
        if (Labels.insert(Label).second)
          Plan.ReleaseAfterLabel.push_back(Label);
      } else {
        Plan.ReleaseBefore.push_back(Exit);
      }
      continue;
    }
    const Stmt *Target = macroStatement(Exit, Context);
    if (conditionalInMacro(Exit, Target)) {
      fallBack("a jump inside a macro is taken conditionally",
               SM.getExpansionLoc(Exit->getBeginLoc()));
      return;
    }
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(Exit)) {
      // `throw E(tmp)`: the statement is the ExprWithCleanups around it.
      if (Target == Exit)
        while (isa_and_nonnull<ExprWithCleanups>(parentStmt(Target, Context)))
          Target = parentStmt(Target, Context);
      if (Throw->getSubExpr() && readsView(Throw->getSubExpr())) {
        if (Target->getBeginLoc().isMacroID()) {
          fallBack("a throw inside a macro reads the pointer",
                   SM.getExpansionLoc(Exit->getBeginLoc()));
          return;
        }
        Plan.ThrowsReadingView.push_back(Target);
      }
    }
    Plan.ReleaseBefore.push_back(Target);
  }
}

bool Planner::readsView(const Expr *E) const {
  auto Reads = match(findAll(declRefExpr().bind("ref")), *E, Context);
  for (const auto &Node : Reads)
    if (const auto *Var =
            dyn_cast<VarDecl>(Node.getNodeAs<DeclRefExpr>("ref")->getDecl());
        Var && Tracked.count(Var))
      return true;
  return false;
}

ReleasePlan Planner::plan() {
  followUses();
  if (Plan.Immediate)
    return Plan;
  Plan.Holding = holdingScope();
  if (!Plan.Holding) {
    fallBack("its uses could not be bounded", Site.Call->getBeginLoc());
    return Plan;
  }
  // A loop between the call and the holding scope would acquire once per
  // iteration but release once.
  for (const Stmt *S = parentStmt(Site.Call, Context); S && S != Plan.Holding;
       S = parentStmt(S, Context))
    if (isLoop(S)) {
      fallBack("it is still used after the loop that acquires it",
               S->getBeginLoc());
      return Plan;
    }
  collectExits();
  if (Plan.Immediate)
    return Plan;
  Plan.ReleaseAtEnd = Plan.Holding->body_empty() ||
                      !alwaysLeaves(Plan.Holding->body_back());
  return Plan;
}

} // namespace

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

ReleasePlan planRelease(const BufferCallSite &Site, const FunctionDecl &Function,
                        const CompoundStmt *ViewScope, SourceLocation ViewDeclEnd,
                        const std::vector<const BufferCallSite *> &OtherSites,
                        ASTContext &Context) {
  return Planner(Site, Function, ViewScope, ViewDeclEnd, OtherSites, Context)
      .plan();
}

} // namespace clang::tidy::pycapi::buffer
