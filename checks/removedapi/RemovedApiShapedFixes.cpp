//===--- RemovedApiShapedFixes.cpp - fixes that are not a plain call ----===//
//
// The fixes of data/cpython-removed-api.tsv whose shape is not "rename the
// name" or "fill a call template" (data/README.md describes each form):
//
// - a `variable` row: the fix is the expression equal to `&NAME`, so
//   `&_PyNone_Type` becomes `Py_TYPE(Py_None)` and `_PyNone_Type.tp_name`
//   becomes `Py_TYPE(Py_None)->tp_name`;
// - a check template `FAILS => RAISE` for a removed function that returned 1,
//   or 0 with an exception set: the statement a maintainer writes,
//   `if (!OLD(...)) BODY`, becomes `if (FAILS) { RAISE; BODY }`, and any
//   other use the expression `(!(FAILS) || (RAISE, 0))`;
// - a template that names `$function`, the function the call is in, and a
//   fix that replaces the whole call by a name; `fix_when: paired with
//   NAME` makes both rows of a pair (Py_TRASHCAN_SAFE_BEGIN/END) fixed in a
//   function together or not at all;
// - a call template that drops an argument `fix_when` pins to a literal
//   (PyEval_CallObjectWithKeywords(f, a, NULL) -> PyObject_CallObject(f, a)).
//
//===----------------------------------------------------------------------===//
#include "FixTemplate.h"
#include "LLVMCompat.h"
#include "RemovedApiCheckBase.h"
#include "RemovedApiCommon.h"
#include "clang-tidy/utils/LexerUtils.h"
#include "utils/SourceEdit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace clang::tidy::pycapi::removedapi {

