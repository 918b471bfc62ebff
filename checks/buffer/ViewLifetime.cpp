//===--- ViewLifetime.cpp - how long a Py_buffer view must be held
//---------===//
#include "ViewLifetime.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Builtins.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::buffer {

bool sharesCondition(const BufferCallSite &Site,
                     llvm::ArrayRef<const BufferCallSite *> Others,
                     const ParentLookup &Parents) {
  const auto *If = dyn_cast_or_null<IfStmt>(Site.UseStmt);
  if (!If)
    return false;
  for (const BufferCallSite *Other : Others)
    if (Other != &Site && isWithin(Other->Call, If->getCond(), Parents))
      return true;
  return false;
}

namespace {

bool isLoop(const Stmt *S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
}

/// The name \p Function has in the non-retaining list: a C function's
/// name; the qualified name of a method or of a function in a namespace
/// (Log::write), which must not match the C function it shares a name with;
/// for a constructor, its class's (std::basic_string, whatever inline
/// namespace the standard library puts it in).
std::string listedName(const FunctionDecl &Function) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function)) {
    const CXXRecordDecl *Class = Ctor->getParent();
    if (Class->isInStdNamespace() && Class->getIdentifier())
      return "std::" + Class->getName().str();
    return Class->getQualifiedNameAsString();
  }
  const DeclContext *Context = Function.getDeclContext()->getRedeclContext();
  if (Context->isTranslationUnit())
    return Function.getNameAsString();
  return Function.getQualifiedNameAsString();
}

/// What a callee does with a pointer argument.
enum class Retention {
  DoesNotKeep, ///< listed as non-retaining, or a visible body that does not
               ///< keep it
  MayKeep,     ///< no visible body, or called through a function pointer
  Keeps,       ///< a visible body stores or returns it
};

class Planner {
public:
  Planner(const BufferCallSite &Site, const FunctionDecl &Function,
          const CompoundStmt *ViewScope, SourceLocation ViewDeclEnd,
          const std::vector<const BufferCallSite *> &OtherSites,
          const NonRetainingFunctions &NonRetaining,
          const ParentLookup &Parents, DeclParentMaps &ParentMaps)
      : Site(Site), Function(Function), ViewScope(ViewScope),
        ViewDeclEnd(ViewDeclEnd), OtherSites(OtherSites),
        NonRetaining(NonRetaining), Parents(Parents), ParentMaps(ParentMaps),
        Context(Parents.context()), SM(Context.getSourceManager()) {}

  ReleasePlan plan();

private:
  SourceLocation loc(SourceLocation L) const { return SM.getExpansionLoc(L); }
  bool before(SourceLocation A, SourceLocation B) const {
    return SM.isBeforeInTranslationUnit(loc(A), loc(B));
  }
  bool afterCall(const Stmt *S) const {
    return before(Site.Call->getEndLoc(), S->getBeginLoc());
  }
  /// Falls back to Immediate; of several reasons, the first of the highest
  /// rank wins. \p Name is what the reason's text interpolates.
  void fallBack(FallbackReason Reason, SourceLocation Where,
                std::string Name = {}) {
    if (Plan.FellBack && rankOf(Reason) <= rankOf(Plan.FellBack->Reason))
      return;
    Plan.Immediate = true;
    Plan.FellBack = Fallback{Reason, std::move(Name), Where};
  }
  bool inOwnFailureBranch(const Stmt *S) const;
  bool sharesCondition() const {
    return buffer::sharesCondition(Site, OtherSites, Parents);
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
  const Stmt *pointerValue(const DeclRefExpr *Ref) const;
  void copyInto(const VarDecl *Var, const Stmt *Value);
  /// What \p Callee (null for a call through a function pointer) does with
  /// its argument \p ArgIndex of \p Call.
  Retention retention(const Expr *Call, const FunctionDecl *Callee,
                      unsigned ArgIndex) const;
  bool calleeKeeps(const FunctionDecl *Definition, unsigned Index) const;
  /// Whether \p Call returns a pointer into its argument \p Arg (memchr).
  bool resultPointsInto(const CallExpr *Call, const Stmt *Arg) const;
  void checkCallArgument(const Expr *Call, const FunctionDecl *Callee,
                         llvm::ArrayRef<const Expr *> Args, const Stmt *Value,
                         const DeclRefExpr *Ref);
  std::string sourceText(SourceRange Range) const {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Range), SM,
                                Context.getLangOpts())
        .str();
  }
  const CompoundStmt *holdingScope();
  /// Finds where the view is held and released (Lifetime), unless the
  /// uses already made it fall back.
  void planHolding();
  void collectExits();
  enum class ExitTarget { Outside, Inside, MayBeCaught };
  ExitTarget exitTarget(const Stmt *Exit) const;
  void addGoto(const GotoStmt *Goto,
               llvm::SmallPtrSetImpl<const LabelStmt *> &Labels);
  /// Adds a break, continue or throw; false when it made the plan fall back.
  bool addJump(const Stmt *Exit);
  void addReturn(const ReturnStmt *Return);
  bool fallsIntoReleasingLabel() const;

  const BufferCallSite &Site;
  const FunctionDecl &Function;
  const CompoundStmt *ViewScope;
  SourceLocation ViewDeclEnd;
  const std::vector<const BufferCallSite *> &OtherSites;
  const NonRetainingFunctions &NonRetaining;
  /// The parents in the function; ParentMaps has those of its callees.
  const ParentLookup &Parents;
  DeclParentMaps &ParentMaps;
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
  for (const Stmt *S = parentStmt(Exit, Parents); S;
       S = parentStmt(S, Parents)) {
    if (!isa<CompoundStmt, DoStmt, ParenExpr>(S))
      return true;
    if (S == Target)
      break;
  }
  return false;
}

