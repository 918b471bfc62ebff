//===--- RemovedApiStatements.cpp - fixes that read the AST around a call -===//
//
// The fixes of removed-API uses that text alone cannot decide:
//
// - a template's cast left out where the argument already has its type
//   (`_PyList_Extend((PyListObject *)l, it)` → `PyList_Extend(l, it)` when l
//   is a PyObject *);
// - a template that turns a 0/-1 status into the old None-or-NULL result
//   (`(NEW($1) < 0 ? NULL : Py_NewRef(Py_None))`), written at statement
//   level where the result is only tested and released:
//     PyObject *r = OLD(a, b); if (r == NULL) {...} Py_DECREF(r);
//   becomes `if (NEW(a, b) < 0) {...}`;
// - a replacement newer than MinimumPythonVersion that pythoncapi_compat.h
//   lacks: the statement under `#if PY_VERSION_HEX >= <its release>` with the
//   old one in the `#else` branch, or, when the replacement came only after
//   the removal (no guard serves the releases in between), a shim from
//   data/replacement-shims.c written once per file.
//
// A narrow matcher finds the calls of removed functions; the decisions are
// made when the use is reported, and the edits are built from source ranges.
//
//===----------------------------------------------------------------------===//
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "RemovedApiCheckBase.h"
#include "RemovedApiCommon.h"
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "utils/StmtParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::removedapi {

namespace {

// Why a use has no fix (read after "no automatic fix: "). {0} is the
// replacement, {1} its release, {2} its PY_VERSION_HEX.
constexpr llvm::StringLiteral NotInCompatHeader =
    "'{0}' is new in Python {1} and pythoncapi_compat.h does not provide it";
constexpr llvm::StringLiteral NoShim =
    "{3}, and Python {4} has neither name; define '{0}' for Pythons older "
    "than {1} (#if PY_VERSION_HEX < {2})";
constexpr llvm::StringLiteral NoShimPlace =
    "{3}; define '{0}' for Pythons older than {1} (#if PY_VERSION_HEX < {2})";
constexpr llvm::StringLiteral NoGuard =
    "{3}; put the new call under #if PY_VERSION_HEX >= {2} and keep this one "
    "in the #else branch";
constexpr llvm::StringLiteral SharesLines =
    " (the statement shares its lines with other code)";
constexpr llvm::StringLiteral HoldsDirective =
    " (the statement holds a preprocessor directive)";
constexpr llvm::StringLiteral UsesAnotherRemovedName =
    " (the statement uses another removed name: fix that one first)";

struct Shim {
  StringRef Name;
  PyVersion Since;
  StringRef Text;
};

const Shim Shims[] = {
#define PYCAPI_SHIM(Name, Since, Text) {Name, Since, Text},
#include "pycapi/ReplacementShims.inc"
#undef PYCAPI_SHIM
};

const Shim *shimFor(StringRef Name) {
  for (const Shim &S : Shims)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

/// The end of a template that adapts a 0/-1 status call to the old
/// None-or-NULL result; what precedes it, after the `(`, is the call.
constexpr StringRef StatusToNoneOrNull = " < 0 ? NULL : Py_NewRef(Py_None))";

/// The callee of a fix: the name a rename writes, or a template's call.
StringRef calleeOf(StringRef Fix) {
  return Fix.ltrim('(').take_until([](char C) { return C == '('; });
}

std::string withoutBlanks(StringRef Text) {
  std::string Out;
  for (char C : Text)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

/// The source text of \p E, when it is written in one file.
StringRef writtenText(const Expr *E, const SourceManager &SM,
                      const LangOptions &LangOpts) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(E->getSourceRange()), SM, LangOpts);
  if (Range.isInvalid())
    return {};
  return Lexer::getSourceText(Range, SM, LangOpts);
}

/// The offset in \p Buffer of the line break that ends the line holding
/// \p Offset (Buffer.size() on the last line).
size_t lineBreakAfter(StringRef Buffer, size_t Offset) {
  size_t End = Buffer.find_first_of("\r\n", Offset);
  return End == StringRef::npos ? Buffer.size() : End;
}

/// True when nothing but blanks, or a `//` comment, follows \p Offset on
/// its line.
bool restOfLineIsEmpty(StringRef Buffer, size_t Offset) {
  StringRef Rest =
      Buffer.slice(Offset, lineBreakAfter(Buffer, Offset)).ltrim(" \t");
  return Rest.empty() || startsWith(Rest, "//");
}

/// What deleting a statement that stands on lines of its own removes: from
/// the line break before \p Begin's line to the end of \p End's line. (Not
/// the lines with their own break: clang's fix-it merging would then also
/// take the next line's first blank.) Invalid when other code shares those
/// lines.
CharSourceRange wholeLines(SourceLocation Begin, SourceLocation End,
                           const SourceManager &SM) {
  if (Begin.isMacroID() || End.isMacroID() || !startsLine(Begin, SM))
    return {};
  StringRef Buffer = SM.getBufferData(SM.getFileID(End));
  size_t Offset = SM.getFileOffset(End);
  if (!restOfLineIsEmpty(Buffer, Offset))
    return {};
  SourceLocation PreviousBreak =
      startOfPreviousLineBreak(startOfLine(Begin, SM), SM);
  if (PreviousBreak.isInvalid())
    return {};
  return CharSourceRange::getCharRange(
      PreviousBreak,
      End.getLocWithOffset(lineBreakAfter(Buffer, Offset) - Offset));
}

} // namespace