namespace {

constexpr StringRef CheckArrow = " => ";
constexpr StringRef FunctionPlaceholder = "$function";
constexpr StringRef PairedWith = "paired with ";

// Why a use has no fix (read after "no automatic fix: ").
constexpr llvm::StringLiteral InMacroDefinition =
    "the call is in a macro's definition, where the function it ends up in "
    "is not known";
constexpr llvm::StringLiteral NotInFunction =
    "the call is not in a function body";
constexpr llvm::StringLiteral PairUnbalanced =
    "'{0}' does not use '{1}' as often as '{2}'; fix both together by hand";
constexpr llvm::StringLiteral NotConstant =
    "outside a function body '{0}' is not a constant expression; take the "
    "address at run time";
constexpr llvm::StringLiteral UseNotRead = "the use could not be read";
constexpr llvm::StringLiteral OnlyAddressAndMembers =
    "only the type's address (&{0}) and its members have a replacement";
constexpr llvm::StringLiteral EvaluatedTwice =
    "argument {0} ('{1}') may have side effects, and the replacement "
    "evaluates it more than once";
constexpr llvm::StringLiteral StatementNotRead =
    "the statement could not be read";
constexpr llvm::StringLiteral NotSimpleStatement =
    "the statement the test guards is not a simple one; write the test by "
    "hand";

bool isIdentifier(StringRef Text) {
  return !Text.empty() &&
         (llvm::isAlpha(Text.front()) || Text.front() == '_') &&
         llvm::all_of(Text,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

/// How often \p Template names `$N`.
unsigned placeholderCount(StringRef Template, unsigned N) {
  std::string Placeholder = "$" + std::to_string(N);
  unsigned Count = 0;
  for (size_t At = Template.find(Placeholder); At != StringRef::npos;
       At = Template.find(Placeholder, At + 1))
    Count += At + Placeholder.size() == Template.size() ||
             !llvm::isDigit(Template[At + Placeholder.size()]);
  return Count;
}

/// Raw tokens of \p Text, a piece of the file at \p Loc. (utils::lexer walks
/// token by token, re-lexing each one's end; this reads the piece in one
/// pass.)
SmallVector<Token, 8> rawTokens(SourceLocation Loc, StringRef Text,
                                const SourceManager &SM,
                                const LangOptions &LangOpts) {
  SmallVector<Token, 8> Tokens;
  StringRef Buffer = SM.getBufferData(SM.getFileID(Loc));
  unsigned Begin = SM.getFileOffset(Loc), End = Begin + Text.size();
  // The lexer needs the buffer's terminating NUL: it lexes on to the end of
  // the file, and the loop stops at the end of the piece.
  Lexer Raw(Loc, LangOpts, Buffer.begin() + Begin, Buffer.begin() + Begin,
            Buffer.end());
  Token Tok;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= End)
      break;
    Tokens.push_back(Tok);
  }
  return Tokens;
}

/// True when evaluating \p Arg twice, or not at all, can change what the
/// program does: it assigns, increments or calls something.
bool mayHaveSideEffects(SourceLocation Loc, StringRef Arg,
                        const SourceManager &SM, const LangOptions &LangOpts) {
  SmallVector<Token, 8> Tokens = rawTokens(Loc, Arg, SM, LangOpts);
  for (size_t I = 0; I < Tokens.size(); ++I) {
    const Token &Tok = Tokens[I];
    if (Tok.isOneOf(tok::equal, tok::plusplus, tok::minusminus, tok::plusequal,
                    tok::minusequal, tok::starequal, tok::slashequal,
                    tok::percentequal, tok::ampequal, tok::pipeequal,
                    tok::caretequal, tok::lesslessequal,
                    tok::greatergreaterequal))
      return true;
    // A call (a cast's parenthesis follows no operand).
    if (Tok.is(tok::l_paren) && I > 0 &&
        Tokens[I - 1].isOneOf(tok::raw_identifier, tok::r_paren, tok::r_square))
      return true;
  }
  return false;
}

/// The raw token that starts at \p Loc, or the first after the blanks there.
/// A comment is a token here: where the layout of a statement is read, a
/// comment first on a line counts as the line's code. (utils::lexer's
/// findNextTokenIncludingComments does this only from LLVM 15 on.)
std::optional<Token> tokenAt(SourceLocation Loc, const SourceManager &SM,
                             const LangOptions &LangOpts) {
  Token Tok;
  if (Lexer::getRawToken(Loc, Tok, SM, LangOpts, /*IgnoreWhiteSpace=*/true))
    return std::nullopt;
  return Tok;
}

/// The text of \p Template with `$function` replaced by \p Function.
std::string withFunction(StringRef Template, StringRef Function) {
  std::string Text;
  while (!Template.empty()) {
    size_t At = Template.find(FunctionPlaceholder);
    Text += Template.take_front(At).str();
    if (At == StringRef::npos)
      break;
    Text += Function.str();
    Template = Template.drop_front(At + FunctionPlaceholder.size());
  }
  return Text;
}

/// A check template `FAILS => RAISE`, filled with a call's arguments.
struct FilledCheck {
  std::string Fails; ///< true when the call would have failed
  std::string Raise; ///< sets the exception the old function set
};

OrNoFix<FilledCheck> fillCheck(StringRef Fix, const WrittenCall &Call,
                               const SourceManager &SM,
                               const LangOptions &LangOpts) {
  // Both halves are filled at once, so that the arity check is on the whole
  // template (FAILS may not use every argument RAISE does).
  size_t Arrow = Fix.find(CheckArrow);
  const char Separator = '\x01';
  OrNoFix<std::string> Filled =
      fillTemplate(Fix.take_front(Arrow).str() + Separator +
                       Fix.drop_front(Arrow + CheckArrow.size()).str(),
                   Call);
  if (!Filled)
    return NoFix{Filled.why()};
  auto [Fails, Raise] = StringRef(*Filled).split(Separator);
  if (Raise.find(Separator) != StringRef::npos)
    return NoFix{CallNotRead.str()};
  for (size_t I = 0; I < Call.Args.size(); ++I)
    if (placeholderCount(Fix, I + 1) > 1 &&
        mayHaveSideEffects(Call.ArgLocs[I], Call.Args[I], SM, LangOpts))
      return NoFix{
          llvm::formatv(EvaluatedTwice.data(), I + 1, Call.Args[I]).str()};
  return FilledCheck{Fails.str(), Raise.str()};
}

/// The statement a maintainer writes around a check, `if (!OLD(...)) BODY`.
struct NegatedTest {
  SourceLocation Bang; ///< the `!`
  Token Close;         ///< the `)` that closes the condition
  Token BodyFirst;     ///< the body's first token (a comment counts)
};

/// `if (!OLD(...))` around \p Call, whose name is at \p Loc: the text
/// before the name is read backwards, the tokens after it forwards.
std::optional<NegatedTest> negatedTest(SourceLocation Loc,
                                       const WrittenCall &Call,
                                       const SourceManager &SM,
                                       const LangOptions &LangOpts) {
  FileID File = SM.getFileID(Loc);
  StringRef Before =
      SM.getBufferData(File).take_front(SM.getFileOffset(Loc)).rtrim();
  SourceLocation Bang = SM.getLocForStartOfFile(File).getLocWithOffset(
      static_cast<int>(Before.size()) - 1);
  if (!Before.consume_back("!") ||
      !(Before = Before.rtrim()).consume_back("(") ||
      !(Before = Before.rtrim()).consume_back("if") ||
      (!Before.empty() &&
       (llvm::isAlnum(Before.back()) || Before.back() == '_')))
    return std::nullopt;
  std::optional<Token> Close =
      tokenAt(Call.RParen.getLocWithOffset(1), SM, LangOpts);
  if (!Close || !Close->is(tok::r_paren))
    return std::nullopt;
  std::optional<Token> BodyFirst = tokenAt(Close->getEndLoc(), SM, LangOpts);
  if (!BodyFirst)
    return std::nullopt;
  return NegatedTest{Bang, *Close, *BodyFirst};
}

/// The `;` that ends the simple statement starting with \p First, or why
/// the statement is not one this fix can put in braces.
OrNoFix<Token> endOfSimpleStatement(const Token &First, const SourceManager &SM,
                                    const LangOptions &LangOpts) {
  Token Tok = First;
  unsigned Depth = 0;
  while (true) {
    if (Tok.isOneOf(tok::eof, tok::hash, tok::l_brace, tok::r_brace) ||
        (Tok.is(tok::raw_identifier) &&
         llvm::is_contained(llvm::ArrayRef<StringRef>{"if", "for", "while",
                                                      "do", "switch", "else"},
                            Tok.getRawIdentifier())))
      return NoFix{NotSimpleStatement.str()};
    if (Tok.is(tok::l_paren))
      ++Depth;
    else if (Tok.is(tok::r_paren))
      --Depth;
    else if (Tok.is(tok::semi) && Depth == 0)
      return Tok;
    auto Next = utils::lexer::findNextTokenSkippingComments(Tok.getLocation(),
                                                            SM, LangOpts);
    if (!Next)
      return NoFix{StatementNotRead.str()};
    Tok = *Next;
  }
}

} // namespace

