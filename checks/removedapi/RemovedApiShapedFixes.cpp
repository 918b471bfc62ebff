//===--- RemovedApiShapedFixes.cpp - fixes that are not a plain call
//-------===//
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
#include "utils/SourceEdit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::pycapi::removedapi {

namespace KindBit = ::pycapi::KindBit;
using ::pycapi::RemovedApi;
using ::pycapi::RewriteKind;
using ::pycapi::compat::endsWith;
using ::pycapi::compat::startsWith;

namespace {

constexpr StringRef CheckArrow = " => ";
constexpr StringRef FunctionPlaceholder = "$function";
constexpr StringRef PairedWith = "paired with ";

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

/// Raw tokens of \p Text, a piece of the file at \p Loc.
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

/// The raw token that starts at \p Loc, and the one after it.
bool lexAt(SourceLocation Loc, const SourceManager &SM,
           const LangOptions &LangOpts, Token &Tok) {
  return !Lexer::getRawToken(Loc, Tok, SM, LangOpts, /*IgnoreWhiteSpace=*/true);
}

SourceLocation afterToken(const Token &Tok) {
  return Tok.getLocation().getLocWithOffset(Tok.getLength());
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

} // namespace

bool RemovedApiCheckBase::isShapedFix(const RemovedApi &Api) {
  if (Api.Fix.empty())
    return false;
  return (Api.Kinds & KindBit::Variable) ||
         Api.Fix.find(CheckArrow) != StringRef::npos ||
         Api.Fix.find(FunctionPlaceholder) != StringRef::npos ||
         (Api.Rewrite == RewriteKind::SignatureChange &&
          isIdentifier(Api.Fix));
}

const FunctionDecl *
RemovedApiCheckBase::enclosingFunction(SourceLocation Loc) const {
  if (!Context)
    return nullptr;
  const SourceManager &SM = *Sources;
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
  Visit(Context->getTranslationUnitDecl());
  return Found;
}

bool RemovedApiCheckBase::shapedFix(const Use &U, std::vector<FixItHint> &Fixes,
                                    std::string &Why) {
  const RemovedApi &Api = *U.Api;
  const SourceManager &SM = *Sources;
  if (Api.Kinds & KindBit::Variable)
    return addressFix(U, Fixes, Why);
  WrittenCall Call;
  if (!readWrittenCall(U.Loc, SM, *LangOpts, Call, Why))
    return false;
  CharSourceRange Whole =
      CharSourceRange::getTokenRange(Call.Callee, Call.RParen);
  if (Api.Fix.find(CheckArrow) != StringRef::npos)
    return checkFix(U, Call, Fixes, Why);
  // A template naming the enclosing function, or a name replacing the
  // whole call: both are statements of a function body.
  if (U.ExpansionLoc.isValid()) {
    Why = "the call is in a macro's definition, where the function it "
          "ends up in is not known";
    return false;
  }
  const FunctionDecl *Function = enclosingFunction(U.Loc);
  if (!Function || !Function->getIdentifier()) {
    Why = "the call is not in a function body";
    return false;
  }
  StringRef When = Api.FixWhen;
  if (When.consume_front(PairedWith)) {
    // Both halves are fixed or neither: each use of the pair decides from
    // the same count.
    unsigned Own = 0, Partner = 0;
    SourceRange Body = Function->getBody()->getSourceRange();
    forEachRawIdentifier(
        SM.getExpansionLoc(Body.getBegin()),
        Lexer::getLocForEndOfToken(SM.getExpansionLoc(Body.getEnd()), 0, SM,
                                   *LangOpts),
        SM, *LangOpts, [&](StringRef Name, SourceLocation) {
          Own += Name == Api.Name;
          Partner += Name == When;
        });
    // The use itself is one of Own: a body that ends before it is one the
    // parser cut short.
    if (Own == 0 || Own != Partner) {
      Why = "'" + Function->getName().str() + "' does not use '" + When.str() +
            "' as often as '" + Api.Name.str() + "'; fix both together by hand";
      return false;
    }
  }
  std::string Text;
  if (isIdentifier(Api.Fix)) {
    Text = Api.Fix.str();
  } else if (!fillTemplate(withFunction(Api.Fix, Function->getName()), Call,
                           Text, Why)) {
    return false;
  }
  Fixes.push_back(FixItHint::CreateReplacement(Whole, Text));
  return true;
}

bool RemovedApiCheckBase::addressFix(const Use &U,
                                     std::vector<FixItHint> &Fixes,
                                     std::string &Why) {
  const SourceManager &SM = *Sources;
  const RemovedApi &Api = *U.Api;
  // The replacement calls a function: not a constant, so not for a static
  // initializer.
  if (U.ExpansionLoc.isValid() || !enclosingFunction(U.Loc)) {
    Why = "outside a function body '" + Api.Fix.str() +
          "' is not a constant expression; take the address at run time";
    return false;
  }
  Token Name, Next;
  if (!lexAt(U.Loc, SM, *LangOpts, Name) ||
      !lexAt(afterToken(Name), SM, *LangOpts, Next)) {
    Why = "the use could not be read";
    return false;
  }
  if (Next.is(tok::period)) {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(U.Loc, afterToken(Next)),
        Api.Fix.str() + "->"));
    return true;
  }
  StringRef Buffer = SM.getBufferData(SM.getFileID(U.Loc));
  StringRef Before = Buffer.take_front(SM.getFileOffset(U.Loc)).rtrim();
  if (endsWith(Before, "&") && !endsWith(Before.drop_back(), "&")) {
    SourceLocation Amp = U.Loc.getLocWithOffset(
        -static_cast<int>(SM.getFileOffset(U.Loc) - (Before.size() - 1)));
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Amp, U.Loc), Api.Fix));
    return true;
  }
  Why = "only the type's address (&" + Api.Name.str() +
        ") and its members have a replacement";
  return false;
}