bool isNullTestOf(const Expr *Cond, const VarDecl *Var, ASTContext &Ctx) {
  auto IsVar = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == Var;
  };
  auto IsNull = [&](const Expr *E) {
    return E->IgnoreParenImpCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
  };
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond))
    return Not->getOpcode() == UO_LNot && IsVar(Not->getSubExpr());
  if (const auto *Eq = dyn_cast<BinaryOperator>(Cond))
    return Eq->getOpcode() == BO_EQ &&
           ((IsVar(Eq->getLHS()) && IsNull(Eq->getRHS())) ||
            (IsNull(Eq->getLHS()) && IsVar(Eq->getRHS())));
  return false;
}

void RemovedApiCheckBase::registerStatementMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(names::hasRemovedName(&Index))))
          .bind("removed-call"),
      this);
}

void RemovedApiCheckBase::checkRemovedCall(
    const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("removed-call");
  SourceLocation Name =
      Result.SourceManager->getSpellingLoc(Call->getCallee()->getExprLoc());
  Unit.RemovedCalls[Name.getRawEncoding()] = Call;
}

void RemovedApiCheckBase::adaptTemplate(const Use &U, std::string &Template,
                                        WrittenCall &Call) const {
  auto Found = Unit.RemovedCalls.find(U.Loc.getRawEncoding());
  if (Found == Unit.RemovedCalls.end() || !Unit.Context)
    return;
  const CallExpr *CE = Found->second;
  if (CE->getNumArgs() != Call.Args.size())
    return;
  const PrintingPolicy &Policy = Unit.Context->getPrintingPolicy();
  // Each `(TYPE)$N` of the template.
  for (size_t Dollar = Template.find(")$"); Dollar != std::string::npos;
       Dollar = Template.find(")$", Dollar + 1)) {
    size_t Open = Template.rfind('(', Dollar);
    size_t DigitsEnd = Dollar + 2;
    while (DigitsEnd < Template.size() && llvm::isDigit(Template[DigitsEnd]))
      ++DigitsEnd;
    unsigned N = 0;
    if (Open == std::string::npos ||
        StringRef(Template).slice(Dollar + 2, DigitsEnd).getAsInteger(10, N) ||
        N == 0 || N > CE->getNumArgs())
      continue;
    std::string Type =
        withoutBlanks(StringRef(Template).slice(Open + 1, Dollar));
    // The argument, and what it is without the casts written on it.
    const Expr *Arg = CE->getArg(N - 1)->IgnoreImpCasts();
    const Expr *Uncast = Arg->IgnoreParens();
    while (const auto *Cast = dyn_cast<ExplicitCastExpr>(Uncast))
      Uncast = Cast->getSubExpr()->IgnoreParenImpCasts();
    const Expr *Kept = nullptr;
    if (withoutBlanks(Arg->getType().getAsString(Policy)) == Type)
      Kept = Arg;
    else if (withoutBlanks(Uncast->getType().getAsString(Policy)) == Type)
      Kept = Uncast;
    if (!Kept)
      continue;
    StringRef Text = writtenText(Kept, *Unit.Sources, *Unit.LangOpts);
    if (Text.empty())
      continue;
    Call.Args[N - 1] = Text;
    Template.erase(Open, Dollar + 1 - Open);
    Dollar = Open;
  }
}