bool RemovedApiCheckBase::isShapedFix(const RemovedApi &Api) {
  if (Api.Fix.empty())
    return false;
  return (Api.Kinds & KindBit::Variable) ||
         Api.Fix.find(CheckArrow) != StringRef::npos ||
         Api.Fix.find(FunctionPlaceholder) != StringRef::npos ||
         (Api.Rewrite == RewriteKind::SignatureChange && isIdentifier(Api.Fix));
}

const FunctionDecl *
RemovedApiCheckBase::enclosingFunction(SourceLocation Loc) const {
  if (!Unit.Context)
    return nullptr;
  const SourceManager &SM = *Unit.Sources;
  FileID File = SM.getFileID(Loc);
  const FunctionDecl *Found = nullptr;
  std::function<void(const DeclContext *)> Visit = [&](const DeclContext *DC) {
    for (const Decl *D : DC->decls()) {
      if (Found)
        return;
      if (const auto *Inner = dyn_cast<DeclContext>(D);
          Inner && isa<LinkageSpecDecl, NamespaceDecl, CXXRecordDecl>(D))
        Visit(Inner);
      const auto *F = dyn_cast<FunctionDecl>(D);
      if (!F || !F->doesThisDeclarationHaveABody())
        continue;
      SourceRange Body = F->getBody()->getSourceRange();
      SourceLocation Begin = SM.getExpansionLoc(Body.getBegin());
      SourceLocation End = SM.getExpansionLoc(Body.getEnd());
      if (SM.getFileID(Begin) == File &&
          !SM.isBeforeInTranslationUnit(Loc, Begin) &&
          !SM.isBeforeInTranslationUnit(End, Loc))
        Found = F;
    }
  };
  Visit(Unit.Context->getTranslationUnitDecl());
  return Found;
}