const Stmt *Planner::enclosingClosure(const Stmt *S) const {
  for (const Stmt *P = parentStmt(S, Parents); P; P = parentStmt(P, Parents))
    if (isa<LambdaExpr, BlockExpr>(P))
      return isWithin(Site.Call, P, Parents) ? nullptr : P;
  return nullptr;
}

bool Planner::isOutArgOfASite(const DeclRefExpr *Ref) const {
  auto IsOutArg = [&](const BufferCallSite &Other) {
    return isWithin(Ref, Other.Pointer.Arg, Parents) ||
           isWithin(Ref, Other.Length.Arg, Parents);
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
  return Failure && isWithin(S, Failure, Parents);
}

/// Whether \p Definition, a function with a body, stores its parameter
/// \p Index somewhere that outlives the call.
bool Planner::calleeKeeps(const FunctionDecl *Definition,
                          unsigned Index) const {
  const ParmVarDecl *Param = Definition->getParamDecl(Index);
  // A constructor's member initializer `: data_(p)` keeps it in the object.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
              Init->getInit() ? Init->getInit()->IgnoreParenCasts() : nullptr);
          Ref && Ref->getDecl() == Param)
        return true;
  auto Refs =
      match(findAll(declRefExpr(to(varDecl(equalsNode(Param)))).bind("ref")),
            *Definition->getBody(), Context);
  // The references are in the callee's body: its parents, not the caller's.
  const ParentLookup &CalleeParents =
      ParentMaps.around(*Definition->getBody(), *Definition);
  for (const auto &Node : Refs) {
    const Stmt *Value = Node.getNodeAs<DeclRefExpr>("ref");
    const Stmt *Parent = parentStmt(Value, CalleeParents);
    while (isa_and_nonnull<ParenExpr, ImplicitCastExpr, ExplicitCastExpr>(
        Parent)) {
      Value = Parent;
      Parent = parentStmt(Parent, CalleeParents);
    }
    if (isa_and_nonnull<ReturnStmt>(Parent))
      return true;
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
        Assign && Assign->getOpcode() == BO_Assign &&
        Assign->getRHS() == Value) {
      const auto *Lhs = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParens());
      const auto *Var = Lhs ? dyn_cast<VarDecl>(Lhs->getDecl()) : nullptr;
      if (!Var || !Var->hasLocalStorage())
        return true;
    }
  }
  return false;
}

Retention Planner::retention(const Expr *Call, const FunctionDecl *Callee,
                             unsigned ArgIndex) const {
  if (!Callee)
    return Retention::MayKeep;
  if (NonRetaining.contains(listedName(*Callee)))
    return Retention::DoesNotKeep;
  // Compiler builtins (__builtin_memcpy) do not keep pointers; library
  // builtins (strtok keeps one) go by the table.
  if (unsigned Builtin = Callee->getBuiltinID();
      Builtin && !Context.BuiltinInfo.isLibFunction(Builtin))
    return Retention::DoesNotKeep;
  // A member operator's first argument is the object.
  unsigned Index = ArgIndex;
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
    if (Index == 0)
      return Retention::DoesNotKeep;
    --Index;
  }
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition) || !Definition ||
      Index >= Definition->getNumParams())
    return Retention::MayKeep; // no body, or a variadic argument
  return calleeKeeps(Definition, Index) ? Retention::Keeps
                                        : Retention::DoesNotKeep;
}

