//===--- BufferCallSite.cpp - one call of a removed buffer function --------===//
#include "BufferCallSite.h"
#include "../utils/SourceEdit.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::pycapi::buffer {

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

/// The expression with parentheses and casts that do not change the value
/// removed.
static const Expr *stripped(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    return E;
  }
}

static OutTarget outTarget(const Expr *Arg, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  OutTarget Target;
  Target.Arg = Arg;
  const Expr *Inner = stripped(Arg);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Inner);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
    const Expr *Object = AddrOf->getSubExpr()->IgnoreParens();
    Target.Type = Object->getType();
    Target.Text = textOf(Object->getSourceRange(), SM, LangOpts);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      Target.BaseName = Ref->getDecl()->getName().str();
      // A by-value parameter is a local variable too; a reference is not.
      if (Var && Var->hasLocalStorage() && !Var->getType()->isReferenceType()) {
        Target.K = OutTarget::LocalVariable;
        Target.Var = Var;
      }
    } else if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
      Target.BaseName = Member->getMemberDecl()->getName().str();
    }
    return Target;
  }
  // An out-parameter: the target is what it points to.
  Target.K = OutTarget::Deref;
  const Expr *Pointer = Arg->IgnoreParenImpCasts();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Pointer))
    Pointer = Cast->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *PtrType = Pointer->getType()->getAs<PointerType>())
    Target.Type = PtrType->getPointeeType();
  std::string Text = textOf(Pointer->getSourceRange(), SM, LangOpts);
  bool Simple = isa<DeclRefExpr>(Pointer);
  Target.Text = Simple ? "*" + Text : "*(" + Text + ")";
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Pointer))
    Target.BaseName = Ref->getDecl()->getName().str();
  return Target;
}

int comparisonMeansFailure(BinaryOperatorKind Op, int64_t Value,
                                  bool CallOnLeft) {
  if (!CallOnLeft) {
    switch (Op) {
    case BO_LT: Op = BO_GT; break;
    case BO_GT: Op = BO_LT; break;
    case BO_LE: Op = BO_GE; break;
    case BO_GE: Op = BO_LE; break;
    default: break;
    }
  }
  auto Holds = [&](int64_t Status) {
    switch (Op) {
    case BO_LT: return Status < Value;
    case BO_GT: return Status > Value;
    case BO_LE: return Status <= Value;
    case BO_GE: return Status >= Value;
    case BO_EQ: return Status == Value;
    case BO_NE: return Status != Value;
    default: return false;
    }
  };
  bool OnFailure = Holds(-1), OnSuccess = Holds(0);
  if (OnFailure && !OnSuccess)
    return 1;
  if (OnSuccess && !OnFailure)
    return 0;
  return -1;
}

static const Stmt *parentSkippingParens(const Stmt *S, ASTContext &Context) {
  const Stmt *Parent = parentStmt(S, Context);
  while (Parent && (isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups>(Parent)))
    Parent = parentStmt(Parent, Context);
  return Parent;
}