NoFixReason RemovedApiCheckBase::shapedFix(const Use &U,
                                           std::vector<FixItHint> &Fixes) {
  const RemovedApi &Api = *U.Api;
  const SourceManager &SM = *Unit.Sources;
  if (Api.Kinds & KindBit::Variable)
    return addressFix(U, Fixes);
  OrNoFix<WrittenCall> Call = readWrittenCall(U.Loc, SM, *Unit.LangOpts);
  if (!Call)
    return Call.why();
  CharSourceRange Whole =
      CharSourceRange::getTokenRange(Call->Callee, Call->RParen);
  if (Api.Fix.find(CheckArrow) != StringRef::npos)
    return checkFix(U, *Call, Fixes);
  // A template naming the enclosing function, or a name replacing the
  // whole call: both are statements of a function body.
  if (U.ExpansionLoc.isValid())
    return InMacroDefinition.str();
  const FunctionDecl *Function = enclosingFunction(U.Loc);
  if (!Function || !Function->getIdentifier())
    return NotInFunction.str();
  StringRef When = Api.FixWhen;
  if (When.consume_front(PairedWith)) {
    // Both halves are fixed or neither: each use of the pair decides from
    // the same count.
    unsigned Own = 0, Partner = 0;
    SourceRange Body = Function->getBody()->getSourceRange();
    forEachRawIdentifier(
        SM.getExpansionLoc(Body.getBegin()),
        Lexer::getLocForEndOfToken(SM.getExpansionLoc(Body.getEnd()), 0, SM,
                                   *Unit.LangOpts),
        SM, *Unit.LangOpts, [&](StringRef Name, SourceLocation) {
          Own += Name == Api.Name;
          Partner += Name == When;
        });
    // The use itself is one of Own: a body that ends before it is one the
    // parser cut short.
    if (Own == 0 || Own != Partner)
      return llvm::formatv(PairUnbalanced.data(), Function->getName(), When,
                           Api.Name)
          .str();
  }
  std::string Text;
  if (isIdentifier(Api.Fix)) {
    Text = Api.Fix.str();
  } else {
    OrNoFix<std::string> Filled =
        fillTemplate(withFunction(Api.Fix, Function->getName()), *Call);
    if (!Filled)
      return Filled.why();
    Text = *Filled;
  }
  Fixes.push_back(FixItHint::CreateReplacement(Whole, Text));
  return std::nullopt;
}