/// A declaration `PyObject *V = OLD(...);` followed, in its block, by the
/// test of V and V's release: what statementFix rewrites.
struct RemovedApiCheckBase::TestedResult {
  const DeclStmt *Declaration;
  const IfStmt *Test;
  const Stmt *Release;
};

std::optional<RemovedApiCheckBase::TestedResult>
RemovedApiCheckBase::testedResult(const CallExpr *CE) const {
  ASTContext &Ctx = *Unit.Context;
  const SourceManager &SM = *Unit.Sources;
  // PyObject *V = OLD(...);  as one of a block's statements (through the
  // conversion of an implicitly declared function's int, in C).
  DynTypedNode Node = parentNode(DynTypedNode::create(*CE), Ctx);
  while (Node.get<ImplicitCastExpr>() || Node.get<ParenExpr>())
    Node = parentNode(Node, Ctx);
  const auto *Var = Node.get<VarDecl>();
  if (!Var || !Var->getInit() || Var->getInit()->IgnoreParenImpCasts() != CE)
    return std::nullopt;
  auto Parents = Ctx.getParents(*Var);
  const auto *Declaration =
      Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Declaration || !Declaration->isSingleDecl())
    return std::nullopt;
  Parents = Ctx.getParents(*Declaration);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return std::nullopt;
  // if (V == NULL) {...}  then  Py_DECREF(V);
  const Stmt *const *It = llvm::find(Block->body(), Declaration);
  if (It == Block->body_end() || It + 1 == Block->body_end() ||
      It + 2 == Block->body_end())
    return std::nullopt;
  const auto *Test = dyn_cast<IfStmt>(It[1]);
  const Stmt *Release = It[2];
  if (!Test || Test->getElse() || Test->getInit() ||
      Test->getConditionVariable() || !isNullTestOf(Test->getCond(), Var, Ctx))
    return std::nullopt;
  std::string Name = Var->getName().str();
  std::string Written = withoutBlanks(
      textOf(SM.getExpansionRange(Release->getSourceRange()).getAsRange(), SM,
             *Unit.LangOpts));
  if (Written != "Py_DECREF(" + Name + ")" &&
      Written != "Py_XDECREF(" + Name + ")")
    return std::nullopt;
  // V is used by the test and the release only.
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return std::nullopt;
  SourceRange ReleaseRange =
      SM.getExpansionRange(Release->getSourceRange()).getAsRange();
  unsigned Uses = 0;
  for (const BoundNodes &Ref :
       match(findAll(declRefExpr(to(varDecl(equalsNode(Var)))).bind("ref")),
             *Function->getBody(), Ctx)) {
    SourceLocation At =
        SM.getExpansionLoc(Ref.getNodeAs<DeclRefExpr>("ref")->getBeginLoc());
    if (!(SM.isBeforeInTranslationUnit(At, ReleaseRange.getBegin()) ||
          SM.isBeforeInTranslationUnit(ReleaseRange.getEnd(), At)))
      continue;
    ++Uses;
  }
  if (Uses != 1)
    return std::nullopt;
  return TestedResult{Declaration, Test, Release};
}

