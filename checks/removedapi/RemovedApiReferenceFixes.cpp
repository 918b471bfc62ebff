//===--- RemovedApiReferenceFixes.cpp - a strong reference for a borrowed one
//
// The fix of a removed function that lent a borrowed reference, and whose
// replacement hands out a strong one through an out-argument
// (data/strong-reference-replacements.tsv: PyWeakref_GetObject ->
// PyWeakref_GetRef). Off unless StrongReferenceFixes is set: the first
// shape is done, the others are not (docs/checks/removed-api.md).
//
//   PyObject *obj = PyWeakref_GetObject(ref);    PyObject *obj;
//   if (obj == NULL)                             if (PyWeakref_GetRef(ref,
//   &obj) < 0)
//     return NULL;                        =>       return NULL;
//   if (obj == Py_None)                          if (obj == NULL)
//     Py_RETURN_NONE;                              Py_RETURN_NONE;
//   r = PyObject_Repr(obj);                      r = PyObject_Repr(obj);
//                                                Py_DECREF(obj);
//
// The declaration loses its initializer; the call follows it, or replaces
// the error test right after it; the tests against what the old call gave
// for a dead object (Py_None) become NULL tests; the reference is released
// where lifetime::planHeldReference says, on the function's CFG. Any other
// shape gets no fix and a note that says why.
//
//===----------------------------------------------------------------------===//
#include "FixTemplate.h"
#include "RemovedApiCheckBase.h"
#include "RemovedApiCommon.h"
#include "lifetime/HeldReference.h"
#include "utils/SourceEdit.h"
#include "utils/StmtParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>
#include <map>

namespace clang::tidy::pycapi::removedapi {

namespace {

using namespace ast_matchers;
using lifetime::Nullness;
using lifetime::NullTest;

/// A row of data/strong-reference-replacements.tsv.
struct StrongReferenceRow {
  StringRef Removed, Replacement, ErrorTest, GoneWas, Release, ReleaseMaybeNull;
};

constexpr StrongReferenceRow StrongReferenceRows[] = {
#define PYCAPI_STRONG_REFERENCE(Removed, Replacement, ErrorTest, GoneWas,      \
                                Release, ReleaseMaybeNull)                     \
  {Removed, Replacement, ErrorTest, GoneWas, Release, ReleaseMaybeNull},
#include "pycapi/StrongReferenceTable.inc"
#undef PYCAPI_STRONG_REFERENCE
};

// Why a use has no fix (read after "no automatic fix: ").
constexpr llvm::StringLiteral NotADeclaration =
    "only a call that initializes a declaration, or is assigned to a local "
    "in a statement of its own, is rewritten";
constexpr llvm::StringLiteral NoFlow =
    "the control flow of the function could not be read";
constexpr llvm::StringLiteral AddressTaken =
    "the address of '{0}' is taken at line {1}";
constexpr llvm::StringLiteral Assigned = "'{0}' is assigned again at line {1}";
constexpr llvm::StringLiteral Stored =
    "'{0}' is stored or returned at line {1}: decide who owns the reference";
constexpr llvm::StringLiteral NullTested =
    "'{0}' is tested against NULL at line {1}, where NULL would now also "
    "mean that the object is gone";
constexpr llvm::StringLiteral ReadWhereGone =
    "'{0}' is read at line {1} while the object may be gone (the old call "
    "gave {2} there); test '{0}' against {2} first";
constexpr llvm::StringLiteral NoPlan =
    "'{0}' cannot be released at line {2}: {1}";

const Expr *ignoreParensAndCasts(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

/// The parent of \p E, through parentheses and implicit casts.
const Stmt *parentThroughParens(const Expr *E, const ParentLookup &Parents,
                                const Expr *&Child) {
  Child = E;
  const Stmt *Parent = parentStmt(E, Parents);
  while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(Parent)) {
    Child = cast<Expr>(Parent);
    Parent = parentStmt(Parent, Parents);
  }
  return Parent;
}

bool isNullConstant(const Expr *E, ASTContext &Ctx) {
  return E->IgnoreParenImpCasts()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

/// The text of \p Range with its blanks taken out, to compare a statement
/// with a spelling (`Py_INCREF( obj )` is `Py_INCREF(obj)`).
std::string compact(CharSourceRange Range, const SourceManager &SM,
                    const LangOptions &LangOpts) {
  std::string Text = Lexer::getSourceText(Range, SM, LangOpts).str();
  llvm::erase_if(Text, [](char C) { return llvm::isSpace(C); });
  return Text;
}

} // namespace

std::optional<RemovedApiCheckBase::Transfer>
RemovedApiCheckBase::transferAt(const ReturnStmt *Return, StringRef Name,
                                const ParentLookup &Parents) const {
  const SourceManager &SM = *Unit.Sources;
  const LangOptions &LangOpts = *Unit.LangOpts;
  if (Return->getBeginLoc().isMacroID() || !Return->getRetValue())
    return std::nullopt;
  // `return Py_NewRef(obj);` -> `return obj;`
  CharSourceRange ValueRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Return->getRetValue()->getSourceRange()),
      SM, LangOpts);
  if (ValueRange.isInvalid())
    return std::nullopt;
  std::string Value = compact(ValueRange, SM, LangOpts);
  if (Value == ("Py_NewRef(" + Name + ")").str())
    return Transfer{Return, ValueRange, Name.str()};
  // `Py_INCREF(obj);` right before `return obj;`: the INCREF goes.
  const auto *Block =
      dyn_cast_or_null<CompoundStmt>(parentStmt(Return, Parents));
  if (!Block || Value != Name)
    return std::nullopt;
  const Stmt *Previous = nullptr;
  for (const Stmt *S : Block->body()) {
    if (S == Return)
      break;
    Previous = S;
  }
  if (!Previous)
    return std::nullopt;
  SourceLocation PreviousBegin = SM.getExpansionLoc(Previous->getBeginLoc());
  SourceLocation PreviousEnd = endOfStatement(Previous, SM, LangOpts);
  SourceLocation ReturnBegin = SM.getExpansionLoc(Return->getBeginLoc());
  if (PreviousEnd.isInvalid() ||
      compact(CharSourceRange::getCharRange(PreviousBegin, PreviousEnd), SM,
              LangOpts) != ("Py_INCREF(" + Name + ");").str())
    return std::nullopt;
  // One edit from the INCREF to the return keyword (a removal of the whole
  // line would have its whitespace trimmed by clang's edit merger).
  return Transfer{Return,
                  CharSourceRange::getTokenRange(PreviousBegin, ReturnBegin),
                  "return"};
}

