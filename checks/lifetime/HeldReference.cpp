//===--- HeldReference.cpp - where a strong reference must be released ---===//
#include "HeldReference.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <utility>

namespace clang::tidy::pycapi::lifetime {

namespace {

using PointKey = std::pair<const CFGBlock *, unsigned>;
PointKey keyOf(FlowPoint P) { return {P.Block, P.Index}; }

Nullness join(Nullness A, Nullness B) {
  if (A == Nullness::Unreached)
    return B;
  if (B == Nullness::Unreached || A == B)
    return A;
  return Nullness::Maybe;
}

/// \p Current seen through a branch that the test says leaves \p Tested.
Nullness refine(Nullness Current, Nullness Tested) {
  if (Current == Nullness::Maybe || Current == Nullness::Unreached)
    return Current == Nullness::Unreached ? Current : Tested;
  if (Tested == Nullness::Maybe || Tested == Current)
    return Current;
  return Nullness::Unreached; // the branch is not taken
}

bool isJump(const Stmt *S) {
  return isa_and_nonnull<ReturnStmt, GotoStmt, IndirectGotoStmt, BreakStmt,
                         ContinueStmt, CXXThrowExpr>(S);
}

/// Whether the reference is owned on a path: the simulation's state.
/// NullOnly: the variable is NULL on this path, so there is nothing to
/// release (a release there must be the NULL-tolerant one); No: released.
enum class Owned : unsigned char { Unreached, NullOnly, Yes, No, Conflict };

Owned join(Owned A, Owned B) {
  if (A == Owned::Unreached || A == Owned::NullOnly)
    return B == Owned::Unreached ? A : B;
  if (B == Owned::Unreached || B == Owned::NullOnly || A == B)
    return A;
  return Owned::Conflict;
}

struct SimState {
  Owned Own = Owned::Unreached;
  Nullness Null = Nullness::Unreached;
  bool operator==(const SimState &O) const {
    return Own == O.Own && Null == O.Null;
  }
};

SimState join(SimState A, SimState B) {
  if (A.Own == Owned::Unreached)
    return B;
  if (B.Own == Owned::Unreached)
    return A;
  SimState R;
  R.Own = join(A.Own, B.Own);
  R.Null = join(A.Null, B.Null);
  return R;
}

class Planner {
public:
  Planner(const FunctionFlow &Flow, llvm::ArrayRef<const VarDecl *> Names,
          const Stmt &Acquisition, llvm::ArrayRef<const ReturnStmt *> Transfers,
          llvm::function_ref<std::optional<NullTest>(const Expr &)> TestOf,
          const ParentLookup &Parents)
      : Flow(Flow), Names(Names), Acquisition(Acquisition),
        Transfers(Transfers), TestOf(TestOf), Parents(Parents) {
    // An assignment's target is written, not read.
    if (const auto *Assign = dyn_cast<BinaryOperator>(&Acquisition))
      Target = dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts());
  }

  HeldReferencePlan plan() {
    std::optional<FlowPoint> Start = Flow.pointOf(&Acquisition);
    if (!Start) {
      fail(Acquisition.getBeginLoc(), "the control flow could not be read");
      return std::move(Result);
    }
    computeLiveness();
    computeNullness(*Start);
    // The reads and what is known of the variable there, whether or not a
    // plan is found: the caller's reasons may be about them.
    std::vector<std::pair<const Stmt *, Nullness>> Reads;
    for (const CFGBlock *B : Flow.graph())
      for (unsigned I = 0; I < B->size(); ++I)
        if (isUse({B, I}) && nullnessAt({B, I}) != Nullness::Unreached)
          Reads.push_back(
              {FunctionFlow::statementAt({B, I}), nullnessAt({B, I})});
    placeReleases();
    mergeReleasesAfterBranches();
    if (Result.ok())
      verify(*Start);
    if (Result.ok())
      hoistBranchReleases(*Start);
    Result.Reads = std::move(Reads);
    return std::move(Result);
  }

private:
  bool isUse(FlowPoint P) const {
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(FunctionFlow::statementAt(P));
    return Ref && Ref != Target && llvm::is_contained(Names, Ref->getDecl());
  }
  bool isAcquisition(FlowPoint P) const {
    return FunctionFlow::statementAt(P) == &Acquisition;
  }