bool Planner::resultPointsInto(const CallExpr *Call, const Stmt *Arg) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !NonRetaining.resultPointsIntoArgument(listedName(*Callee)))
    return false;
  return llvm::is_contained(Call->arguments(), Arg);
}

/// The pointer \p Value (read through \p Ref) is an argument of \p Call: a
/// callee that keeps it makes Lifetime fall back, one that may keep it gets
/// a note.
void Planner::checkCallArgument(const Expr *Call, const FunctionDecl *Callee,
                                llvm::ArrayRef<const Expr *> Args,
                                const Stmt *Value, const DeclRefExpr *Ref) {
  auto Name = [&] {
    if (!Callee)
      return sourceText(cast<CallExpr>(Call)
                            ->getCallee()
                            ->IgnoreImpCasts()
                            ->getSourceRange());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Callee))
      return Ctor->getParent()->getNameAsString();
    return Callee->getQualifiedNameAsString();
  };
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Args[I] != Value)
      continue;
    switch (retention(Call, Callee, I)) {
    case Retention::DoesNotKeep:
      break;
    case Retention::Keeps:
      fallBack(FallbackReason::PassedToKeeper, Call->getBeginLoc(), Name());
      return;
    case Retention::MayKeep: {
      auto Known = llvm::find_if(Plan.MayKeepCalls, [&](const MayKeepCall &K) {
        return K.Call == Call;
      });
      if (Known != Plan.MayKeepCalls.end() && Known->ArgIndex <= I)
        break;
      MayKeepCall Keep;
      Keep.Call = Call;
      Keep.Loc = SM.getExpansionLoc(Call->getBeginLoc());
      Keep.Callee = Name();
      // The pointer without the casts the call needs (`(char *)data`).
      Keep.Pointer = sourceText(Args[I]->IgnoreParenCasts()->getSourceRange());
      if (Keep.Pointer.empty())
        Keep.Pointer = Ref->getDecl()->getName().str();
      if (Keep.Callee.empty())
        Keep.Callee = "the function pointer";
      Keep.ArgIndex = I;
      if (Known != Plan.MayKeepCalls.end())
        *Known = std::move(Keep);
      else
        Plan.MayKeepCalls.push_back(std::move(Keep));
      break;
    }
    }
  }
}

/// Follows the pointer value read at \p Ref out through casts,
/// parentheses, pointer arithmetic, the branches of ?: and functions that
/// return a pointer into their argument (memchr): returns the outermost
/// expression that is still the pointer.
const Stmt *Planner::pointerValue(const DeclRefExpr *Ref) const {
  const Stmt *Value = Ref;
  for (const Stmt *Parent = parentStmt(Ref, Parents); Parent;
       Parent = parentStmt(Parent, Parents)) {
    if (isa<ParenExpr, ImplicitCastExpr, ExplicitCastExpr>(Parent)) {
    } else if (const auto *Search = dyn_cast<CallExpr>(Parent);
               Search && resultPointsInto(Search, Value)) {
    } else if (const auto *Arith = dyn_cast<BinaryOperator>(Parent);
               Arith && Arith->isAdditiveOp() &&
               Arith->getType()->isPointerType()) {
    } else if (const auto *Cond = dyn_cast<ConditionalOperator>(Parent);
               Cond && Cond->getCond() != Value) {
    } else {
      break;
    }
    Value = Parent;
  }
  return Value;
}

/// The pointer \p Value is copied into \p Var: a local is tracked as an
/// alias, anything else lets it escape.
void Planner::copyInto(const VarDecl *Var, const Stmt *Value) {
  if (Var && Var->hasLocalStorage() && !Var->isStaticLocal())
    Tracked.insert(Var);
  else
    fallBack(FallbackReason::StoredIn, Value->getBeginLoc(),
             Var ? Var->getName().str() : "?");
}