bool RemovedApiCheckBase::statementFix(const Use &U,
                                       std::vector<FixItHint> &Fixes) {
  StringRef Fix = U.Api->Fix;
  if (!startsWith(Fix, "(") || !endsWith(Fix, StatusToNoneOrNull) ||
      !Unit.Context)
    return false;
  auto Found = Unit.RemovedCalls.find(U.Loc.getRawEncoding());
  if (Found == Unit.RemovedCalls.end())
    return false;
  std::optional<TestedResult> Result = testedResult(Found->second);
  if (!Result)
    return false;
  const SourceManager &SM = *Unit.Sources;
  const LangOptions &LangOpts = *Unit.LangOpts;
  // The edits: the declaration's and the release's lines go, the test
  // becomes the new call's.
  SourceRange ReleaseRange =
      SM.getExpansionRange(Result->Release->getSourceRange()).getAsRange();
  CharSourceRange DeclarationLines =
      wholeLines(Result->Declaration->getBeginLoc(),
                 endOfStatement(Result->Declaration, SM, LangOpts), SM);
  CharSourceRange ReleaseLines =
      wholeLines(ReleaseRange.getBegin(),
                 endOfStatement(Result->Release, SM, LangOpts), SM);
  CharSourceRange Condition = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Result->Test->getCond()->getSourceRange()),
      SM, LangOpts);
  if (DeclarationLines.isInvalid() || ReleaseLines.isInvalid() ||
      Condition.isInvalid())
    return false;
  OrNoFix<WrittenCall> Call = readWrittenCall(U.Loc, SM, LangOpts);
  if (!Call || checkFixWhen(U.Api->FixWhen, *Call))
    return false;
  std::string Template =
      Fix.drop_front().drop_back(StatusToNoneOrNull.size()).str() + " < 0";
  adaptTemplate(U, Template, *Call);
  OrNoFix<std::string> Text = fillTemplate(Template, *Call, U.Api->FixWhen);
  if (!Text)
    return false;
  Fixes.push_back(FixItHint::CreateRemoval(DeclarationLines));
  Fixes.push_back(FixItHint::CreateReplacement(Condition, *Text));
  Fixes.push_back(FixItHint::CreateRemoval(ReleaseLines));
  return true;
}

NoFixReason RemovedApiCheckBase::versionedFix(const Use &U,
                                              std::vector<FixItHint> &Fixes) {
  const RemovedApi &Api = *U.Api;
  // The use rewritten as if the replacement were always there.
  std::vector<FixItHint> CallFixes;
  if (Api.Fix.find('(') != StringRef::npos) {
    if (NoFixReason Why = callFix(U, CallFixes))
      return Why;
  } else {
    CallFixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Api.Fix));
  }
  // No release between the removal and the replacement has either name:
  // a shim for the Pythons before the replacement.
  if (Api.ReplacementSince > Api.RemovedIn)
    return shimFix(U, CallFixes, Fixes);
  return guardFix(U, CallFixes, Fixes);
}