const StrongReferenceRow *strongReferenceRow(StringRef Removed) {
  for (const StrongReferenceRow &Row : StrongReferenceRows)
    if (Row.Removed == Removed)
      return &Row;
  return nullptr;
}

bool RemovedApiCheckBase::hasStrongReferenceFix(
    const ::pycapi::RemovedApi &Api) const {
  return StrongReferenceFixes && strongReferenceRow(Api.Name);
}

NoFixReason
RemovedApiCheckBase::strongReferenceFix(const Use &U,
                                        std::vector<FixItHint> &Fixes) {
  const StrongReferenceRow &Row = *strongReferenceRow(U.Api->Name);
  const SourceManager &SM = *Unit.Sources;
  const LangOptions &LangOpts = *Unit.LangOpts;
  ASTContext &Ctx = *Unit.Context;
  const FunctionDecl *Function = enclosingFunction(U.Loc);
  if (U.ExpansionLoc.isValid() || !Function)
    return NotADeclaration.str();
  OrNoFix<WrittenCall> Call = readWrittenCall(U.Loc, SM, LangOpts);
  if (!Call)
    return Call.why();
  if (Call->Args.size() != 1)
    return NotADeclaration.str();

  // The acquisition: a declaration `T *obj = CALL;` or an assignment
  // statement `obj = CALL;` of a local, the call being the whole value.
  auto IsTheCall = [&](const Expr *E) {
    SourceRange R = E->IgnoreParenImpCasts()->getSourceRange();
    return SM.getExpansionLoc(R.getBegin()) == U.Loc &&
           SM.getExpansionRange(R.getEnd()).getEnd() == Call->RParen;
  };
  const Stmt *Acquisition = nullptr;
  const VarDecl *Var = nullptr;
  for (const BoundNodes &Found :
       match(findAll(declStmt(hasSingleDecl(
                                  varDecl(hasInitializer(expr())).bind("var")))
                         .bind("decl")),
             *Function->getBody(), Ctx)) {
    const auto *V = Found.getNodeAs<VarDecl>("var");
    if (IsTheCall(V->getInit())) {
      Acquisition = Found.getNodeAs<DeclStmt>("decl");
      Var = V;
    }
  }
  const BinaryOperator *Assignment = nullptr;
  if (!Acquisition)
    for (const BoundNodes &Found :
         match(findAll(binaryOperator(
                           hasOperatorName("="),
                           hasLHS(ignoringParenImpCasts(declRefExpr(
                               to(varDecl(hasLocalStorage()).bind("var"))))))
                           .bind("assign")),
               *Function->getBody(), Ctx)) {
      const auto *A = Found.getNodeAs<BinaryOperator>("assign");
      if (IsTheCall(A->getRHS())) {
        Acquisition = Assignment = A;
        Var = Found.getNodeAs<VarDecl>("var");
      }
    }
  if (!Acquisition || !Var->getType()->isPointerType() ||
      Acquisition->getBeginLoc().isMacroID() ||
      (!Assignment && Acquisition->getEndLoc().isMacroID()))
    return NotADeclaration.str();
  DeclParentMaps ParentMaps(Ctx);
  const ParentLookup &Parents = ParentMaps.around(*Acquisition, *Function);
  const auto *Block =
      dyn_cast_or_null<CompoundStmt>(parentStmt(Acquisition, Parents));
  if (!Block)
    return NotADeclaration.str();
  std::string Name = Var->getName().str();
  auto LineOf = [&](const Stmt *S) {
    return std::to_string(SM.getExpansionLineNumber(S->getBeginLoc()));
  };

  // The error test right after the declaration: `if (obj == NULL) leave;`.
  const IfStmt *ErrorTest = nullptr;
  for (const auto *It = Block->body_begin(); It != Block->body_end(); ++It) {
    if (*It != Acquisition || std::next(It) == Block->body_end())
      continue;
    const auto *If = dyn_cast<IfStmt>(*std::next(It));
    if (!If || If->getElse() || If->getInit() || If->getConditionVariable() ||
        !alwaysLeaves(If->getThen()) ||
        If->getCond()->getBeginLoc().isMacroID())
      break;
    if (isNullTestOf(If->getCond(), Var, Ctx))
      ErrorTest = If;
    break;
  }

  // Every read of the variable: a test, or a plain read.
  llvm::DenseMap<const Expr *, NullTest> Tests; // by condition
  std::vector<const Expr *> GoneOperands;       // the `Py_None` to rewrite
  llvm::DenseSet<const Stmt *> TestReads;
  if (ErrorTest)
    Tests[ignoreParensAndCasts(ErrorTest->getCond())] = {Nullness::Null,
                                                         Nullness::Maybe};
  // NULL tests and truth tests: the same where the object is known to be
  // alive (after a Py_None test), ambiguous where it may be gone (the old
  // value was Py_None, true and not NULL; the new one is NULL).
  llvm::DenseSet<const Stmt *> NullTestReads;
  // Returns that hand the reference to the caller, where the old code took
  // a new reference of the borrowed one to return it.
  std::vector<Transfer> Transfers;
  // A local initialized from the variable (through casts: `Obj *o =
  // (Obj *)obj;`) and never assigned is another name for the reference: its
  // reads keep the reference alive as the variable's do.
  std::vector<const VarDecl *> Holders = {Var};
  std::vector<const DeclRefExpr *> Refs;
  for (size_t N = 0; N < Holders.size(); ++N)
    for (const BoundNodes &Found : match(
             findAll(
                 declRefExpr(to(varDecl(equalsNode(Holders[N])))).bind("ref")),
             *Function->getBody(), Ctx))
      Refs.push_back(Found.getNodeAs<DeclRefExpr>("ref"));
  for (size_t R = 0; R < Refs.size(); ++R) {
    const DeclRefExpr *Ref = Refs[R];
    const auto *Named = cast<VarDecl>(Ref->getDecl());
    if (Ref->getBeginLoc().isMacroID() &&
        !SM.isMacroArgExpansion(Ref->getBeginLoc()))
      return NotADeclaration.str();
    const Expr *Child = nullptr;
    const Stmt *Parent = parentThroughParens(Ref, Parents, Child);
    std::string Line = LineOf(Ref);
    if (Assignment && Ref == ignoreParensAndCasts(Assignment->getLHS()))
      continue; // the acquisition's own target
    // An alias: the whole initializer of another local.
    const Expr *Whole = Child;
    const Stmt *Above = Parent;
    while (
        isa_and_nonnull<ExplicitCastExpr, ParenExpr, ImplicitCastExpr>(Above)) {
      Whole = cast<Expr>(Above);
      Above = parentStmt(Above, Parents);
    }
    if (const auto *Alias = dyn_cast_or_null<VarDecl>(
            parentNode(DynTypedNode::create(*Whole), Parents).get<Decl>());
        Alias && Alias != Named && Alias->getInit() == Whole &&
        Alias->hasLocalStorage() && !isa<ParmVarDecl>(Alias) &&
        Alias->getType()->isPointerType() &&
        !llvm::is_contained(Holders, Alias)) {
      Holders.push_back(Alias);
      for (const BoundNodes &Found : match(
               findAll(declRefExpr(to(varDecl(equalsNode(Alias)))).bind("ref")),
               *Function->getBody(), Ctx))
        Refs.push_back(Found.getNodeAs<DeclRefExpr>("ref"));
      continue;
    }
    Name = Named->getName().str();
    if (ErrorTest && isWithin(Ref, ErrorTest->getCond(), Parents)) {
      TestReads.insert(Ref);
      continue;
    }
    if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Parent)) {
      if (Unary->getOpcode() == UO_AddrOf)
        return llvm::formatv(AddressTaken.data(), Name, Line).str();
      if (Unary->getOpcode() == UO_LNot) {
        NullTestReads.insert(Ref);
        continue;
      }
    }
    if (const auto *Binary = dyn_cast_or_null<BinaryOperator>(Parent)) {
      if (Binary->isAssignmentOp() && Binary->getLHS() == Child)
        return llvm::formatv(Assigned.data(), Name, Line).str();
      if (Binary->getOpcode() == BO_Assign)
        return llvm::formatv(Stored.data(), Name, Line).str();
      if (Binary->isEqualityOp()) {
        const Expr *Other =
            Binary->getLHS() == Child ? Binary->getRHS() : Binary->getLHS();
        CharSourceRange OtherRange = SM.getExpansionRange(
            Other->IgnoreParenImpCasts()->getSourceRange());
        if (textOf(OtherRange.getAsRange(), SM, LangOpts) == Row.GoneWas) {
          bool Equal = Binary->getOpcode() == BO_EQ;
          Tests[Binary] = {Equal ? Nullness::Null : Nullness::NonNull,
                           Equal ? Nullness::NonNull : Nullness::Null};
          GoneOperands.push_back(Other);
          TestReads.insert(Ref);
          continue;
        }
        if (isNullConstant(Other, Ctx)) {
          NullTestReads.insert(Ref);
          continue;
        }
      }
    }
    // A truth test is a NULL test: `if (obj)`, `obj && ...`, `obj ? a : b`
    // (C has no conversion to bool there, C++ has one).
    bool TruthTest = false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Child))
      TruthTest = Cast->getCastKind() == CK_PointerToBoolean;
    if (const auto *If = dyn_cast_or_null<IfStmt>(Parent))
      TruthTest |= If->getCond() == Child;
    if (const auto *While = dyn_cast_or_null<WhileStmt>(Parent))
      TruthTest |= While->getCond() == Child;
    if (const auto *Do = dyn_cast_or_null<DoStmt>(Parent))
      TruthTest |= Do->getCond() == Child;
    if (const auto *For = dyn_cast_or_null<ForStmt>(Parent))
      TruthTest |= For->getCond() == Child;
    if (const auto *Logical = dyn_cast_or_null<BinaryOperator>(Parent))
      TruthTest |= Logical->isLogicalOp();
    if (const auto *Choice = dyn_cast_or_null<ConditionalOperator>(Parent))
      TruthTest |= Choice->getCond() == Child;
    if (TruthTest) {
      NullTestReads.insert(Ref);
      continue;
    }
    if (const auto *Return =
            dyn_cast_or_null<ReturnStmt>(enclosingLineStatement(Ref, Parents));
        Return && Named == Var) {
      if (std::optional<Transfer> Handed = transferAt(Return, Name, Parents)) {
        Transfers.push_back(*Handed);
        continue;
      }
    }
    if (isa_and_nonnull<ReturnStmt, InitListExpr>(Parent) ||
        (isa_and_nonnull<DeclStmt>(Parent)))
      return llvm::formatv(Stored.data(), Name, Line).str();
    if (const auto *Other = dyn_cast_or_null<VarDecl>(
            parentNode(DynTypedNode::create(*Child), Parents).get<Decl>());
        Other && Other != Var)
      return llvm::formatv(Stored.data(), Name, Line).str();
  }

  Name = Var->getName().str();
  std::vector<const ReturnStmt *> TransferReturns;
  for (const Transfer &T : Transfers)
    TransferReturns.push_back(T.Return);

  std::unique_ptr<lifetime::FunctionFlow> Flow =
      lifetime::FunctionFlow::build(*Function, Ctx);
  if (!Flow)
    return NoFlow.str();
  auto TestOf = [&](const Expr &Condition) -> std::optional<NullTest> {
    const Expr *Cond = ignoreParensAndCasts(&Condition);
    bool Negated = false;
    while (const auto *Not = dyn_cast<UnaryOperator>(Cond)) {
      if (Not->getOpcode() != UO_LNot)
        break;
      Negated = !Negated;
      Cond = ignoreParensAndCasts(Not->getSubExpr());
    }
    auto It = Tests.find(Cond);
    if (It == Tests.end())
      return std::nullopt;
    NullTest Test = It->second;
    if (Negated)
      std::swap(Test.IfTrue, Test.IfFalse);
    return Test;
  };
  lifetime::HeldReferencePlan Plan = lifetime::planHeldReference(
      *Flow, Holders, *Acquisition, TestOf, Parents, TransferReturns);
  for (const auto &[Read, State] : Plan.Reads)
    if (NullTestReads.count(Read) && State != Nullness::NonNull)
      return llvm::formatv(NullTested.data(),
                           cast<DeclRefExpr>(Read)->getDecl()->getName(),
                           LineOf(Read))
          .str();
  for (const auto &[Read, State] : Plan.Reads)
    if (State == Nullness::Maybe && !TestReads.count(Read) &&
        !NullTestReads.count(Read))
      return llvm::formatv(ReadWhereGone.data(), Name, LineOf(Read),
                           Row.GoneWas)
          .str();

  if (!Plan.ok())
    return llvm::formatv(NoPlan.data(), Name, Plan.Fallback,
                         SM.getExpansionLineNumber(Plan.FallbackLoc))
        .str();

  // The edits.
  std::string Acquire =
      (Row.Replacement + "(" + Call->Args[0] + ", &" + Name + ")").str();
  SourceLocation AcquisitionBegin =
      SM.getExpansionLoc(Acquisition->getBeginLoc());
  std::string Indent = indentationOf(AcquisitionBegin, SM);
  StringRef LineEnding = lineEndingOf(AcquisitionBegin, SM);
  SourceLocation CallEnd =
      Lexer::getLocForEndOfToken(Call->RParen, 0, SM, LangOpts);
  CharSourceRange Condition =
      ErrorTest ? SM.getExpansionRange(ErrorTest->getCond()->getSourceRange())
                : CharSourceRange();
  if (!Assignment) {
    // `T *obj = CALL;` -> `T *obj;`, the call after it or in the test.
    SourceLocation NameEnd =
        Lexer::getLocForEndOfToken(Var->getLocation(), 0, SM, LangOpts);
    Fixes.push_back(FixItHint::CreateRemoval(
        CharSourceRange::getCharRange(NameEnd, CallEnd)));
    if (ErrorTest)
      Fixes.push_back(FixItHint::CreateReplacement(
          Condition, Acquire + " " + Row.ErrorTest.str()));
    else
      Fixes.push_back(FixItHint::CreateInsertion(
          endOfStatement(Acquisition, SM, LangOpts),
          (LineEnding + Indent + Acquire + ";").str()));
  } else if (!ErrorTest) {
    // `obj = CALL;` -> `REPLACEMENT(ARGS, &obj);`
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(AcquisitionBegin, CallEnd), Acquire));
  } else {
    // `obj = CALL;` and the test on the next line become the test of the
    // call: one edit from the assignment to the end of the condition (a
    // removal of a whole line would have its whitespace trimmed by clang's
    // edit merger).
    SourceLocation End = endOfStatement(Acquisition, SM, LangOpts);
    SourceLocation IfBegin = SM.getExpansionLoc(ErrorTest->getBeginLoc());
    if (End.isInvalid() || SM.getExpansionLineNumber(End) + 1 !=
                               SM.getExpansionLineNumber(IfBegin))
      return NotADeclaration.str();
    std::string Opening =
        Lexer::getSourceText(
            CharSourceRange::getCharRange(IfBegin, Condition.getBegin()), SM,
            LangOpts)
            .str();
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(AcquisitionBegin, Condition.getEnd()),
        Opening + Acquire + " " + Row.ErrorTest.str()));
  }
  // The releases, by statement: a statement of a block gets lines before
  // or after it; the single statement of a branch becomes a block.
  std::map<const Stmt *,
           std::pair<std::vector<std::string>, std::vector<std::string>>>
      Around;
  std::vector<const Stmt *> Order;
  FreshNames Names(*Function, Ctx);
  for (const lifetime::ReleaseEdit &Edit : Plan.Releases) {
    std::string Release =
        ((Edit.MayBeNull ? Row.ReleaseMaybeNull : Row.Release) + "(" + Name +
         ");")
            .str();
    if (Edit.Transfer) {
      const auto *Return = cast<ReturnStmt>(Edit.Statement);
      for (const Transfer &T : Transfers)
        if (T.Return == Return)
          Fixes.push_back(FixItHint::CreateReplacement(T.Range, T.Text));
      continue;
    }
    if (Edit.ThroughTemporary) {
      if (NoFixReason Why = releaseThroughTemporary(
              cast<ReturnStmt>(Edit.Statement), *Function, Release, Name,
              Parents, Names, GoneOperands, Fixes))
        return Why;
      continue;
    }
    auto [It, New] = Around.try_emplace(Edit.Statement);
    if (New)
      Order.push_back(Edit.Statement);
    (Edit.Before ? It->second.first : It->second.second).push_back(Release);
  }
  for (const Stmt *S : Order) {
    const auto &[Before, After] = Around[S];
    SourceLocation Begin = SM.getExpansionLoc(S->getBeginLoc());
    SourceLocation End = endOfStatement(S, SM, LangOpts);
    const Stmt *Parent = parentStmt(S, Parents);
    // A statement that is a whole macro use (Py_RETURN_NONE) takes its
    // release before or after the use.
    bool WholeMacro =
        S->getBeginLoc().isMacroID() &&
        Lexer::isAtStartOfMacroExpansion(S->getBeginLoc(), SM, LangOpts) &&
        Lexer::isAtEndOfMacroExpansion(S->getEndLoc(), SM, LangOpts);
    if ((S->getBeginLoc().isMacroID() && !WholeMacro) || End.isInvalid())
      return llvm::formatv(NoPlan.data(), Name,
                           "a release would go next to a macro",
                           SM.getExpansionLineNumber(Begin))
          .str();
    if (!isa_and_nonnull<CompoundStmt>(Parent)) {
      std::vector<std::string> Lines(Before.begin(), Before.end());
      Lines.push_back(
          Lexer::getSourceText(CharSourceRange::getCharRange(Begin, End), SM,
                               LangOpts)
              .str());
      Lines.insert(Lines.end(), After.begin(), After.end());
      auto Braced =
          bracedStatement(Begin, End, Parent, Lines, LineEnding, SM, LangOpts);
      if (!Braced)
        return llvm::formatv(NoPlan.data(), Name,
                             "a release would need braces that cannot be "
                             "added",
                             SM.getExpansionLineNumber(Begin))
            .str();
      Fixes.push_back(
          FixItHint::CreateReplacement(Braced->first, Braced->second));
      continue;
    }
    std::string StatementIndent = indentationOf(Begin, SM);
    bool OwnLine = startsLine(Begin, SM);
    for (const std::string &Release : Before)
      Fixes.push_back(FixItHint::CreateInsertion(
          OwnLine ? startOfLine(Begin, SM) : Begin,
          OwnLine ? (StatementIndent + Release + LineEnding).str()
                  : Release + " "));
    for (const std::string &Release : After)
      Fixes.push_back(FixItHint::CreateInsertion(
          End, (LineEnding + StatementIndent + Release).str()));
  }
  for (const Expr *Gone : GoneOperands)
    Fixes.push_back(FixItHint::CreateReplacement(
        SM.getExpansionRange(Gone->IgnoreParenImpCasts()->getSourceRange()),
        "NULL"));
  return std::nullopt;
}