  // --- liveness: is the variable read on some path from a point on -------
  bool liveBefore(FlowPoint P) const {
    if (Flow.isExit(P))
      return false;
    return isUse(P) || (!isAcquisition(P) && liveAfter(P));
  }
  bool liveAfter(FlowPoint P) const {
    if (P.Index + 1 < P.Block->size()) {
      // Iterative, not recursive: blocks can hold thousands of elements.
      for (unsigned I = P.Index + 1; I < P.Block->size(); ++I) {
        FlowPoint Q{P.Block, I};
        if (isUse(Q))
          return true;
        if (isAcquisition(Q))
          return false;
      }
    }
    auto It = LiveOut.find(P.Block);
    return It != LiveOut.end() && It->second;
  }
  void computeLiveness() {
    bool Changed = true;
    std::vector<FlowPoint> Entries;
    while (Changed) {
      Changed = false;
      for (const CFGBlock *B : Flow.graph()) {
        bool Live = false;
        for (const CFGBlock::AdjacentBlock &Next : B->succs()) {
          Entries.clear();
          Flow.entriesOf(Next.getReachableBlock(), Entries);
          for (FlowPoint E : Entries)
            Live |= liveBefore(E);
        }
        bool &Out = LiveOut[B];
        if (Live && !Out) {
          Out = true;
          Changed = true;
        }
      }
    }
  }

  // --- nullness: what the code's tests say of the variable ---------------
  /// The state on the way from \p P (the last element of its block) into
  /// successor \p K, from the test the block's branch makes.
  Nullness throughBranch(FlowPoint P, unsigned K, Nullness State) const {
    const Stmt *Condition = P.Block->getTerminatorCondition();
    if (P.Block->succ_size() != 2 || !Condition ||
        P.Index + 1 != P.Block->size())
      return State;
    std::optional<NullTest> Test = TestOf(*cast<Expr>(Condition));
    if (!Test)
      return State;
    return refine(State, K == 0 ? Test->IfTrue : Test->IfFalse);
  }

  template <typename Visit> void forEachEdge(FlowPoint P, Visit &&V) const {
    if (P.Index + 1 < P.Block->size()) {
      V(FlowPoint{P.Block, P.Index + 1}, std::optional<unsigned>());
      return;
    }
    std::vector<FlowPoint> Entries;
    unsigned K = 0;
    for (const CFGBlock::AdjacentBlock &Next : P.Block->succs()) {
      Entries.clear();
      Flow.entriesOf(Next.getReachableBlock(), Entries);
      for (FlowPoint E : Entries)
        V(E, std::optional<unsigned>(K));
      ++K;
    }
  }

  void computeNullness(FlowPoint Start) {
    std::vector<FlowPoint> Work{Start};
    NullAt[keyOf(Start)] = Nullness::Maybe;
    while (!Work.empty()) {
      FlowPoint P = Work.back();
      Work.pop_back();
      if (Flow.isExit(P))
        continue;
      Nullness State = isAcquisition(P) ? Nullness::Maybe : NullAt[keyOf(P)];
      forEachEdge(P, [&](FlowPoint Q, std::optional<unsigned> K) {
        Nullness Next = K ? throughBranch(P, *K, State) : State;
        if (Next == Nullness::Unreached)
          return;
        Nullness &At = NullAt[keyOf(Q)];
        Nullness Joined = join(At, Next);
        if (Joined != At) {
          At = Joined;
          Work.push_back(Q);
        }
      });
    }
  }
  Nullness nullnessAt(FlowPoint P) const {
    auto It = NullAt.find(keyOf(P));
    return It == NullAt.end() ? Nullness::Unreached : It->second;
  }

  // --- placement ---------------------------------------------------------
  void addRelease(const Stmt *Anchor, bool Before,
                  bool ThroughTemporary = false, bool Transfer = false) {
    const Stmt *Line =
        ThroughTemporary ? Anchor : enclosingLineStatement(Anchor, Parents);
    if (!Line) {
      fail(Anchor->getBeginLoc(),
           "a release would be needed where no statement can hold one");
      return;
    }
    for (const ReleaseEdit &E : Result.Releases)
      if (E.Statement == Line && E.Before == Before &&
          E.ThroughTemporary == ThroughTemporary)
        return;
    Result.Releases.push_back(
        {Line, Before, false, ThroughTemporary, Transfer});
  }

