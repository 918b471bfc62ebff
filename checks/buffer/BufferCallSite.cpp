//===--- BufferCallSite.cpp - one call of a removed buffer function
//--------===//
#include "BufferCallSite.h"
#include "../utils/SourceEdit.h"
#include "ViewLifetime.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::pycapi::buffer {

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

llvm::StringRef reasonText(UnfixableReason Reason) {
  static const char *const Texts[] = {
#define UNFIXABLE(Name, Text, Doc) Text,
#include "BufferReasons.def"
  };
  return Texts[static_cast<size_t>(Reason)];
}

llvm::StringRef reasonText(FallbackReason Reason) {
  static const char *const Texts[] = {
#define FALLBACK(Name, Rank, Text, Doc) Text,
#include "BufferReasons.def"
  };
  return Texts[static_cast<size_t>(Reason)];
}

FallbackRank rankOf(FallbackReason Reason) {
  static const FallbackRank Ranks[] = {
#define FALLBACK(Name, Rank, Text, Doc) FallbackRank::Rank,
#include "BufferReasons.def"
  };
  return Ranks[static_cast<size_t>(Reason)];
}

TestTruth comparisonTruth(BinaryOperatorKind Op, int64_t Value,
                          bool StatusOnLeft) {
  if (!StatusOnLeft) {
    switch (Op) {
    case BO_LT:
      Op = BO_GT;
      break;
    case BO_GT:
      Op = BO_LT;
      break;
    case BO_LE:
      Op = BO_GE;
      break;
    case BO_GE:
      Op = BO_LE;
      break;
    default:
      break;
    }
  }
  auto Holds = [&](int64_t Status) {
    switch (Op) {
    case BO_LT:
      return Status < Value;
    case BO_GT:
      return Status > Value;
    case BO_LE:
      return Status <= Value;
    case BO_GE:
      return Status >= Value;
    case BO_EQ:
      return Status == Value;
    case BO_NE:
      return Status != Value;
    default:
      return false;
    }
  };
  bool OnFailure = Holds(-1), OnSuccess = Holds(0);
  if (OnFailure && !OnSuccess)
    return TestTruth::Failure;
  if (OnSuccess && !OnFailure)
    return TestTruth::Success;
  return TestTruth::Neither;
}

static const Stmt *parentSkippingParens(const Stmt *S,
                                        const ParentLookup &Parents) {
  const Stmt *Parent = parentStmt(S, Parents);
  while (Parent && (isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups>(Parent)))
    Parent = parentStmt(Parent, Parents);
  return Parent;
}

namespace {
/// How far analyzeStatusUse has followed the status up the AST: the
/// expression whose value stands for it (the call, then the tests around
/// it), and that expression's parent (parentheses aside).
struct StatusWalk {
  const Stmt *Value;
  const Stmt *Parent;

  void stepTo(const Stmt *Outer, const ParentLookup &Parents) {
    Value = Outer;
    Parent = parentSkippingParens(Outer, Parents);
  }
};
} // namespace

static void storeIn(BufferCallSite &Site, const Stmt *Store,
                    const VarDecl *Var) {
  Site.Use = StatusUse::Stored;
  Site.UseStmt = Store;
  Site.StatusVar = Var;
  Site.StatusText = Var->getName().str();
}

/// `r = CALL;` stores the status. Inside a larger test, `r = CALL` is
/// stepped over: its value is the call's. True when the use is decided.
static bool analyzeAssignment(BufferCallSite &Site, StatusWalk &Walk,
                              const ParentLookup &Parents) {
  const auto *Assign = dyn_cast_or_null<BinaryOperator>(Walk.Parent);
  if (!Assign || Assign->getOpcode() != BO_Assign)
    return false;
  const Stmt *Above = parentSkippingParens(Assign, Parents);
  if (!isa_and_nonnull<CompoundStmt>(Above)) {
    Walk.Value = Assign;
    Walk.Parent = Above;
    return false;
  }
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage())
    Site.markUnfixable(UnfixableReason::StatusStoredNotLocal);
  else
    storeIn(Site, Assign, Var);
  return true;
}