namespace {

/// A reason of versionedFix: \p Format with the replacement (`{0}`), its
/// release (`{1}`) and PY_VERSION_HEX (`{2}`), what the compat header lacks
/// (`{3}`), and the release that removed the old name (`{4}`).
std::string versionedReason(llvm::StringLiteral Format, const RemovedApi &Api) {
  StringRef Callee = calleeOf(Api.Fix);
  std::string Release = formatPyVersion(Api.ReplacementSince);
  return llvm::formatv(
             Format.data(), Callee, Release,
             ::pycapi::pyVersionHex(Api.ReplacementSince),
             llvm::formatv(NotInCompatHeader.data(), Callee, Release).str(),
             formatPyVersion(Api.RemovedIn))
      .str();
}

/// Where a shim goes in \p File: before the line \p Offset starts, and
/// before the comment lines right above it.
size_t aboveComments(FileID File, size_t Offset, const SourceManager &SM) {
  StringRef Buffer = SM.getBufferData(File);
  while (Offset > 0) {
    // (StringRef::rfind(C, From) looks before From.)
    size_t PrevEnd = Buffer.rfind('\n', Offset);
    if (PrevEnd == StringRef::npos)
      break;
    size_t PrevStart = Buffer.rfind('\n', PrevEnd);
    PrevStart = PrevStart == StringRef::npos ? 0 : PrevStart + 1;
    StringRef Line = Buffer.slice(PrevStart, PrevEnd).trim();
    if (startsWith(Line, "//")) {
      Offset = PrevStart;
      continue;
    }
    if (!endsWith(Line, "*/"))
      break;
    size_t Open = Buffer.take_front(PrevEnd).rfind("/*");
    if (Open == StringRef::npos)
      break;
    Offset = SM.getFileOffset(
        startOfLine(SM.getLocForStartOfFile(File).getLocWithOffset(Open), SM));
  }
  return Offset;
}

/// The statement \p Range (of one file) with the edits \p Edits make in it.
std::string editedText(CharSourceRange Range, ArrayRef<FixItHint> Edits,
                       const SourceManager &SM, const LangOptions &LangOpts) {
  FixBuilder Builder;
  for (const FixItHint &Hint : Edits) {
    if (Hint.RemoveRange.getBegin() == Hint.RemoveRange.getEnd() &&
        Hint.RemoveRange.isCharRange())
      Builder.insert(Hint.RemoveRange.getBegin(), Hint.CodeToInsert);
    else
      Builder.replace(Lexer::makeFileCharRange(Hint.RemoveRange, SM, LangOpts),
                      Hint.CodeToInsert);
  }
  return Builder.absorb(Range, SM, LangOpts);
}

} // namespace

const Decl *RemovedApiCheckBase::topLevelDeclarationOf(const Use &U) const {
  if (!Unit.Context)
    return nullptr;
  const SourceManager &SM = *Unit.Sources;
  SourceLocation UseAt = U.ExpansionLoc.isValid() ? U.ExpansionLoc : U.Loc;
  const Decl *Holder = nullptr;
  for (const Decl *D : Unit.Context->getTranslationUnitDecl()->decls()) {
    SourceRange Range = SM.getExpansionRange(D->getSourceRange()).getAsRange();
    if (Range.isValid() &&
        SM.getFileID(Range.getBegin()) == SM.getFileID(U.Loc) &&
        !SM.isBeforeInTranslationUnit(UseAt, Range.getBegin()) &&
        !SM.isBeforeInTranslationUnit(Range.getEnd(), UseAt))
      Holder = D;
  }
  return Holder;
}

NoFixReason
RemovedApiCheckBase::shimFix(const Use &U,
                             const std::vector<FixItHint> &CallFixes,
                             std::vector<FixItHint> &Fixes) {
  const RemovedApi &Api = *U.Api;
  const SourceManager &SM = *Unit.Sources;
  StringRef Callee = calleeOf(Api.Fix);
  const Shim *S = shimFor(Callee);
  if (!S)
    return versionedReason(NoShim, Api);
  Fixes = CallFixes;
  // Once per file.
  FileID File = SM.getFileID(U.Loc);
  if (!Unit.ShimsWritten.insert({File, Callee.str()}).second)
    return std::nullopt;
  // A declaration of the name (an earlier run's shim, the project's own,
  // a newer Python's) leaves nothing to write.
  if (Unit.Context && !Unit.Context->getTranslationUnitDecl()
                           ->lookup(&Unit.Context->Idents.get(Callee))
                           .empty())
    return std::nullopt;
  // Before the top-level declaration that holds the use, and the comment
  // lines right above it.
  const Decl *Holder = topLevelDeclarationOf(U);
  if (!Holder) {
    Fixes.clear();
    return versionedReason(NoShimPlace, Api);
  }
  size_t Place = aboveComments(
      File,
      SM.getFileOffset(startOfLine(
          SM.getExpansionLoc(Holder->getSourceRange().getBegin()), SM)),
      SM);
  std::string Eol = lineEndingOf(U.Loc, SM).str();
  std::string Text = "#if PY_VERSION_HEX < " +
                     ::pycapi::pyVersionHex(Api.ReplacementSince) + Eol +
                     "/* " + Callee.str() + "() is new in Python " +
                     formatPyVersion(Api.ReplacementSince) + ". */" + Eol;
  for (StringRef Line : llvm::split(S->Text, '\n'))
    Text += Line.str() + Eol;
  Text += "#endif" + Eol + Eol;
  Fixes.push_back(FixItHint::CreateInsertion(
      SM.getLocForStartOfFile(File).getLocWithOffset(Place), Text));
  return std::nullopt;
}

