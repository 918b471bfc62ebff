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
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "utils/StmtParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::removedapi {

using ::pycapi::formatPyVersion;
using ::pycapi::PyVersion;
using ::pycapi::RemovedApi;
using ::pycapi::compat::endsWith;
using ::pycapi::compat::startsWith;

namespace {

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

} // namespace

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
  RemovedCalls[Name.getRawEncoding()] = Call;
}

void RemovedApiCheckBase::adaptTemplate(const Use &U, std::string &Template,
                                        WrittenCall &Call) const {
  auto Found = RemovedCalls.find(U.Loc.getRawEncoding());
  if (Found == RemovedCalls.end() || !Context)
    return;
  const CallExpr *CE = Found->second;
  if (CE->getNumArgs() != Call.Args.size())
    return;
  const PrintingPolicy &Policy = Context->getPrintingPolicy();
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
    StringRef Text = writtenText(Kept, *Sources, *LangOpts);
    if (Text.empty())
      continue;
    Call.Args[N - 1] = Text;
    Template.erase(Open, Dollar + 1 - Open);
    Dollar = Open;
  }
}

bool RemovedApiCheckBase::statementFix(const Use &U,
                                       std::vector<FixItHint> &Fixes) {
  StringRef Fix = U.Api->Fix;
  if (!startsWith(Fix, "(") || !endsWith(Fix, StatusToNoneOrNull) || !Context)
    return false;
  auto Found = RemovedCalls.find(U.Loc.getRawEncoding());
  if (Found == RemovedCalls.end())
    return false;
  const CallExpr *CE = Found->second;
  ASTContext &Ctx = *Context;
  const SourceManager &SM = *Sources;
  // PyObject *V = OLD(...);  as one of a block's statements (through the
  // conversion of an implicitly declared function's int, in C).
  DynTypedNode Node = parentNode(DynTypedNode::create(*CE), Ctx);
  while (Node.get<ImplicitCastExpr>() || Node.get<ParenExpr>())
    Node = parentNode(Node, Ctx);
  const auto *Var = Node.get<VarDecl>();
  if (!Var || !Var->getInit() || Var->getInit()->IgnoreParenImpCasts() != CE)
    return false;
  auto Parents = Ctx.getParents(*Var);
  const auto *Declaration =
      Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Declaration || !Declaration->isSingleDecl())
    return false;
  Parents = Ctx.getParents(*Declaration);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return false;
  // if (V == NULL) {...}  then  Py_DECREF(V);
  const Stmt *const *It = llvm::find(Block->body(), Declaration);
  if (It == Block->body_end() || It + 1 == Block->body_end() ||
      It + 2 == Block->body_end())
    return false;
  const auto *Test = dyn_cast<IfStmt>(It[1]);
  const Stmt *Release = It[2];
  if (!Test || Test->getElse() || Test->getInit() ||
      Test->getConditionVariable() || !isNullTestOf(Test->getCond(), Var, Ctx))
    return false;
  std::string Name = Var->getName().str();
  std::string Written = withoutBlanks(
      textOf(SM.getExpansionRange(Release->getSourceRange()).getAsRange(), SM,
             *LangOpts));
  if (Written != "Py_DECREF(" + Name + ")" &&
      Written != "Py_XDECREF(" + Name + ")")
    return false;
  // V is used by the test and the release only.
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  if (!Function || !Function->getBody())
    return false;
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
    return false;
  // The edits: the declaration's and the release's lines go, the test
  // becomes the new call's.
  CharSourceRange DeclarationLines =
      wholeLines(Declaration->getBeginLoc(),
                 endOfStatement(Declaration, SM, *LangOpts), SM);
  CharSourceRange ReleaseLines = wholeLines(
      ReleaseRange.getBegin(), endOfStatement(Release, SM, *LangOpts), SM);
  CharSourceRange Condition = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Test->getCond()->getSourceRange()), SM,
      *LangOpts);
  if (DeclarationLines.isInvalid() || ReleaseLines.isInvalid() ||
      Condition.isInvalid())
    return false;
  WrittenCall Call;
  std::string Why;
  if (!readWrittenCall(U.Loc, SM, *LangOpts, Call, Why) ||
      !fixApplies(U.Api->FixWhen, Call, Why))
    return false;
  std::string Template =
      Fix.drop_front().drop_back(StatusToNoneOrNull.size()).str() + " < 0";
  adaptTemplate(U, Template, Call);
  std::string Text;
  if (!fillTemplate(Template, Call, Text, Why, U.Api->FixWhen))
    return false;
  Fixes.push_back(FixItHint::CreateRemoval(DeclarationLines));
  Fixes.push_back(FixItHint::CreateReplacement(Condition, Text));
  Fixes.push_back(FixItHint::CreateRemoval(ReleaseLines));
  return true;
}