/// `int r = CALL;` stores the status. True when the use is decided.
static bool analyzeDeclaration(BufferCallSite &Site, const StatusWalk &Walk,
                               const ParentLookup &Parents) {
  if (!Walk.Parent) {
    for (const auto &Node : Parents.parents(DynTypedNode::create(*Walk.Value)))
      if (const auto *Var = Node.get<VarDecl>()) {
        const Stmt *Decl = parentStmt(Walk.Value, Parents);
        if (Var->hasLocalStorage() && isa_and_nonnull<DeclStmt>(Decl) &&
            cast<DeclStmt>(Decl)->isSingleDecl()) {
          storeIn(Site, Decl, Var);
          return true;
        }
      }
  }
  const auto *Decl = dyn_cast_or_null<DeclStmt>(Walk.Parent);
  if (!Decl)
    return false;
  if (Decl->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl());
        Var && Var->hasLocalStorage()) {
      storeIn(Site, Decl, Var);
      return true;
    }
  Site.markUnfixable(UnfixableReason::StatusInitializesOther);
  return true;
}

/// `CALL;` and `(void)CALL;` ignore the status. True when they do.
static bool analyzeIgnored(BufferCallSite &Site, StatusWalk &Walk,
                           const ParentLookup &Parents) {
  if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(Walk.Parent);
      Cast && Cast->getType()->isVoidType())
    Walk.stepTo(Cast, Parents);
  if (!isa_and_nonnull<CompoundStmt>(Walk.Parent))
    return false;
  Site.Use = StatusUse::Ignored;
  Site.UseStmt = Walk.Value;
  return true;
}

/// What the truth of the test of the status means: a comparison with a
/// constant, a negation, or the bare status (nonzero is failure). Steps
/// over the comparison or negation; nothing (and the site unfixable) when
/// the test does not tell.
static std::optional<TestTruth>
testTruth(BufferCallSite &Site, StatusWalk &Walk, const ParentLookup &Parents) {
  if (const auto *Compare = dyn_cast_or_null<BinaryOperator>(Walk.Parent);
      Compare && Compare->isComparisonOp()) {
    bool CallOnLeft =
        stripped(Compare->getLHS()) == stripped(cast<Expr>(Walk.Value)) ||
        Compare->getLHS()->IgnoreParenImpCasts() == Walk.Value;
    const Expr *Other = CallOnLeft ? Compare->getRHS() : Compare->getLHS();
    Expr::EvalResult Result;
    if (Other->isValueDependent() ||
        !Other->EvaluateAsInt(Result, Parents.context())) {
      Site.markUnfixable(UnfixableReason::StatusComparedWithNonConstant);
      return std::nullopt;
    }
    TestTruth Truth = comparisonTruth(
        Compare->getOpcode(), Result.Val.getInt().getExtValue(), CallOnLeft);
    if (Truth == TestTruth::Neither) {
      Site.markUnfixable(UnfixableReason::StatusTestAmbiguous);
      return std::nullopt;
    }
    Walk.stepTo(Compare, Parents);
    return Truth;
  }
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Walk.Parent);
      Not && Not->getOpcode() == UO_LNot) {
    Walk.stepTo(Not, Parents);
    return TestTruth::Success;
  }
  return TestTruth::Failure;
}

/// `A || CALL < 0`: the chain is false only if the call succeeded.
/// `A && CALL == 0`: the chain is true only if the call succeeded.
/// A test after the call's own is remembered: requireOnlySiteTestsAfter()
/// admits it only when it tests another buffer call.
static void followChain(BufferCallSite &Site, StatusWalk &Walk, TestTruth Truth,
                        const ParentLookup &Parents) {
  BinaryOperatorKind Keeps = Truth == TestTruth::Failure ? BO_LOr : BO_LAnd;
  while (const auto *Chain = dyn_cast_or_null<BinaryOperator>(Walk.Parent)) {
    if (Chain->getOpcode() != Keeps)
      break;
    if (Chain->getRHS()->IgnoreParenImpCasts() !=
        cast<Expr>(Walk.Value)->IgnoreParenImpCasts())
      Site.TestsAfter.push_back(Chain->getRHS());
    Walk.stepTo(Chain, Parents);
  }
}

