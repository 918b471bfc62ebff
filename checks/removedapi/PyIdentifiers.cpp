//===--- PyIdentifiers.cpp - _Py_IDENTIFIER declarations and their uses ---===//
#include "PyIdentifiers.h"
#include "FixTemplate.h"
#include "LLVMCompat.h"
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::pycapi::removedapi {

namespace {

// The two declaring macros of Python's cpython/object.h (3.7 to 3.15):
// `_Py_static_string(varname, value)` declares a static _Py_Identifier
// varname holding value, and `_Py_IDENTIFIER(varname)` is
// `_Py_static_string(PyId_##varname, #varname)`.
// They are the syntax this file reads, not data about removals.
constexpr llvm::StringLiteral IdentifierMacro = "_Py_IDENTIFIER";
constexpr llvm::StringLiteral StaticStringMacro = "_Py_static_string";
constexpr llvm::StringLiteral IdentifierPrefix = "PyId_";

bool isIdentifier(StringRef Text) {
  return !Text.empty() &&
         (llvm::isAlpha(Text.front()) || Text.front() == '_') &&
         llvm::all_of(Text,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

/// True when the text from \p Begin to \p End (a file range) is one or more
/// plain string literals (`"a" "b"`).
bool isStringLiterals(SourceLocation Begin, SourceLocation End,
                      const SourceManager &SM, const LangOptions &LangOpts) {
  FileID File = SM.getFileID(Begin);
  StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + SM.getFileOffset(Begin), Buffer.end());
  Token Tok;
  bool Any = false;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) ||
        SM.getFileOffset(Tok.getLocation()) >= SM.getFileOffset(End))
      return Any;
    if (!Tok.is(tok::string_literal))
      return false;
    Any = true;
  }
}

} // namespace

void PyIdentifiers::attach(Preprocessor &PP) {
  SM = &PP.getSourceManager();
  LangOpts = &PP.getLangOpts();
}

void PyIdentifiers::onMacroExpanded(const Token &NameTok,
                                    const MacroDefinition &MD) {
  const IdentifierInfo *Name = NameTok.getIdentifierInfo();
  if (!Name ||
      (Name->getName() != IdentifierMacro &&
       Name->getName() != StaticStringMacro) ||
      !NameTok.getLocation().isFileID() ||
      !::pycapi::isUserCode(*SM, NameTok.getLocation()))
    return;
  // A project's own macro of that name may mean something else.
  const MacroInfo *Info = MD.getMacroInfo();
  if (!Info || ::pycapi::isUserCode(*SM, Info->getDefinitionLoc()))
    return;
  OrNoFix<WrittenCall> Read =
      readWrittenCall(NameTok.getLocation(), *SM, *LangOpts);
  if (!Read)
    return;
  const WrittenCall &Call = *Read;
  Declaration Decl;
  Decl.File = SM->getFileID(NameTok.getLocation());
  if (Name->getName() == IdentifierMacro) {
    if (Call.Args.size() != 1 || !isIdentifier(Call.Args[0]))
      return;
    Decl.Variable = (IdentifierPrefix + Call.Args[0]).str();
    Decl.Literal = ("\"" + Call.Args[0] + "\"").str();
  } else {
    if (Call.Args.size() != 2 || !isIdentifier(Call.Args[0]) ||
        !isStringLiterals(Call.ArgLocs[1], Call.RParen, *SM, *LangOpts))
      return;
    Decl.Variable = Call.Args[0].str();
    Decl.Literal = Call.Args[1].str();
  }
  // What the declaration's removal takes: the line, when the declaration
  // and its ';' are all there is on it, else just the declaration.
  StringRef Buffer = SM->getBufferData(Decl.File);
  unsigned Begin = SM->getFileOffset(NameTok.getLocation());
  unsigned End = SM->getFileOffset(Call.RParen) + 1;
  StringRef After = Buffer.substr(End);
  StringRef Blank =
      After.take_while([](char C) { return C == ' ' || C == '\t'; });
  if (Blank.size() < After.size() && After[Blank.size()] == ';')
    End += Blank.size() + 1;
  SourceLocation FileStart = SM->getLocForStartOfFile(Decl.File);
  SourceLocation LineStart = startOfLine(NameTok.getLocation(), *SM);
  StringRef Rest = Buffer.substr(End);
  size_t LineBreak = Rest.find_first_of("\r\n");
  StringRef Tail = Rest.take_front(LineBreak);
  if (startsLine(NameTok.getLocation(), *SM) && Tail.trim().empty() &&
      LineBreak != StringRef::npos) {
    Begin = SM->getFileOffset(LineStart);
    End +=
        LineBreak +
        (::pycapi::compat::startsWith(Rest.substr(LineBreak), "\r\n") ? 2 : 1);
  }
  Decl.Removal = CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(Begin), FileStart.getLocWithOffset(End));
  Declarations.push_back(std::move(Decl));
}

OrNoFix<std::string> PyIdentifiers::stringOf(SourceLocation UseLoc,
                                             StringRef Arg) {
  StringRef Name = Arg.trim();
  bool Address = Name.consume_front("&");
  Name = Name.ltrim();
  FileID File = SM ? SM->getFileID(UseLoc) : FileID();
  const Declaration *Found = nullptr;
  if (Address && isIdentifier(Name))
    for (const Declaration &Decl : Declarations) {
      if (Decl.File != File || Decl.Variable != Name)
        continue;
      if (Found && Found->Literal != Decl.Literal)
        return NoFix{"'" + Name.str() +
                     "' is declared more than once in this file, with "
                     "different strings"};
      Found = &Decl;
    }
  if (!Found)
    return NoFix{"'" + Arg.str() +
                 "' is not the address of a _Py_IDENTIFIER or "
                 "_Py_static_string declared in this file"};
  Pending.push_back({File, Name.str()});
  return Found->Literal;
}

unsigned PyIdentifiers::writtenUses(const Key &K) {
  auto Cached = Written.find(K);
  if (Cached != Written.end())
    return Cached->second;
  unsigned Count = 0;
  SourceLocation Start = SM->getLocForStartOfFile(K.first);
  SourceLocation End = SM->getLocForEndOfFile(K.first);
  forEachRawIdentifier(
      Start, End, *SM, *LangOpts, [&](StringRef Name, SourceLocation Loc) {
        if (Name != K.second)
          return;
        // `_Py_static_string(var, ...)` names var itself.
        unsigned Offset = SM->getFileOffset(Loc);
        for (const Declaration &Decl : Declarations)
          if (Decl.File == K.first &&
              SM->getFileOffset(Decl.Removal.getBegin()) <= Offset &&
              Offset < SM->getFileOffset(Decl.Removal.getEnd()))
            return;
        ++Count;
      });
  Written[K] = Count;
  return Count;
}

void PyIdentifiers::finishUse(bool Fixed, std::vector<FixItHint> &Fixes) {
  std::vector<Key> Used;
  Used.swap(Pending);
  if (!Fixed)
    return;
  for (const Key &K : Used) {
    if (++Rewritten[K] != writtenUses(K))
      continue;
    for (const Declaration &Decl : Declarations)
      if (Decl.File == K.first && Decl.Variable == K.second)
        Fixes.push_back(FixItHint::CreateRemoval(Decl.Removal));
  }
}

void PyIdentifiers::clear() {
  Declarations.clear();
  Written.clear();
  Rewritten.clear();
  Pending.clear();
}

} // namespace clang::tidy::pycapi::removedapi