  /// Whether \p S is in the condition of the if or switch that is its
  /// statement: nothing can go after it before the branch is taken.
  bool inBranchCondition(const Stmt *S) const {
    const Stmt *Line = enclosingLineStatement(S, Parents);
    if (const auto *If = dyn_cast_or_null<IfStmt>(Line))
      return isWithin(S, If->getCond(), Parents);
    if (const auto *Switch = dyn_cast_or_null<SwitchStmt>(Line))
      return isWithin(S, Switch->getCond(), Parents);
    return false;
  }

  /// A release where each branch out of \p End (the last point of a block
  /// whose condition reads the variable last) starts, unless the variable
  /// is NULL there.
  void releaseOnBranches(FlowPoint End) {
    Nullness State = nullnessAt(End);
    forEachEdge(End, [&](FlowPoint Q, std::optional<unsigned> K) {
      Nullness Next = K ? throughBranch(End, *K, State) : State;
      if (Next == Nullness::Unreached || Next == Nullness::Null || !Result.ok())
        return;
      placeOnEdge(End, Q);
    });
  }

  /// A release on the way from \p P, the end of a block, to \p Q: where
  /// the path from a branch's condition leaves the if (its false branch
  /// without an else, or a short-circuit that skips the rest of the
  /// condition and the branch), after the if, which may end a loop's body
  /// or a block; otherwise before the statement that \p Q starts.
  void placeOnEdge(FlowPoint P, FlowPoint Q) {
    const Stmt *From = FunctionFlow::statementAt(P);
    const Stmt *Line = From ? enclosingLineStatement(From, Parents) : nullptr;
    if (const auto *If = dyn_cast_or_null<IfStmt>(Line);
        If && isWithin(From, If->getCond(), Parents) &&
        (Flow.isExit(Q) || !inside(Q, If))) {
      addRelease(If, /*Before=*/false);
      return;
    }
    if (Flow.isExit(Q) || !FunctionFlow::statementAt(Q)) {
      fail(From ? From->getBeginLoc() : SourceLocation(),
           "a path leaves here where no release can be written");
      return;
    }
    addRelease(FunctionFlow::statementAt(Q), /*Before=*/true);
  }

  /// Whether control falling off the end of \p S goes on after the if
  /// \p If: S ends its then or else branch.
  bool endsBranchOf(const Stmt *S, const IfStmt *If) const {
    for (const Stmt *Branch : {If->getThen(), If->getElse()}) {
      if (!Branch)
        continue;
      if (Branch == S)
        return true;
      if (const auto *Block = dyn_cast<CompoundStmt>(Branch);
          Block && !Block->body_empty() && Block->body_back() == S)
        return true;
    }
    return false;
  }

  /// A release after the end of a branch that is followed by one after the
  /// whole if is the same release written twice: the one after the if
  /// stays (the paths out of the if's condition need it anyway).
  void mergeReleasesAfterBranches() {
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (auto It = Result.Releases.begin(); It != Result.Releases.end();
           ++It) {
        if (It->Before)
          continue;
        const Stmt *Parent = parentStmt(It->Statement, Parents);
        if (isa_and_nonnull<CompoundStmt>(Parent))
          Parent = parentStmt(Parent, Parents);
        const auto *If = dyn_cast_or_null<IfStmt>(Parent);
        if (!If || !endsBranchOf(It->Statement, If))
          continue;
        bool AfterIf = llvm::any_of(Result.Releases, [&](const ReleaseEdit &E) {
          return !E.Before && E.Statement == If;
        });
        if (!AfterIf)
          continue;
        Result.Releases.erase(It);
        Changed = true;
        break;
      }
    }
  }

  /// The if whose branch holds \p S as a statement of the branch's block
  /// (or as the branch itself), and which branch: 0 then, 1 else.
  std::pair<const IfStmt *, int> branchOf(const Stmt *S) const {
    const Stmt *Parent = parentStmt(S, Parents);
    const Stmt *Branch = S;
    if (isa_and_nonnull<CompoundStmt>(Parent)) {
      Branch = Parent;
      Parent = parentStmt(Parent, Parents);
    }
    const auto *If = dyn_cast_or_null<IfStmt>(Parent);
    if (!If)
      return {nullptr, -1};
    if (Branch == If->getThen())
      return {If, 0};
    if (Branch == If->getElse())
      return {If, 1};
    return {nullptr, -1};
  }