static void analyzeStatusUse(BufferCallSite &Site,
                             const ParentLookup &Parents) {
  StatusWalk Walk{Site.Call, parentSkippingParens(Site.Call, Parents)};
  if (analyzeAssignment(Site, Walk, Parents) ||
      analyzeDeclaration(Site, Walk, Parents) ||
      analyzeIgnored(Site, Walk, Parents))
    return;
  std::optional<TestTruth> Truth = testTruth(Site, Walk, Parents);
  if (!Truth)
    return;
  Site.Test = cast<Expr>(Walk.Value);
  followChain(Site, Walk, *Truth, Parents);
  // The test must be the whole condition of an if.
  const auto *If = dyn_cast_or_null<IfStmt>(Walk.Parent);
  if (!If ||
      If->getCond()->IgnoreParenImpCasts() !=
          cast<Expr>(Walk.Value)->IgnoreParenImpCasts() ||
      If->getConditionVariable() || If->isConstexpr()) {
    Site.markUnfixable(UnfixableReason::StatusUseUnsupported);
    return;
  }
  Site.UseStmt = If;
  Site.Use = *Truth == TestTruth::Failure ? StatusUse::IfTrueMeansFailure
                                          : StatusUse::IfTrueMeansSuccess;
  if (Site.Use == StatusUse::IfTrueMeansFailure && !If->getElse() &&
      !alwaysLeaves(If->getThen()))
    Site.markUnfixable(UnfixableReason::FailureBranchFallsThrough);
}

/// Whether \p E is the test of a fixable site in \p Sites or a chain of
/// \p Op over such tests.
static bool isChainOfSiteTests(const Expr *E, BinaryOperatorKind Op,
                               const std::vector<BufferCallSite> &Sites) {
  E = E->IgnoreParenImpCasts();
  for (const BufferCallSite &Other : Sites)
    if (Other.fixable() && Other.Test && Other.Test->IgnoreParenImpCasts() == E)
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
      if (!Site.fixable())
        continue;
      BinaryOperatorKind Op =
          Site.Use == StatusUse::IfTrueMeansFailure ? BO_LOr : BO_LAnd;
      for (const Expr *After : Site.TestsAfter)
        if (!isChainOfSiteTests(After, Op, Sites)) {
          Site.markUnfixable(UnfixableReason::TestFollowsCall);
          Changed = true;
          break;
        }
    }
  }
}

const IfStmt *BufferCallSite::ownTest() const {
  switch (Use) {
  case StatusUse::IfTrueMeansFailure:
  case StatusUse::IfTrueMeansSuccess:
    return dyn_cast_or_null<IfStmt>(UseStmt);
  case StatusUse::Stored:
    return StatusTest;
  default:
    return nullptr;
  }
}

/// Whether \p Cond tests \p Status alone (`r < 0`, `-1 == r`, `r`, `!r`),
/// and if so whether it is true when the call failed.
/// Whether \p E is (parentheses and implicit casts aside) the variable \p Var.
static bool refersTo(const Expr *E, const VarDecl *Var) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return Ref && Ref->getDecl() == Var;
}

std::optional<StatusComparison>
statusComparison(const Expr *Cond, const VarDecl *Status, ASTContext &Context) {
  auto IsStatus = [&](const Expr *E) { return refersTo(E, Status); };
  const auto *Compare = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!Compare || !Compare->isComparisonOp())
    return std::nullopt;
  StatusComparison Result;
  Result.Compare = Compare;
  Result.StatusOnLeft = IsStatus(Compare->getLHS());
  if (!Result.StatusOnLeft && !IsStatus(Compare->getRHS()))
    return std::nullopt;
  Result.Other = Result.StatusOnLeft ? Compare->getRHS() : Compare->getLHS();
  Expr::EvalResult Value;
  if (!Result.Other->isValueDependent() &&
      Result.Other->EvaluateAsInt(Value, Context))
    Result.Value = Value.Val.getInt().getExtValue();
  return Result;
}

static bool isStatusTest(const Expr *Cond, const VarDecl *Status,
                         ASTContext &Context, bool &TrueMeansFailure) {
  auto IsStatus = [&](const Expr *E) { return refersTo(E, Status); };
  Cond = Cond->IgnoreParenImpCasts();
  if (IsStatus(Cond)) {
    TrueMeansFailure = true; // the buffer functions return -1 on failure
    return true;
  }
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot && IsStatus(Not->getSubExpr())) {
    TrueMeansFailure = false;
    return true;
  }
  std::optional<StatusComparison> Comparison =
      statusComparison(Cond, Status, Context);
  if (!Comparison || !Comparison->Value)
    return false;
  TestTruth Truth =
      comparisonTruth(Comparison->Compare->getOpcode(), *Comparison->Value,
                      Comparison->StatusOnLeft);
  if (Truth == TestTruth::Neither)
    return false;
  TrueMeansFailure = Truth == TestTruth::Failure;
  return true;
}