void RemovedApiCheckBase::versionedFix(const Use &U,
                                       std::vector<FixItHint> &Fixes,
                                       std::string &Why) {
  const RemovedApi &Api = *U.Api;
  const SourceManager &SM = *Sources;
  StringRef Callee = calleeOf(Api.Fix);
  std::string Release = formatPyVersion(Api.ReplacementSince);
  std::string Hex = ::pycapi::pyVersionHex(Api.ReplacementSince);
  std::string Intro = "'" + Callee.str() + "' is new in Python " + Release +
                      " and pythoncapi_compat.h does not provide it";
  // The use rewritten as if the replacement were always there.
  std::vector<FixItHint> CallFixes;
  if (Api.Fix.find('(') != StringRef::npos) {
    if (!callFix(U, CallFixes, Why))
      return;
  } else {
    CallFixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Api.Fix));
  }
  StringRef LineEnding = lineEndingOf(U.Loc, SM);

  if (Api.ReplacementSince > Api.RemovedIn) {
    // No release between the removal and the replacement has either name:
    // a shim for the Pythons before the replacement, once per file.
    const Shim *S = shimFor(Callee);
    if (!S) {
      Why = Intro + ", and Python " + formatPyVersion(Api.RemovedIn) +
            " has neither name; define '" + Callee.str() +
            "' for Pythons older than " + Release + " (#if PY_VERSION_HEX < " +
            Hex + ")";
      return;
    }
    Fixes = CallFixes;
    FileID File = SM.getFileID(U.Loc);
    if (!ShimsWritten.insert({File, Callee.str()}).second)
      return;
    // A declaration of the name (an earlier run's shim, the project's own,
    // a newer Python's) leaves nothing to write.
    if (Context && !Context->getTranslationUnitDecl()
                        ->lookup(&Context->Idents.get(Callee))
                        .empty())
      return;
    // Before the top-level declaration that holds the use, and the comment
    // lines right above it.
    SourceLocation UseAt = U.ExpansionLoc.isValid() ? U.ExpansionLoc : U.Loc;
    const Decl *Holder = nullptr;
    if (Context)
      for (const Decl *D : Context->getTranslationUnitDecl()->decls()) {
        SourceRange Range =
            SM.getExpansionRange(D->getSourceRange()).getAsRange();
        if (Range.isValid() && SM.getFileID(Range.getBegin()) == File &&
            !SM.isBeforeInTranslationUnit(UseAt, Range.getBegin()) &&
            !SM.isBeforeInTranslationUnit(Range.getEnd(), UseAt))
          Holder = D;
      }
    if (!Holder) {
      Fixes.clear();
      Why = Intro + "; define '" + Callee.str() + "' for Pythons older than " +
            Release + " (#if PY_VERSION_HEX < " + Hex + ")";
      return;
    }
    StringRef Buffer = SM.getBufferData(File);
    size_t Place = SM.getFileOffset(startOfLine(
        SM.getExpansionLoc(Holder->getSourceRange().getBegin()), SM));
    while (Place > 0) {
      // (StringRef::rfind(C, From) looks before From.)
      size_t PrevEnd = Buffer.rfind('\n', Place);
      if (PrevEnd == StringRef::npos)
        break;
      size_t PrevStart = Buffer.rfind('\n', PrevEnd);
      PrevStart = PrevStart == StringRef::npos ? 0 : PrevStart + 1;
      StringRef Line = Buffer.slice(PrevStart, PrevEnd).trim();
      if (startsWith(Line, "//")) {
        Place = PrevStart;
        continue;
      }
      if (!endsWith(Line, "*/"))
        break;
      size_t Open = Buffer.take_front(PrevEnd).rfind("/*");
      if (Open == StringRef::npos)
        break;
      Place = SM.getFileOffset(startOfLine(
          SM.getLocForStartOfFile(File).getLocWithOffset(Open), SM));
    }
    std::string Text = "#if PY_VERSION_HEX < " + Hex + LineEnding.str() +
                       "/* " + Callee.str() + "() is new in Python " + Release +
                       ". */" + LineEnding.str();
    for (StringRef Line : llvm::split(S->Text, '\n'))
      Text += Line.str() + LineEnding.str();
    Text += "#endif" + LineEnding.str() + LineEnding.str();
    Fixes.push_back(FixItHint::CreateInsertion(
        SM.getLocForStartOfFile(File).getLocWithOffset(Place), Text));
    return;
  }

  // The statement with the new call under `#if`, as written in `#else`.
  std::string NoGuard = Intro +
                        "; put the new call under #if "
                        "PY_VERSION_HEX >= " +
                        Hex + " and keep this one in the #else branch";
  auto Found = RemovedCalls.find(U.Loc.getRawEncoding());
  const Stmt *Statement = Found == RemovedCalls.end() || !Context
                              ? nullptr
                              : enclosingLineStatement(Found->second, *Context);
  if (!Statement) {
    Why = NoGuard;
    return;
  }
  SourceLocation Begin = Statement->getBeginLoc();
  SourceLocation End = endOfStatement(Statement, SM, *LangOpts);
  if (Begin.isMacroID() || End.isMacroID() ||
      SM.getFileID(Begin) != SM.getFileID(U.Loc) ||
      SM.getFileID(End) != SM.getFileID(U.Loc) || !startsLine(Begin, SM) ||
      !restOfLineIsEmpty(SM.getBufferData(SM.getFileID(End)),
                         SM.getFileOffset(End))) {
    Why = NoGuard + " (the statement shares its lines with other code)";
    return;
  }
  CharSourceRange Range = CharSourceRange::getCharRange(Begin, End);
  StringRef Written = Lexer::getSourceText(Range, SM, *LangOpts);
  if (Written.find('#') != StringRef::npos &&
      llvm::any_of(llvm::split(Written, '\n'), [](StringRef Line) {
        return startsWith(Line.ltrim(), "#");
      })) {
    Why = NoGuard + " (the statement holds a preprocessor directive)";
    return;
  }
  for (const Use &Other : Uses)
    if (Other.Loc != U.Loc && SM.getFileID(Other.Loc) == SM.getFileID(Begin) &&
        !SM.isBeforeInTranslationUnit(Other.Loc, Begin) &&
        SM.isBeforeInTranslationUnit(Other.Loc, End)) {
      Why = NoGuard + " (the statement uses another removed name: fix that "
                      "one first)";
      return;
    }
  FixBuilder Builder;
  for (const FixItHint &Hint : CallFixes) {
    if (Hint.RemoveRange.getBegin() == Hint.RemoveRange.getEnd() &&
        Hint.RemoveRange.isCharRange())
      Builder.insert(Hint.RemoveRange.getBegin(), Hint.CodeToInsert);
    else
      Builder.replace(Lexer::makeFileCharRange(Hint.RemoveRange, SM, *LangOpts),
                      Hint.CodeToInsert);
  }
  std::string NewStatement = Builder.absorb(Range, SM, *LangOpts);
  std::string EOL = LineEnding.str();
  StringRef Buffer = SM.getBufferData(SM.getFileID(End));
  SourceLocation LineBreak = End.getLocWithOffset(
      lineBreakAfter(Buffer, SM.getFileOffset(End)) - SM.getFileOffset(End));
  Fixes.push_back(FixItHint::CreateInsertion(
      startOfLine(Begin, SM), "#if PY_VERSION_HEX >= " + Hex + EOL +
                                  indentationOf(Begin, SM) + NewStatement +
                                  EOL + "#else" + EOL));
  Fixes.push_back(FixItHint::CreateInsertion(LineBreak, EOL + "#endif"));
}

} // namespace clang::tidy::pycapi::removedapi