/// Decides whether one read of the pointer (or of an alias) lets it escape,
/// and tracks the local variables it is copied into.
void Planner::checkFlow(const DeclRefExpr *Ref) {
  if (const auto *AddrOf =
          dyn_cast_or_null<UnaryOperator>(parentStmt(Ref, Parents));
      AddrOf && AddrOf->getOpcode() == UO_AddrOf) {
    fallBack(FallbackReason::AddressTaken, Ref->getBeginLoc());
    return;
  }
  const Stmt *Value = pointerValue(Ref);
  const Stmt *Parent = parentStmt(Value, Parents);
  const auto *ValueExpr = cast<Expr>(Value);
  if (!ValueExpr->getType()->isPointerType() &&
      !ValueExpr->getType()->isArrayType())
    return; // a dereference, a comparison, a length: not the pointer itself
  if (!Parent)
    return;
  if (const auto *Assign = dyn_cast<BinaryOperator>(Parent);
      Assign && Assign->getOpcode() == BO_Assign) {
    if (Assign->getRHS()->IgnoreParenImpCasts() !=
            ValueExpr->IgnoreParenImpCasts() &&
        Assign->getRHS() != Value)
      return; // the pointer is being overwritten, not read
    const Expr *Lhs = Assign->getLHS()->IgnoreParenImpCasts();
    if (const auto *LhsRef = dyn_cast<DeclRefExpr>(Lhs))
      copyInto(dyn_cast<VarDecl>(LhsRef->getDecl()), Value);
    else
      fallBack(FallbackReason::StoredIn, Assign->getBeginLoc(),
               sourceText(Lhs->getSourceRange()));
  } else if (isa<DeclStmt>(Parent)) {
    for (const auto &Node : Parents.parents(DynTypedNode::create(*Value)))
      if (const auto *Var = Node.get<VarDecl>())
        copyInto(Var, Value);
  } else if (isa<ReturnStmt>(Parent)) {
    fallBack(FallbackReason::Returned, Parent->getBeginLoc());
  } else if (isa<InitListExpr>(Parent)) {
    fallBack(FallbackReason::StoredInAggregate, Parent->getBeginLoc());
  } else if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
    checkCallArgument(
        Call, Call->getDirectCallee(),
        llvm::ArrayRef<const Expr *>(Call->getArgs(), Call->getNumArgs()),
        Value, Ref);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
    checkCallArgument(Construct, Construct->getConstructor(),
                      llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                   Construct->getNumArgs()),
                      Value, Ref);
  }
}