/// What the statements between `r = CALL;` and the test of r must leave
/// alone for that test to stand for the call's own: the declarations behind
/// the pointer and the length, and r.
struct StatusTestGuard {
  /// The variables, globals or members the out-arguments name; null for a
  /// target this check cannot name (then no statement may come between).
  const ValueDecl *Targets[2] = {nullptr, nullptr};
  /// A target other than a local: any call may read it.
  bool CallsMayRead = false;
  const VarDecl *Status = nullptr;

  /// Whether \p S, which runs between the store of the status and its test,
  /// neither mentions the pointer or the length nor writes the status, has
  /// no label, and jumps nowhere outside itself.
  bool allows(const Stmt *S, bool InLoopOrSwitch = false) const {
    if (!S)
      return true;
    // A read of the status is harmless; any other mention may write it.
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(S);
        Cast && Cast->getCastKind() == CK_LValueToRValue)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens());
          Ref && Ref->getDecl() == Status)
        return true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (Ref->getDecl() == Status || Ref->getDecl() == Targets[0] ||
          Ref->getDecl() == Targets[1])
        return false;
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (Member->getMemberDecl() == Targets[0] ||
          Member->getMemberDecl() == Targets[1])
        return false;
    if (CallsMayRead && isa<CallExpr>(S))
      return false;
    if (isa<ReturnStmt, GotoStmt, IndirectGotoStmt, LabelStmt, SwitchCase,
            CXXThrowExpr>(S))
      return false;
    if (isa<BreakStmt, ContinueStmt>(S) && !InLoopOrSwitch)
      return false;
    bool Inner =
        InLoopOrSwitch ||
        isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
    for (const Stmt *Child : S->children())
      if (!allows(Child, Inner))
        return false;
    return true;
  }
};

/// The declaration an out-argument writes into, as far as a later statement
/// would name it: the local or global variable, the out-parameter, or the
/// member.
static const ValueDecl *targetDecl(const OutTarget &Target) {
  if (Target.K == OutTarget::LocalVariable)
    return Target.Var;
  const Expr *Inner = stripped(Target.Arg);
  if (const auto *AddrOf = dyn_cast<UnaryOperator>(Inner);
      AddrOf && AddrOf->getOpcode() == UO_AddrOf)
    Inner = AddrOf->getSubExpr()->IgnoreParens();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(Inner))
    return Member->getMemberDecl();
  return nullptr;
}

/// For `r = CALL;`: finds the if statement that tests r next in the same
/// block, provided that nothing in between reads the pointer or the length,
/// writes r, or jumps: that test then tells success from failure for the
/// call itself (pycairo: `res = ...; PYCAIRO_END_IGNORE_DEPRECATED
/// if (res == -1) return NULL;`).
static void findStatusTest(BufferCallSite &Site, const ParentLookup &Parents) {
  const Stmt *Store = isa<DeclStmt>(Site.UseStmt)
                          ? Site.UseStmt
                          : enclosingStatement(Site.UseStmt, Parents);
  const auto *Block =
      Store ? dyn_cast_or_null<CompoundStmt>(parentStmt(Store, Parents))
            : nullptr;
  if (!Block)
    return;
  StatusTestGuard Guard;
  Guard.Status = Site.StatusVar;
  Guard.Targets[0] = targetDecl(Site.Pointer);
  Guard.Targets[1] = targetDecl(Site.Length);
  Guard.CallsMayRead = Site.Pointer.K != OutTarget::LocalVariable ||
                       Site.Length.K != OutTarget::LocalVariable;
  bool Named = Guard.Targets[0] && Guard.Targets[1];
  const auto *It = llvm::find(Block->body(), Store);
  if (It == Block->body_end())
    return;
  for (++It; It != Block->body_end(); ++It) {
    const Stmt *Next = *It;
    if (isa<NullStmt>(Next))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(Next)) {
      bool TrueMeansFailure = false;
      if (isStatusTest(If->getCond(), Site.StatusVar, Parents.context(),
                       TrueMeansFailure)) {
        // A failure branch that falls through leaves no place where the
        // call is known to have succeeded.
        if (If->getInit() || If->getConditionVariable() || If->isConstexpr() ||
            If->getBeginLoc().isMacroID() ||
            (TrueMeansFailure && !If->getElse() &&
             !alwaysLeaves(If->getThen())))
          return;
        Site.StatusTest = If;
        Site.StatusTestTrueMeansFailure = TrueMeansFailure;
        return;
      }
    }
    if (!Named || !Guard.allows(Next))
      return;
  }
}