bool RemovedApiCheckBase::checkFix(const Use &U, const WrittenCall &Call,
                                   std::vector<FixItHint> &Fixes,
                                   std::string &Why) {
  const SourceManager &SM = *Sources;
  const LangOptions &LO = *LangOpts;
  // Both halves are filled at once, so that the arity check is on the whole
  // template (FAILS may not use every argument RAISE does).
  StringRef Fix = U.Api->Fix;
  size_t Arrow = Fix.find(CheckArrow);
  const char Separator = '\x01';
  std::string Filled;
  if (!fillTemplate(Fix.take_front(Arrow).str() + Separator +
                        Fix.drop_front(Arrow + CheckArrow.size()).str(),
                    Call, Filled, Why))
    return false;
  auto [FailsText, RaiseText] = StringRef(Filled).split(Separator);
  if (RaiseText.find(Separator) != StringRef::npos) {
    Why = "the call's arguments could not be read";
    return false;
  }
  std::string Fails = FailsText.str(), Raise = RaiseText.str();
  for (size_t I = 0; I < Call.Args.size(); ++I)
    if (placeholderCount(Fix, I + 1) > 1 &&
        mayHaveSideEffects(Call.ArgLocs[I], Call.Args[I], SM, LO)) {
      Why = "argument " + std::to_string(I + 1) + " ('" + Call.Args[I].str() +
            "') may have side effects, and the replacement evaluates it "
            "more than once";
      return false;
    }
  CharSourceRange OldCall =
      CharSourceRange::getTokenRange(Call.Callee, Call.RParen);
  // `if (!OLD(...))`: the text before the name, read backwards.
  FileID File = SM.getFileID(U.Loc);
  StringRef Before =
      SM.getBufferData(File).take_front(SM.getFileOffset(U.Loc)).rtrim();
  SourceLocation Bang = SM.getLocForStartOfFile(File).getLocWithOffset(
      static_cast<int>(Before.size()) - 1);
  bool Statement = U.ExpansionLoc.isInvalid() && Before.consume_back("!");
  Statement = Statement && (Before = Before.rtrim()).consume_back("(") &&
              (Before = Before.rtrim()).consume_back("if") &&
              (Before.empty() ||
               !(llvm::isAlnum(Before.back()) || Before.back() == '_'));
  Token Close, BodyFirst;
  Statement =
      Statement && lexAt(Call.RParen.getLocWithOffset(1), SM, LO, Close) &&
      Close.is(tok::r_paren) && lexAt(afterToken(Close), SM, LO, BodyFirst);
  if (!Statement) {
    Fixes.push_back(FixItHint::CreateReplacement(
        OldCall, "(!(" + Fails + ") || (" + Raise + ", 0))"));
    return true;
  }
  StringRef Eol = lineEndingOf(U.Loc, SM);
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Bang, Call.RParen), Fails));
  if (BodyFirst.is(tok::l_brace)) {
    Token Inside;
    if (!lexAt(afterToken(BodyFirst), SM, LO, Inside)) {
      Fixes.clear();
      Why = "the statement could not be read";
      return false;
    }
    bool OwnLine = startsLine(Inside.getLocation(), SM);
    Fixes.push_back(FixItHint::CreateInsertion(
        afterToken(BodyFirst),
        (OwnLine ? Eol.str() + indentationOf(Inside.getLocation(), SM)
                 : std::string(" ")) +
            Raise + ";"));
    return true;
  }
  // A single statement: the tokens up to its ';' (no nested statement).
  Token Tok = BodyFirst;
  unsigned Depth = 0;
  while (true) {
    if (Tok.isOneOf(tok::eof, tok::hash, tok::l_brace, tok::r_brace) ||
        (Tok.is(tok::raw_identifier) &&
         llvm::is_contained(llvm::ArrayRef<StringRef>{"if", "for", "while",
                                                      "do", "switch", "else"},
                            Tok.getRawIdentifier()))) {
      Fixes.clear();
      Why = "the statement the test guards is not a simple one; write the "
            "test by hand";
      return false;
    }
    if (Tok.is(tok::l_paren))
      ++Depth;
    else if (Tok.is(tok::r_paren))
      --Depth;
    else if (Tok.is(tok::semi) && Depth == 0)
      break;
    if (!lexAt(afterToken(Tok), SM, LO, Tok)) {
      Fixes.clear();
      Why = "the statement could not be read";
      return false;
    }
  }
  SourceLocation StmtBegin = BodyFirst.getLocation();
  if (!startsLine(StmtBegin, SM)) {
    Fixes.push_back(FixItHint::CreateInsertion(StmtBegin, "{ " + Raise + "; "));
    Fixes.push_back(FixItHint::CreateInsertion(afterToken(Tok), " }"));
    return true;
  }
  Fixes.push_back(FixItHint::CreateInsertion(afterToken(Close), " {"));
  Fixes.push_back(FixItHint::CreateInsertion(
      StmtBegin, Raise + ";" + Eol.str() + indentationOf(StmtBegin, SM)));
  Fixes.push_back(FixItHint::CreateInsertion(
      afterToken(Tok), Eol.str() + indentationOf(Bang, SM) + "}"));
  return true;
}

} // namespace clang::tidy::pycapi::removedapi