std::optional<StringRef>
RemovedApiCheckBase::unguardable(const Use &U, SourceLocation Begin,
                                 SourceLocation End) const {
  const SourceManager &SM = *Unit.Sources;
  if (Begin.isMacroID() || End.isMacroID() ||
      SM.getFileID(Begin) != SM.getFileID(U.Loc) ||
      SM.getFileID(End) != SM.getFileID(U.Loc) || !startsLine(Begin, SM) ||
      !restOfLineIsEmpty(SM.getBufferData(SM.getFileID(End)),
                         SM.getFileOffset(End)))
    return SharesLines;
  StringRef Written = Lexer::getSourceText(
      CharSourceRange::getCharRange(Begin, End), SM, *Unit.LangOpts);
  if (Written.find('#') != StringRef::npos &&
      llvm::any_of(llvm::split(Written, '\n'), [](StringRef Line) {
        return startsWith(Line.ltrim(), "#");
      }))
    return HoldsDirective;
  for (const Use &Other : Unit.Uses)
    if (Other.Loc != U.Loc && SM.getFileID(Other.Loc) == SM.getFileID(Begin) &&
        !SM.isBeforeInTranslationUnit(Other.Loc, Begin) &&
        SM.isBeforeInTranslationUnit(Other.Loc, End))
      return UsesAnotherRemovedName;
  return std::nullopt;
}

NoFixReason
RemovedApiCheckBase::guardFix(const Use &U,
                              const std::vector<FixItHint> &CallFixes,
                              std::vector<FixItHint> &Fixes) {
  const SourceManager &SM = *Unit.Sources;
  // The statement with the new call under `#if`, as written in `#else`.
  auto Found = Unit.RemovedCalls.find(U.Loc.getRawEncoding());
  const Stmt *Statement =
      Found == Unit.RemovedCalls.end() || !Unit.Context
          ? nullptr
          : enclosingLineStatement(Found->second, *Unit.Context);
  if (!Statement)
    return versionedReason(NoGuard, *U.Api);
  SourceLocation Begin = Statement->getBeginLoc();
  SourceLocation End = endOfStatement(Statement, SM, *Unit.LangOpts);
  if (std::optional<StringRef> Why = unguardable(U, Begin, End))
    return versionedReason(NoGuard, *U.Api) + Why->str();
  std::string NewStatement = editedText(
      CharSourceRange::getCharRange(Begin, End), CallFixes, SM, *Unit.LangOpts);
  std::string Eol = lineEndingOf(U.Loc, SM).str();
  StringRef Buffer = SM.getBufferData(SM.getFileID(End));
  SourceLocation LineBreak = End.getLocWithOffset(
      lineBreakAfter(Buffer, SM.getFileOffset(End)) - SM.getFileOffset(End));
  std::string Hex = ::pycapi::pyVersionHex(U.Api->ReplacementSince);
  Fixes.push_back(FixItHint::CreateInsertion(
      startOfLine(Begin, SM), "#if PY_VERSION_HEX >= " + Hex + Eol +
                                  indentationOf(Begin, SM) + NewStatement +
                                  Eol + "#else" + Eol));
  Fixes.push_back(FixItHint::CreateInsertion(LineBreak, Eol + "#endif"));
  return std::nullopt;
}

} // namespace clang::tidy::pycapi::removedapi