static void analyzeStatusUse(BufferCallSite &Site, ASTContext &Context) {
  const Stmt *Value = Site.Call;
  const Stmt *Parent = parentSkippingParens(Value, Context);
  // Step over `r = CALL` when it sits inside a larger test: its value is the
  // call's.
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
      Assign && Assign->getOpcode() == BO_Assign) {
    const Stmt *Above = parentSkippingParens(Assign, Context);
    if (isa_and_nonnull<CompoundStmt>(Above)) {
      const auto *Ref =
          dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Var || !Var->hasLocalStorage()) {
        Site.Unfixable = "the status is stored somewhere other than a local "
                         "variable";
        return;
      }
      Site.Use = StatusUse::Stored;
      Site.UseStmt = Assign;
      Site.StatusVar = Var;
      Site.StatusText = Var->getName().str();
      return;
    }
    Value = Assign;
    Parent = Above;
  }
  // `int r = CALL;`
  if (!Parent) {
    for (const auto &Node : Context.getParents(*Value))
      if (const auto *Var = Node.get<VarDecl>()) {
        const Stmt *Decl = parentStmt(Value, Context);
        if (Var->hasLocalStorage() && isa_and_nonnull<DeclStmt>(Decl) &&
            cast<DeclStmt>(Decl)->isSingleDecl()) {
          Site.Use = StatusUse::Stored;
          Site.UseStmt = Decl;
          Site.StatusVar = Var;
          Site.StatusText = Var->getName().str();
          return;
        }
      }
  }
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(Parent)) {
    if (Decl->isSingleDecl())
      if (const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl());
          Var && Var->hasLocalStorage()) {
        Site.Use = StatusUse::Stored;
        Site.UseStmt = Decl;
        Site.StatusVar = Var;
        Site.StatusText = Var->getName().str();
        return;
      }
    Site.Unfixable = "the status initializes a declaration this check cannot "
                     "follow";
    return;
  }
  // `CALL;` and `(void)CALL;`
  if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(Parent);
      Cast && Cast->getType()->isVoidType()) {
    Value = Cast;
    Parent = parentSkippingParens(Cast, Context);
  }
  if (isa_and_nonnull<CompoundStmt>(Parent)) {
    Site.Use = StatusUse::Ignored;
    Site.UseStmt = Value;
    return;
  }

  // A test of the status: find out what its truth means.
  int TrueMeansFailure = 1; // a bare `if (CALL)`: nonzero is failure
  if (const auto *Compare = dyn_cast_or_null<BinaryOperator>(Parent);
      Compare && Compare->isComparisonOp()) {
    bool CallOnLeft = stripped(Compare->getLHS()) == stripped(cast<Expr>(Value)) ||
                      Compare->getLHS()->IgnoreParenImpCasts() == Value;
    const Expr *Other = CallOnLeft ? Compare->getRHS() : Compare->getLHS();
    Expr::EvalResult Result;
    if (Other->isValueDependent() ||
        !Other->EvaluateAsInt(Result, Context)) {
      Site.Unfixable = "the status is compared with something that is not a "
                       "constant";
      return;
    }
    TrueMeansFailure = comparisonMeansFailure(
        Compare->getOpcode(), Result.Val.getInt().getExtValue(), CallOnLeft);
    Value = Compare;
    Parent = parentSkippingParens(Compare, Context);
  } else if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Parent);
             Not && Not->getOpcode() == UO_LNot) {
    TrueMeansFailure = 0;
    Value = Not;
    Parent = parentSkippingParens(Not, Context);
  }
  if (TrueMeansFailure < 0) {
    Site.Unfixable = "the status test does not tell success from failure";
    return;
  }
  // `A || CALL < 0`: the chain is false only if the call succeeded.
  // `A && CALL == 0`: the chain is true only if the call succeeded.
  // A test after the call's own is remembered: requireOnlySiteTestsAfter()
  // admits it only when it tests another buffer call.
  Site.Test = cast<Expr>(Value);
  while (const auto *Chain = dyn_cast_or_null<BinaryOperator>(Parent)) {
    if (Chain->getOpcode() == BO_LOr && TrueMeansFailure == 1) {
    } else if (Chain->getOpcode() == BO_LAnd && TrueMeansFailure == 0) {
    } else {
      break;
    }
    if (Chain->getRHS()->IgnoreParenImpCasts() !=
        cast<Expr>(Value)->IgnoreParenImpCasts())
      Site.TestsAfter.push_back(Chain->getRHS());
    Value = Chain;
    Parent = parentSkippingParens(Chain, Context);
  }
  const auto *If = dyn_cast_or_null<IfStmt>(Parent);
  if (!If || If->getCond()->IgnoreParenImpCasts() !=
                 cast<Expr>(Value)->IgnoreParenImpCasts() ||
      If->getConditionVariable() || If->isConstexpr()) {
    Site.Unfixable = "the status is used in a way this check cannot follow";
    return;
  }
  Site.UseStmt = If;
  Site.Use = TrueMeansFailure ? StatusUse::IfTrueMeansFailure
                              : StatusUse::IfTrueMeansSuccess;
  if (Site.Use == StatusUse::IfTrueMeansFailure && !If->getElse() &&
      !alwaysLeaves(If->getThen()))
    Site.Unfixable = "the failure branch does not leave, so the success path "
                     "cannot be told apart";
}

/// Whether \p E is the test of a fixable site in \p Sites or a chain of
/// \p Op over such tests.
static bool isChainOfSiteTests(const Expr *E, BinaryOperatorKind Op,
                               const std::vector<BufferCallSite> &Sites) {
  E = E->IgnoreParenImpCasts();
  for (const BufferCallSite &Other : Sites)
    if (Other.Unfixable.empty() && Other.Test &&
        Other.Test->IgnoreParenImpCasts() == E)
      return true;
  const auto *Chain = dyn_cast<BinaryOperator>(E);
  return Chain && Chain->getOpcode() == Op &&
         isChainOfSiteTests(Chain->getLHS(), Op, Sites) &&
         isChainOfSiteTests(Chain->getRHS(), Op, Sites);
}

void requireOnlySiteTestsAfter(std::vector<BufferCallSite> &Sites) {
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (BufferCallSite &Site : Sites) {
      if (!Site.Unfixable.empty())
        continue;
      BinaryOperatorKind Op =
          Site.Use == StatusUse::IfTrueMeansFailure ? BO_LOr : BO_LAnd;
      for (const Expr *After : Site.TestsAfter)
        if (!isChainOfSiteTests(After, Op, Sites)) {
          Site.Unfixable = "another test follows the call in the same "
                           "condition";
          Changed = true;
          break;
        }
    }
  }
}

void analyzeCallSite(BufferCallSite &Site, ASTContext &Context) {
  Site.Pointer = outTarget(Site.Pointer.Arg, Context);
  Site.Length = outTarget(Site.Length.Arg, Context);
  if (Site.Pointer.Text.empty() || Site.Length.Text.empty() ||
      Site.Pointer.Type.isNull() || Site.Length.Type.isNull()) {
    Site.Unfixable = "an out-argument is not written in this file";
    return;
  }
  if (!Site.Pointer.Type->isPointerType()) {
    Site.Unfixable = "the buffer argument does not point to a pointer";
    return;
  }
  if (!Site.Length.Type->isIntegerType()) {
    Site.Unfixable = "the length argument does not point to an integer";
    return;
  }
  analyzeStatusUse(Site, Context);
}

} // namespace clang::tidy::pycapi::buffer