NoFixReason RemovedApiCheckBase::releaseThroughTemporary(
    const ReturnStmt *Return, const FunctionDecl &Function,
    const std::string &Release, StringRef Name, const ParentLookup &Parents,
    FreshNames &Names, std::vector<const Expr *> &GoneOperands,
    std::vector<FixItHint> &Fixes) {
  const SourceManager &SM = *Unit.Sources;
  const LangOptions &LangOpts = *Unit.LangOpts;
  auto NoTemporary = [&](StringRef Why) -> NoFixReason {
    return llvm::formatv(NoPlan.data(), Name,
                         "the return reads it, and " + Why.str() +
                             "; keep the value in a variable, release, then "
                             "return the variable",
                         SM.getExpansionLineNumber(Return->getBeginLoc()))
        .str();
  };
  const Expr *Value = Return->getRetValue();
  CharSourceRange ValueRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Value->getSourceRange()), SM, LangOpts);
  QualType Type = Function.getReturnType();
  const Stmt *Parent = parentStmt(Return, Parents);
  if (Return->getBeginLoc().isMacroID() || ValueRange.isInvalid())
    return NoTemporary("it is in a macro");
  if (Type->isVoidType() || Type->isDependentType())
    return NoTemporary("the function's type has no temporary");
  // A goto that jumps over the temporary's initialization is ill-formed in
  // C++, and a declaration cannot follow a label before C23.
  if (isa_and_nonnull<LabelStmt, SwitchCase>(Parent))
    return NoTemporary("it follows a label");
  if (LangOpts.CPlusPlus &&
      !ast_matchers::match(ast_matchers::findAll(ast_matchers::gotoStmt()),
                           *Function.getBody(), *Unit.Context)
           .empty())
    return NoTemporary("a goto could jump over the temporary");

  // The value as written, with the NULL tests it holds rewritten here.
  std::string Text = Lexer::getSourceText(ValueRange, SM, LangOpts).str();
  unsigned ValueBegin = SM.getFileOffset(ValueRange.getBegin());
  std::vector<std::pair<unsigned, std::pair<unsigned, const Expr *>>> Inside;
  for (const Expr *Gone : GoneOperands) {
    CharSourceRange R = Lexer::makeFileCharRange(
        SM.getExpansionRange(Gone->IgnoreParenImpCasts()->getSourceRange()), SM,
        LangOpts);
    unsigned Begin = SM.getFileOffset(R.getBegin());
    unsigned End = SM.getFileOffset(R.getEnd());
    if (SM.getFileID(R.getBegin()) == SM.getFileID(ValueRange.getBegin()) &&
        Begin >= ValueBegin && End <= ValueBegin + Text.size())
      Inside.push_back({Begin - ValueBegin, {End - Begin, Gone}});
  }
  llvm::sort(Inside,
             [](const auto &A, const auto &B) { return A.first > B.first; });
  for (const auto &[Offset, LengthAndExpr] : Inside) {
    Text.replace(Offset, LengthAndExpr.first, "NULL");
    GoneOperands.erase(std::remove(GoneOperands.begin(), GoneOperands.end(),
                                   LengthAndExpr.second),
                       GoneOperands.end());
  }

  PrintingPolicy Policy(LangOpts);
  std::string TypeText = Type.getAsString(Policy);
  std::string Temporary = Names.take("result");
  std::string Declarator = (!TypeText.empty() && TypeText.back() == '*')
                               ? TypeText + Temporary
                               : TypeText + " " + Temporary;
  std::vector<std::string> Lines = {Declarator + " = " + Text + ";", Release,
                                    "return " + Temporary + ";"};
  SourceLocation Begin = SM.getExpansionLoc(Return->getBeginLoc());
  SourceLocation End = endOfStatement(Return, SM, LangOpts);
  StringRef LineEnding = lineEndingOf(Begin, SM);
  if (!isa_and_nonnull<CompoundStmt>(Parent)) {
    auto Braced =
        bracedStatement(Begin, End, Parent, Lines, LineEnding, SM, LangOpts);
    if (!Braced)
      return NoTemporary("braces cannot be added around it");
    Fixes.push_back(
        FixItHint::CreateReplacement(Braced->first, Braced->second));
    return std::nullopt;
  }
  std::string Joined;
  std::string Indent = indentationOf(Begin, SM);
  for (size_t I = 0; I < Lines.size(); ++I)
    Joined += (I ? (LineEnding + Indent).str() : std::string()) + Lines[I];
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(Begin, End), Joined));
  return std::nullopt;
}

} // namespace clang::tidy::pycapi::removedapi