/// Refuses a test that reads the pointer only where the call failed
/// (python-ldap: `if (!PyObject_AsReadBuffer(obj, &data, &len)) return 0;`
/// and then `memcpy(copy, data, len)`): the old code read an unset pointer
/// there, and a rewrite would release a view on paths that never acquired
/// it. The code needs its test corrected by hand first.
static void rejectInvertedTest(BufferCallSite &Site,
                               const ParentLookup &Parents) {
  const IfStmt *If = Site.ownTest();
  if (!If || Site.Pointer.K != OutTarget::LocalVariable)
    return;
  const auto *Block = dyn_cast_or_null<CompoundStmt>(parentStmt(If, Parents));
  const Stmt *Body = nullptr;
  if (const Decl *Owner =
          Decl::castFromDeclContext(Site.Pointer.Var->getDeclContext()))
    Body = Owner->getBody();
  if (!Block || !Body)
    return;
  bool TrueMeansFailure = Site.ownTestTrueMeansFailure();
  const Stmt *Success = TrueMeansFailure ? If->getElse() : If->getThen();
  const Stmt *Failure = TrueMeansFailure ? If->getThen() : If->getElse();
  // Where the paths go after the if, unless their branch always leaves.
  bool SuccessGoesOn = !Success || !alwaysLeaves(Success);
  bool FailureGoesOn = !Failure || !alwaysLeaves(Failure);
  const SourceManager &SM = Parents.context().getSourceManager();
  auto After = [&](const Stmt *A, const Stmt *B) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A->getEndLoc()),
                                        SM.getExpansionLoc(B->getBeginLoc()));
  };
  bool UsedWhereFailed = false;
  std::vector<const Stmt *> Uses;
  auto Collect = [&](const Stmt *S, auto &Self) -> void {
    if (!S)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (Ref->getDecl() == Site.Pointer.Var ||
          (Site.Length.Var && Ref->getDecl() == Site.Length.Var))
        Uses.push_back(Ref);
    for (const Stmt *Child : S->children())
      Self(Child, Self);
  };
  Collect(Body, Collect);
  for (const Stmt *Ref : Uses) {
    if (!After(Site.Call, Ref) || isWithin(Ref, Site.Pointer.Arg, Parents) ||
        isWithin(Ref, Site.Length.Arg, Parents))
      continue;
    bool IsPointer = cast<DeclRefExpr>(Ref)->getDecl() == Site.Pointer.Var;
    if (Failure && isWithin(Ref, Failure, Parents)) {
      UsedWhereFailed |= IsPointer;
      continue;
    }
    // In the condition, in the success branch, or after the if where the
    // success path goes on (or somewhere this walk does not follow).
    if (isWithin(Ref, If, Parents) || SuccessGoesOn ||
        !isWithin(Ref, Block, Parents) || !FailureGoesOn)
      return;
    UsedWhereFailed |= IsPointer;
  }
  if (!UsedWhereFailed)
    return;
  Site.markUnfixable(UnfixableReason::InvertedTest, Site.Name,
                     Site.Test ? Site.Test->getBeginLoc()
                               : If->getCond()->getBeginLoc());
}

void analyzeCallSite(BufferCallSite &Site, const ParentLookup &Parents) {
  Site.Pointer = outTarget(Site.Pointer.Arg, Parents.context());
  Site.Length = outTarget(Site.Length.Arg, Parents.context());
  if (Site.Pointer.Text.empty() || Site.Length.Text.empty() ||
      Site.Pointer.Type.isNull() || Site.Length.Type.isNull()) {
    Site.markUnfixable(UnfixableReason::OutArgumentNotInFile);
    return;
  }
  if (!Site.Pointer.Type->isPointerType()) {
    Site.markUnfixable(UnfixableReason::BufferNotPointer);
    return;
  }
  if (!Site.Length.Type->isIntegerType()) {
    Site.markUnfixable(UnfixableReason::LengthNotInteger);
    return;
  }
  analyzeStatusUse(Site, Parents);
  if (Site.fixable() && Site.Use == StatusUse::Stored)
    findStatusTest(Site, Parents);
  if (Site.fixable())
    rejectInvertedTest(Site, Parents);
}

} // namespace clang::tidy::pycapi::buffer