  /// Releases in both branches of one if (after the last read in one,
  /// where the other starts) become one release after the if, when the plan
  /// still holds with it: the form a maintainer writes (the reference is held a
  /// few statements longer). Inner ifs first, so that nested branches collapse
  /// outwards.
  void hoistBranchReleases(FlowPoint Start) {
    bool Changed = true;
    while (Changed) {
      Changed = false;
      std::map<const IfStmt *, std::vector<size_t>> ByIf;
      for (size_t I = 0; I < Result.Releases.size(); ++I) {
        const ReleaseEdit &E = Result.Releases[I];
        if (E.ThroughTemporary)
          continue;
        if (auto [If, Branch] = branchOf(E.Statement); If)
          ByIf[If].push_back(I);
      }
      for (const auto &[If, Indices] : ByIf) {
        bool Then = false, Else = false;
        for (size_t I : Indices)
          (branchOf(Result.Releases[I].Statement).second ? Else : Then) = true;
        if (!Then || !Else)
          continue;
        HeldReferencePlan Saved = Result;
        std::vector<ReleaseEdit> Trial;
        for (size_t I = 0; I < Result.Releases.size(); ++I)
          if (!llvm::is_contained(Indices, I))
            Trial.push_back(Result.Releases[I]);
        Trial.push_back({If, /*Before=*/false, false, false, false});
        Result.Releases = std::move(Trial);
        verify(Start);
        if (Result.ok()) {
          Changed = true;
          break;
        }
        Result = std::move(Saved);
      }
    }
  }

  void placeReleases() {
    for (const CFGBlock *B : Flow.graph()) {
      for (unsigned I = 0; I < B->size() && Result.ok(); ++I) {
        FlowPoint P{B, I};
        Nullness State = isAcquisition(P) ? Nullness::Maybe : nullnessAt(P);
        if (State == Nullness::Unreached || State == Nullness::Null)
          continue;
        bool Last = I + 1 == B->size();
        // The last read on this path (or an acquisition never read).
        if ((isUse(P) || isAcquisition(P)) && !liveAfter(P)) {
          const Stmt *Read = FunctionFlow::statementAt(P);
          if (const auto *Return = dyn_cast_or_null<ReturnStmt>(
                  enclosingLineStatement(Read, Parents))) {
            addRelease(Return, /*Before=*/true, /*ThroughTemporary=*/true,
                       llvm::is_contained(Transfers, Return));
            continue;
          }
          if (inBranchCondition(Read))
            releaseOnBranches({B, B->size() - 1});
          else
            addRelease(Read, /*Before=*/false);
          continue;
        }
        if (!Last || !LiveOut[B])
          continue;
        // A branch that leaves the region: release where the dead path
        // starts.
        forEachEdge(P, [&](FlowPoint Q, std::optional<unsigned> K) {
          Nullness Next = K ? throughBranch(P, *K, State) : State;
          if (Next == Nullness::Unreached || Next == Nullness::Null ||
              liveBefore(Q) || !Result.ok())
            return;
          placeOnEdge(P, Q);
        });
      }
    }
  }

  // --- verification: run the plan over the graph --------------------------
  bool inside(FlowPoint P, const Stmt *Line) const {
    const Stmt *S = FunctionFlow::statementAt(P);
    return S && isWithin(S, Line, Parents);
  }
  /// Whether the text of \p E runs on the way from \p P to \p Q.
  bool runs(const ReleaseEdit &E, FlowPoint P, FlowPoint Q) const {
    bool FromInside = !Flow.isExit(P) && inside(P, E.Statement);
    bool ToInside = !Flow.isExit(Q) && inside(Q, E.Statement);
    const Stmt *From = FunctionFlow::statementAt(P);
    // Between the return's value, read into the temporary, and the return.
    if (E.ThroughTemporary)
      return FromInside && FunctionFlow::statementAt(Q) == E.Statement;
    if (E.Before)
      return !FromInside && ToInside && !isa_and_nonnull<GotoStmt>(From) &&
             !isa_and_nonnull<SwitchStmt>(P.Block->getTerminatorStmt());
    return FromInside && !ToInside && !isJump(From);
  }