void Planner::followUses() {
  if (Site.Pointer.K != OutTarget::LocalVariable) {
    if (Site.Pointer.K == OutTarget::Deref)
      fallBack(FallbackReason::PassedOut, Site.Pointer.Arg->getBeginLoc(),
               Site.Pointer.Text.substr(1));
    else
      fallBack(FallbackReason::StoredInTarget, Site.Pointer.Arg->getBeginLoc(),
               Site.Pointer.Text);
    return;
  }
  Tracked.insert(Site.Pointer.Var);
  if (Site.Length.K == OutTarget::LocalVariable)
    Tracked.insert(Site.Length.Var);
  const Stmt *Body = Function.getBody();
  // Aliases found while following uses are followed too. The walk goes on
  // after a fallback: a later escape is a better reason than an earlier
  // control-flow one, and every call that may keep the pointer gets a note.
  llvm::SmallPtrSet<const DeclRefExpr *, 16> Seen;
  bool Grew = true;
  while (Grew) {
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
          fallBack(isa<LambdaExpr>(Closure) ? FallbackReason::CapturedByLambda
                                            : FallbackReason::CapturedByBlock,
                   Closure->getBeginLoc());
          continue;
        }
      if (!afterCall(Ref)) {
        // A read before the call inside a loop that repeats the call sees the
        // previous iteration's pointer, whose view is released by then.
        for (const Stmt *S = Site.Call; S; S = parentStmt(S, Parents))
          if (isLoop(S) && isWithin(Ref, S, Parents)) {
            fallBack(FallbackReason::ReadBeforeCallInLoop, Ref->getBeginLoc());
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
  for (const Stmt *S = parentStmt(Site.Call, Parents); S;
       S = parentStmt(S, Parents)) {
    if (const auto *Compound = dyn_cast<CompoundStmt>(S))
      Candidates.push_back(Compound);
    if (isa<LambdaExpr, BlockExpr>(S))
      break;
  }
  for (const CompoundStmt *Candidate : Candidates) {
    bool HoldsAll = true;
    for (const DeclRefExpr *Use : Uses)
      HoldsAll &= isWithin(Use, Candidate, Parents);
    if (HoldsAll)
      return Candidate;
  }
  return nullptr;
}

void Planner::addReturn(const ReturnStmt *Return) {
  // A return spelled inside a macro (Py_RETURN_NONE, a FAIL() macro) gets
  // its release before the whole macro use, provided the macro returns
  // unconditionally.
  const Stmt *Target = macroStatement(Return, Parents);
  if (conditionalInMacro(Return, Target)) {
    fallBack(FallbackReason::ConditionalReturnInMacro,
             SM.getExpansionLoc(Return->getBeginLoc()));
    return;
  }
  Plan.ReleaseBefore.push_back(Target);
  if (const Expr *Value = Return->getRetValue(); Value && readsView(Value)) {
    if (Target != Return) {
      fallBack(FallbackReason::ReturnInMacroReadsPointer,
               SM.getExpansionLoc(Return->getBeginLoc()));
      return;
    }
    Plan.ReturnsReadingView.push_back(Return);
  }
}

/// Where \p Exit goes from inside the holding scope: out of it, or
/// somewhere inside it (a loop or switch that a break or continue stays in,
/// a lambda or block that a return leaves), or into a catch in it.
Planner::ExitTarget Planner::exitTarget(const Stmt *Exit) const {
  bool Leaves = true, InFunction = true;
  for (const Stmt *S = parentStmt(Exit, Parents); S && S != Plan.Holding;
       S = parentStmt(S, Parents)) {
    if (isa<LambdaExpr, BlockExpr>(S))
      InFunction = false;
    if (isa<BreakStmt>(Exit) && (isLoop(S) || isa<SwitchStmt>(S)))
      Leaves = false;
    if (isa<ContinueStmt>(Exit) && isLoop(S))
      Leaves = false;
    if (isa<CXXThrowExpr>(Exit) && isa<CXXTryStmt>(S))
      return ExitTarget::MayBeCaught;
  }
  return InFunction && Leaves ? ExitTarget::Outside : ExitTarget::Inside;
}

void Planner::addGoto(const GotoStmt *Goto,
                      llvm::SmallPtrSetImpl<const LabelStmt *> &Labels) {
  const LabelStmt *Label = Goto->getLabel()->getStmt();
  if (!Label)
    return;
  if (isWithin(Label, Plan.Holding, Parents)) {
    if (before(Label->getBeginLoc(), Site.Call->getBeginLoc()))
      fallBack(FallbackReason::GotoBackBeforeCall, Goto->getBeginLoc());
    return;
  }
  // A label in the view's scope after its declaration releases for every
  // goto at once; paths from before the acquisition reach it with a zeroed
  // view, which PyBuffer_Release leaves alone.
  bool LabelSeesView =
      ViewScope && isWithin(Label, ViewScope, Parents) &&
      before(ViewDeclEnd, Label->getBeginLoc()) &&
      isa_and_nonnull<CompoundStmt>(parentStmt(Label, Parents));
  if (!LabelSeesView)
    Plan.ReleaseBefore.push_back(Goto);
  else if (Labels.insert(Label).second)
    Plan.ReleaseAfterLabel.push_back(Label);
}

bool Planner::addJump(const Stmt *Exit) {
  const Stmt *Target = macroStatement(Exit, Parents);
  if (conditionalInMacro(Exit, Target)) {
    fallBack(FallbackReason::ConditionalJumpInMacro,
             SM.getExpansionLoc(Exit->getBeginLoc()));
    return false;
  }
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(Exit)) {
    // `throw E(tmp)`: the statement is the ExprWithCleanups around it.
    if (Target == Exit)
      while (isa_and_nonnull<ExprWithCleanups>(parentStmt(Target, Parents)))
        Target = parentStmt(Target, Parents);
    if (Throw->getSubExpr() && readsView(Throw->getSubExpr())) {
      if (Target->getBeginLoc().isMacroID()) {
        fallBack(FallbackReason::ThrowInMacroReadsPointer,
                 SM.getExpansionLoc(Exit->getBeginLoc()));
        return false;
      }
      Plan.ThrowsReadingView.push_back(Target);
    }
  }
  Plan.ReleaseBefore.push_back(Target);
  return true;
}

void Planner::collectExits() {
  auto Exits = match(findAll(stmt(anyOf(returnStmt(), gotoStmt(), breakStmt(),
                                        continueStmt(), cxxThrowExpr()))
                                 .bind("exit")),
                     *Plan.Holding, Context);
  llvm::SmallPtrSet<const LabelStmt *, 4> Labels;
  for (const auto &Node : Exits) {
    const auto *Exit = Node.getNodeAs<Stmt>("exit");
    if (!afterCall(Exit) || inOwnFailureBranch(Exit))
      continue;
    switch (exitTarget(Exit)) {
    case ExitTarget::Inside:
      continue;
    case ExitTarget::MayBeCaught:
      fallBack(FallbackReason::ThrowMayBeCaught, Exit->getBeginLoc());
      return;
    case ExitTarget::Outside:
      break;
    }
    if (const auto *Return = dyn_cast<ReturnStmt>(Exit))
      addReturn(Return);
    else if (const auto *Goto = dyn_cast<GotoStmt>(Exit))
      addGoto(Goto, Labels);
    else if (!addJump(Exit))
      return;
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
  llvm::sort(Plan.MayKeepCalls,
             [&](const MayKeepCall &A, const MayKeepCall &B) {
               return before(A.Call->getBeginLoc(), B.Call->getBeginLoc());
             });
  planHolding();
  // A call that may keep the pointer explains a fallback better than the
  // control flow that made the analysis give up.
  if (Plan.FellBack && rankOf(Plan.FellBack->Reason) < FallbackRank::MayKeep &&
      !Plan.MayKeepCalls.empty()) {
    const MayKeepCall &Keep = Plan.MayKeepCalls.front();
    fallBack(FallbackReason::PassedToMayKeep, Keep.Call->getBeginLoc(),
             Keep.Callee);
  }
  return Plan;
}

void Planner::planHolding() {
  if (Plan.Immediate)
    return;
  Plan.Holding = holdingScope();
  if (!Plan.Holding) {
    fallBack(FallbackReason::UsesUnbounded, Site.Call->getBeginLoc());
    return;
  }
  // A loop between the call and the holding scope would acquire once per
  // iteration but release once.
  for (const Stmt *S = parentStmt(Site.Call, Parents); S && S != Plan.Holding;
       S = parentStmt(S, Parents))
    if (isLoop(S)) {
      fallBack(FallbackReason::UsedAfterLoop, S->getBeginLoc());
      return;
    }
  collectExits();
  if (Plan.Immediate)
    return;
  Plan.ReleaseAtEnd = (Plan.Holding->body_empty() ||
                       !alwaysLeaves(Plan.Holding->body_back())) &&
                      !fallsIntoReleasingLabel();
}

/// True when the end of the holding block leads straight to a label that
/// releases the view anyway (`if (CALL == 0) { ... goto done; ... }` then
/// `done:`): a release before the closing brace would be a second one.
bool Planner::fallsIntoReleasingLabel() const {
  if (Plan.ReleaseAfterLabel.empty())
    return false;
  // Walk out of the block as control does when it reaches the end: out of
  // an if's branch, out of a block that this statement ends, out of a label.
  const Stmt *S = Plan.Holding;
  while (const Stmt *Parent = parentStmt(S, Parents)) {
    if (isa<IfStmt, LabelStmt>(Parent)) {
      S = Parent;
      continue;
    }
    const auto *Block = dyn_cast<CompoundStmt>(Parent);
    if (!Block)
      return false;
    const auto *It = llvm::find(Block->body(), S);
    if (It == Block->body_end())
      return false;
    if (++It == Block->body_end()) {
      S = Block; // the end of this block too
      continue;
    }
    return llvm::is_contained(Plan.ReleaseAfterLabel, *It);
  }
  return false;
}

} // namespace

ReleasePlan
planRelease(const BufferCallSite &Site, const FunctionDecl &Function,
            const CompoundStmt *ViewScope, SourceLocation ViewDeclEnd,
            const std::vector<const BufferCallSite *> &OtherSites,
            const NonRetainingFunctions &NonRetaining,
            const ParentLookup &Parents, DeclParentMaps &ParentMaps) {
  return Planner(Site, Function, ViewScope, ViewDeclEnd, OtherSites,
                 NonRetaining, Parents, ParentMaps)
      .plan();
}

} // namespace clang::tidy::pycapi::buffer