NoFixReason RemovedApiCheckBase::addressFix(const Use &U,
                                            std::vector<FixItHint> &Fixes) {
  const SourceManager &SM = *Unit.Sources;
  const RemovedApi &Api = *U.Api;
  // The replacement calls a function: not a constant, so not for a static
  // initializer.
  if (U.ExpansionLoc.isValid() || !enclosingFunction(U.Loc))
    return llvm::formatv(NotConstant.data(), Api.Fix).str();
  std::optional<Token> Name = tokenAt(U.Loc, SM, *Unit.LangOpts);
  std::optional<Token> Next =
      Name ? tokenAt(Name->getEndLoc(), SM, *Unit.LangOpts) : std::nullopt;
  if (!Next)
    return UseNotRead.str();
  if (Next->is(tok::period)) {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(U.Loc, Next->getEndLoc()),
        Api.Fix.str() + "->"));
    return std::nullopt;
  }
  StringRef Buffer = SM.getBufferData(SM.getFileID(U.Loc));
  StringRef Before = Buffer.take_front(SM.getFileOffset(U.Loc)).rtrim();
  if (endsWith(Before, "&") && !endsWith(Before.drop_back(), "&")) {
    SourceLocation Amp = U.Loc.getLocWithOffset(
        -static_cast<int>(SM.getFileOffset(U.Loc) - (Before.size() - 1)));
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Amp, U.Loc), Api.Fix));
    return std::nullopt;
  }
  return llvm::formatv(OnlyAddressAndMembers.data(), Api.Name).str();
}

NoFixReason RemovedApiCheckBase::checkFix(const Use &U, const WrittenCall &Call,
                                          std::vector<FixItHint> &Fixes) {
  const SourceManager &SM = *Unit.Sources;
  const LangOptions &LO = *Unit.LangOpts;
  OrNoFix<FilledCheck> Filled = fillCheck(U.Api->Fix, Call, SM, LO);
  if (!Filled)
    return Filled.why();
  const std::string &Fails = Filled->Fails, &Raise = Filled->Raise;
  std::optional<NegatedTest> Test = U.ExpansionLoc.isInvalid()
                                        ? negatedTest(U.Loc, Call, SM, LO)
                                        : std::nullopt;
  // Any other use: an expression.
  if (!Test) {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Call.Callee, Call.RParen),
        "(!(" + Fails + ") || (" + Raise + ", 0))"));
    return std::nullopt;
  }
  // `if (FAILS) { RAISE; BODY }`: the test, then RAISE first in the body.
  StringRef Eol = lineEndingOf(U.Loc, SM);
  std::vector<FixItHint> Body;
  const Token &First = Test->BodyFirst;
  if (First.is(tok::l_brace)) {
    std::optional<Token> Inside = tokenAt(First.getEndLoc(), SM, LO);
    if (!Inside)
      return StatementNotRead.str();
    bool OwnLine = startsLine(Inside->getLocation(), SM);
    Body.push_back(FixItHint::CreateInsertion(
        First.getEndLoc(),
        (OwnLine ? Eol.str() + indentationOf(Inside->getLocation(), SM)
                 : std::string(" ")) +
            Raise + ";"));
  } else {
    // A single statement, up to its ';', goes in braces with RAISE.
    OrNoFix<Token> Semi = endOfSimpleStatement(First, SM, LO);
    if (!Semi)
      return Semi.why();
    SourceLocation StmtBegin = First.getLocation();
    if (!startsLine(StmtBegin, SM)) {
      Body.push_back(
          FixItHint::CreateInsertion(StmtBegin, "{ " + Raise + "; "));
      Body.push_back(FixItHint::CreateInsertion(Semi->getEndLoc(), " }"));
    } else {
      Body.push_back(FixItHint::CreateInsertion(Test->Close.getEndLoc(), " {"));
      Body.push_back(FixItHint::CreateInsertion(
          StmtBegin, Raise + ";" + Eol.str() + indentationOf(StmtBegin, SM)));
      Body.push_back(FixItHint::CreateInsertion(
          Semi->getEndLoc(), Eol.str() + indentationOf(Test->Bang, SM) + "}"));
    }
  }
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Test->Bang, Call.RParen), Fails));
  Fixes.insert(Fixes.end(), Body.begin(), Body.end());
  return std::nullopt;
}

} // namespace clang::tidy::pycapi::removedapi