  void verify(FlowPoint Start) {
    std::map<PointKey, SimState> At;
    std::vector<bool> ReleaseMayBeNull(Result.Releases.size(), false);
    std::vector<bool> ReleaseRuns(Result.Releases.size(), false);
    std::vector<FlowPoint> Work{Start};
    At[keyOf(Start)] = {Owned::No, Nullness::Maybe};
    while (!Work.empty() && Result.ok()) {
      FlowPoint P = Work.back();
      Work.pop_back();
      SimState State = At[keyOf(P)];
      if (State.Own == Owned::Conflict) {
        fail(FunctionFlow::statementAt(P)->getBeginLoc(),
             "paths that hold it and paths that do not meet here");
        return;
      }
      if (isAcquisition(P)) {
        if (State.Own == Owned::Yes) {
          fail(FunctionFlow::statementAt(P)->getBeginLoc(),
               "it would be overwritten here while still held");
          return;
        }
        State = {Owned::Yes, Nullness::Maybe};
      } else if (isUse(P) && State.Own == Owned::No) {
        fail(FunctionFlow::statementAt(P)->getBeginLoc(),
             "it would be read here after its release");
        return;
      }
      if (P.Block->hasNoReturnElement() && P.Index + 1 == P.Block->size())
        continue; // the process does not come back
      forEachEdge(P, [&](FlowPoint Q, std::optional<unsigned> K) {
        if (!Result.ok())
          return;
        SimState Next = State;
        if (K) {
          Next.Null = throughBranch(P, *K, State.Null);
          if (Next.Null == Nullness::Unreached)
            return;
          if (Next.Null == Nullness::Null && Next.Own == Owned::Yes)
            Next.Own = Owned::NullOnly;
        }
        for (size_t I = 0; I < Result.Releases.size(); ++I) {
          if (!runs(Result.Releases[I], P, Q))
            continue;
          ReleaseRuns[I] = true;
          if (Next.Null == Nullness::Maybe || Next.Null == Nullness::Null)
            ReleaseMayBeNull[I] = true;
          if (Next.Own == Owned::No) {
            fail(Result.Releases[I].Statement->getBeginLoc(),
                 "a release here would run twice on some path");
            return;
          }
          if (Next.Own == Owned::NullOnly)
            ReleaseMayBeNull[I] = true;
          else
            Next.Own = Owned::No;
        }
        if (Flow.isExit(Q)) {
          if (Next.Own == Owned::Yes)
            fail(FunctionFlow::statementAt(P)->getBeginLoc(),
                 "a path that leaves here would not release it");
          return;
        }
        SimState &Into = At[keyOf(Q)];
        SimState Joined = join(Into, Next);
        if (!(Joined == Into)) {
          Into = Joined;
          Work.push_back(Q);
        }
      });
    }
    if (!Result.ok())
      return;
    std::vector<ReleaseEdit> Kept;
    for (size_t I = 0; I < Result.Releases.size(); ++I) {
      if (!ReleaseRuns[I])
        continue; // only on paths where it is NULL or never reached
      Result.Releases[I].MayBeNull = ReleaseMayBeNull[I];
      Kept.push_back(Result.Releases[I]);
    }
    Result.Releases = std::move(Kept);
  }

  void fail(SourceLocation Loc, std::string Why) {
    if (!Result.ok())
      return;
    Result.Fallback = std::move(Why);
    Result.FallbackLoc = Loc;
    Result.Releases.clear();
  }

  const FunctionFlow &Flow;
  llvm::ArrayRef<const VarDecl *> Names;
  const Stmt &Acquisition;
  llvm::ArrayRef<const ReturnStmt *> Transfers;
  /// The acquisition's target, when it is an assignment.
  const DeclRefExpr *Target = nullptr;
  llvm::function_ref<std::optional<NullTest>(const Expr &)> TestOf;
  const ParentLookup &Parents;
  llvm::DenseMap<const CFGBlock *, bool> LiveOut;
  std::map<PointKey, Nullness> NullAt;
  HeldReferencePlan Result;
};

} // namespace

HeldReferencePlan planHeldReference(
    const FunctionFlow &Flow, llvm::ArrayRef<const VarDecl *> Names,
    const Stmt &Acquisition,
    llvm::function_ref<std::optional<NullTest>(const Expr &Condition)> TestOf,
    const ParentLookup &Parents, llvm::ArrayRef<const ReturnStmt *> Transfers) {
  return Planner(Flow, Names, Acquisition, Transfers, TestOf, Parents).plan();
}

} // namespace clang::tidy::pycapi::lifetime
