//===--- FixTemplate.cpp - call templates of the removed-API data ---------===//
#include "FixTemplate.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>

namespace clang::tidy::pycapi::removedapi {

namespace {

constexpr llvm::StringLiteral NotCalled =
    "the function is referenced, not called";

} // namespace

OrNoFix<WrittenCall> readWrittenCall(SourceLocation Callee,
                                     const SourceManager &SM,
                                     const LangOptions &LangOpts) {
  WrittenCall Call;
  FileID File = SM.getFileID(Callee);
  StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + SM.getFileOffset(Callee), Buffer.end());
  Token Tok;
  Raw.LexFromRawLexer(Tok); // the name
  Call.Callee = Tok.getLocation();
  Raw.LexFromRawLexer(Tok);
  if (!Tok.is(tok::l_paren))
    return NoFix{NotCalled.str()};
  Call.LParen = Tok.getLocation();
  const char *ArgBegin = nullptr, *ArgEnd = nullptr;
  SourceLocation ArgLoc;
  unsigned Depth = 0;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.isOneOf(tok::eof, tok::hash))
      return NoFix{CallNotRead.str()};
    const char *TokBegin = Buffer.begin() + SM.getFileOffset(Tok.getLocation());
    bool EndsArg = Depth == 0 && Tok.isOneOf(tok::comma, tok::r_paren);
    if (EndsArg) {
      if (!ArgBegin) {
        if (Tok.is(tok::r_paren) && Call.Args.empty())
          break; // no arguments
        return NoFix{CallNotRead.str()};
      }
      Call.Args.push_back(StringRef(ArgBegin, ArgEnd - ArgBegin));
      Call.ArgLocs.push_back(ArgLoc);
      ArgBegin = nullptr;
      if (Tok.is(tok::r_paren))
        break;
      continue;
    }
    if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
      ++Depth;
    else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
      --Depth;
    if (!ArgBegin) {
      ArgBegin = TokBegin;
      ArgLoc = Tok.getLocation();
    }
    ArgEnd = TokBegin + Tok.getLength();
  }
  Call.RParen = Tok.getLocation();
  return Call;
}

/// `$N` at the front of \p Text: N, consumed; 0 when there is none.
static unsigned consumePlaceholder(StringRef &Text) {
  if (!Text.consume_front("$"))
    return 0;
  unsigned N = 0;
  while (!Text.empty() && llvm::isDigit(Text.front())) {
    N = N * 10 + (Text.front() - '0');
    Text = Text.drop_front();
  }
  return N;
}

NoFixReason checkFixWhen(StringRef FixWhen, const WrittenCall &Call) {
  // The one form the data uses: `$N in V1 V2 ...`, the N-th argument
  // written as one of the values.
  if (FixWhen.empty())
    return std::nullopt;
  StringRef Rest = FixWhen.trim();
  unsigned N = consumePlaceholder(Rest);
  Rest = Rest.ltrim();
  if (N == 0 || N > Call.Args.size() || !Rest.consume_front("in "))
    return ArgumentsDiffer.str();
  llvm::SmallVector<StringRef, 8> Values;
  Rest.split(Values, ' ', -1, /*KeepEmpty=*/false);
  if (llvm::is_contained(Values, Call.Args[N - 1].trim()))
    return std::nullopt;
  return "argument " + std::to_string(N) + " ('" + Call.Args[N - 1].str() +
         "') is not " +
         (Values.size() == 1 ? Values[0].str()
                             : "one of " + llvm::join(Values, ", "));
}

/// `$N...:objargs`: the arguments from \p First, the last written `NULL`,
/// as PyObject_CallMethod takes them. A single object becomes `"(O)", a`,
/// not `"O", a`: PyObject_CallMethod would spread a tuple passed alone.
static OrNoFix<std::string> objArgs(const WrittenCall &Call, unsigned First) {
  if (Call.Args.back().trim() != "NULL")
    return NoFix{"the last argument ('" + Call.Args.back().str() +
                 "') is not NULL, which ends the list of objects"};
  unsigned Objects = Call.Args.size() - First;
  if (Objects == 0)
    return std::string("NULL");
  std::string Text = "\"(" + std::string(Objects, 'O') + ")\"";
  for (unsigned I = First - 1; I + 1 < Call.Args.size(); ++I)
    Text += ", " + Call.Args[I].str();
  return Text;
}

OrNoFix<std::string> fillTemplate(StringRef Template, const WrittenCall &Call,
                                  StringRef FixWhen,
                                  IdentifierString StringOf) {
  unsigned Used = 0;
  std::string Text;
  while (!Template.empty()) {
    if (Template.front() != '$') {
      Text += Template.front();
      Template = Template.drop_front();
      continue;
    }
    unsigned N = consumePlaceholder(Template);
    if (N == 0 || N > Call.Args.size())
      return NoFix{ArgumentsDiffer.str()};
    StringRef Arg = Call.Args[N - 1];
    if (Template.consume_front("...")) {
      Used = Call.Args.size();
      if (Template.consume_front(":objargs")) {
        OrNoFix<std::string> Objects = objArgs(Call, N);
        if (!Objects)
          return NoFix{Objects.why()};
        Text += *Objects;
        continue;
      }
      Text += llvm::join(Call.Args.begin() + (N - 1), Call.Args.end(), ", ");
      continue;
    }
    Used = std::max(Used, N);
    if (Template.consume_front(":str")) {
      if (!StringOf)
        return NoFix{"argument " + std::to_string(N) + " ('" + Arg.str() +
                     "') is not the address of a _Py_IDENTIFIER"};
      OrNoFix<std::string> Literal = StringOf(Arg);
      if (!Literal)
        return NoFix{Literal.why()};
      Text += *Literal;
      continue;
    }
    Text += Arg.str();
  }
  // An argument that fix_when pins to its values may be left out.
  StringRef When = FixWhen.trim();
  Used = std::max(Used, consumePlaceholder(When));
  if (Used != Call.Args.size())
    return NoFix{ArgumentsDiffer.str()};
  return Text;
}

} // namespace clang::tidy::pycapi::removedapi
