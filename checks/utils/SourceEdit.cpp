//===--- SourceEdit.cpp - text edits built from source ranges --------------===//
#include "SourceEdit.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <tuple>

namespace clang::tidy::pycapi {

SourceLocation endOfStatement(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LangOpts) {
  SourceLocation End = SM.getExpansionRange(S->getEndLoc()).getEnd();
  SourceLocation AfterEnd = Lexer::getLocForEndOfToken(End, 0, SM, LangOpts);
  if (isa<CompoundStmt>(S))
    return AfterEnd;
  Token Next;
  SourceLocation Cursor = AfterEnd;
  // Skip comments between the statement and its ';'.
  while (!Lexer::getRawToken(Cursor, Next, SM, LangOpts,
                             /*IgnoreWhiteSpace=*/true)) {
    if (Next.is(tok::comment)) {
      Cursor = Next.getEndLoc();
      continue;
    }
    if (Next.is(tok::semi))
      return Next.getEndLoc();
    break;
  }
  return AfterEnd;
}

SourceLocation startOfLine(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first);
  unsigned Offset = Decomposed.second;
  while (Offset > 0 && Buffer[Offset - 1] != '\n' && Buffer[Offset - 1] != '\r')
    --Offset;
  return Loc.getLocWithOffset(-static_cast<int>(Decomposed.second - Offset));
}

std::string indentationOf(SourceLocation Loc, const SourceManager &SM) {
  SourceLocation Start = startOfLine(Loc, SM);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Start);
  llvm::StringRef Rest =
      SM.getBufferData(Decomposed.first).substr(Decomposed.second);
  return Rest.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
}

bool startsLine(SourceLocation Loc, const SourceManager &SM) {
  Loc = SM.getExpansionLoc(Loc);
  SourceLocation Start = startOfLine(Loc, SM);
  unsigned Width =
      SM.getFileOffset(Loc) - SM.getFileOffset(Start);
  return indentationOf(Loc, SM).size() == Width;
}

llvm::StringRef lineEndingOf(SourceLocation Loc, const SourceManager &SM) {
  FileID File = SM.getFileID(SM.getExpansionLoc(Loc));
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || Buffer.empty())
    return "\n";
  // The start of line 2 comes from the SourceManager's line table, which it
  // builds once per file (diagnostics need it anyway): a search for the first
  // "\n" would read a whole file of one long line again for every fix.
  SourceLocation SecondLine = SM.translateLineCol(File, 2, 1);
  if (SecondLine.isInvalid())
    return "\n";
  unsigned Offset = SM.getFileOffset(SecondLine);
  bool EndsInCrlf = Offset >= 2 && Offset <= Buffer.size() &&
                    Buffer[Offset - 1] == '\n' && Buffer[Offset - 2] == '\r';
  return EndsInCrlf ? "\r\n" : "\n";
}

SourceLocation startOfPreviousLineBreak(SourceLocation LineStart,
                                        const SourceManager &SM) {
  LineStart = SM.getExpansionLoc(LineStart);
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(LineStart);
  StringRef Buffer = SM.getBufferData(Decomposed.first);
  unsigned Offset = Decomposed.second;
  if (Offset == 0 || Offset > Buffer.size())
    return {};
  --Offset;
  if (Buffer[Offset] == '\n' && Offset > 0 && Buffer[Offset - 1] == '\r')
    --Offset;
  return LineStart.getLocWithOffset(-static_cast<int>(Decomposed.second - Offset));
}

std::string textOf(SourceRange Range, const SourceManager &SM,
                   const LangOptions &LangOpts) {
  CharSourceRange Chars = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), SM, LangOpts);
  if (Chars.isInvalid())
    return "";
  return Lexer::getSourceText(Chars, SM, LangOpts).str();
}

SourceLocation endOfLineCode(SourceLocation Loc, const SourceManager &SM,
                             const LangOptions &LangOpts) {
  Loc = SM.getExpansionLoc(Loc);
  std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Loc);
  StringRef Buffer = SM.getBufferData(Start.first);
  size_t LineEnd = Buffer.find_first_of("\r\n", Start.second);
  if (LineEnd == StringRef::npos)
    LineEnd = Buffer.size();
  // Raw lexing with comments kept: a `/*` comment (or a string) that goes on
  // to the next line has no end on this one.
  Lexer Raw(SM.getLocForStartOfFile(Start.first), LangOpts, Buffer.begin(),
            Buffer.begin() + Start.second, Buffer.end());
  Raw.SetCommentRetentionState(true);
  unsigned End = Start.second;
  Token Tok;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    unsigned TokBegin = SM.getFileOffset(Tok.getLocation());
    if (Tok.is(tok::eof) || TokBegin >= LineEnd)
      break;
    End = TokBegin + Tok.getLength();
    if (End > LineEnd)
      return SourceLocation();
  }
  return Loc.getLocWithOffset(End - Start.second);
}

void forEachRawIdentifier(
    SourceLocation Begin, SourceLocation End, const SourceManager &SM,
    const LangOptions &LangOpts,
    llvm::function_ref<void(llvm::StringRef Name, SourceLocation Loc)> Visit) {
  std::pair<FileID, unsigned> Start = SM.getDecomposedLoc(Begin);
  StringRef Buffer = SM.getBufferData(Start.first);
  unsigned Stop = std::min<unsigned>(SM.getFileOffset(End), Buffer.size());
  // The lexer needs the buffer's own end (a NUL); stop at Stop by offset.
  Lexer Raw(SM.getLocForStartOfFile(Start.first), LangOpts, Buffer.begin(),
            Buffer.begin() + Start.second, Buffer.end());
  Raw.SetCommentRetentionState(false);
  Token Tok;
  while (true) {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof) || SM.getFileOffset(Tok.getLocation()) >= Stop)
      break;
    if (Tok.is(tok::raw_identifier))
      Visit(Tok.getRawIdentifier(), Tok.getLocation());
  }
}

void FixBuilder::insert(SourceLocation Loc, llvm::StringRef Text) {
  Insertions[Loc] += Text.str();
}

void FixBuilder::replace(CharSourceRange Range, llvm::StringRef Text) {
  Replacements.push_back({Range, Text.str(), false});
}

void FixBuilder::replaceForeign(CharSourceRange Range, llvm::StringRef Text) {
  Replacements.push_back({Range, Text.str(), true});
}

std::string FixBuilder::absorb(CharSourceRange Range, const SourceManager &SM,
                               const LangOptions &LangOpts) {
  CharSourceRange Chars = Lexer::makeFileCharRange(Range, SM, LangOpts);
  if (Chars.isInvalid())
    return "";
  FileID File = SM.getFileID(Chars.getBegin());
  unsigned Begin = SM.getFileOffset(Chars.getBegin());
  unsigned End = SM.getFileOffset(Chars.getEnd());
  auto Inside = [&](SourceLocation Loc, bool AtBeginToo) {
    Loc = SM.getExpansionLoc(Loc);
    if (SM.getFileID(Loc) != File)
      return false;
    unsigned At = SM.getFileOffset(Loc);
    return (AtBeginToo ? Begin <= At : Begin < At) && At < End;
  };
  // Edits inside the range, by offset: (begin, end, text).
  std::vector<std::tuple<unsigned, unsigned, std::string>> Edits;
  for (auto It = Replacements.begin(); It != Replacements.end();) {
    CharSourceRange R = Lexer::makeFileCharRange(It->Range, SM, LangOpts);
    if (R.isValid() && Inside(R.getBegin(), true) &&
        SM.getFileOffset(R.getEnd()) <= End) {
      Edits.emplace_back(SM.getFileOffset(R.getBegin()),
                         SM.getFileOffset(R.getEnd()), It->Text);
      if (It->Foreign)
        AbsorbedForeign.push_back(It->Range.getBegin());
      It = Replacements.erase(It);
    } else {
      ++It;
    }
  }
  for (auto It = Insertions.begin(); It != Insertions.end();) {
    if (Inside(It->first, false)) {
      unsigned At = SM.getFileOffset(SM.getExpansionLoc(It->first));
      Edits.emplace_back(At, At, It->second);
      It = Insertions.erase(It);
    } else {
      ++It;
    }
  }
  llvm::sort(Edits, [](const auto &A, const auto &B) {
    return std::get<0>(A) < std::get<0>(B);
  });
  StringRef Buffer = SM.getBufferData(File);
  std::string Text;
  unsigned Cursor = Begin;
  for (const auto &[EditBegin, EditEnd, EditText] : Edits) {
    if (EditBegin < Cursor)
      continue; // overlapping edits: consistent() reports the conflict
    Text += Buffer.substr(Cursor, EditBegin - Cursor).str() + EditText;
    Cursor = EditEnd;
  }
  Text += Buffer.substr(Cursor, End - Cursor).str();
  return Text;
}

bool FixBuilder::absorbedForeign(SourceLocation Loc) const {
  return llvm::is_contained(AbsorbedForeign, Loc);
}

bool FixBuilder::consistent(const SourceManager &SM) const {
  auto Offsets = [&](CharSourceRange Range) {
    return std::make_pair(SM.getFileOffset(SM.getExpansionLoc(Range.getBegin())),
                          SM.getFileOffset(SM.getExpansionLoc(Range.getEnd())));
  };
  for (size_t I = 0; I < Replacements.size(); ++I) {
    auto [Begin, End] = Offsets(Replacements[I].Range);
    for (size_t J = I + 1; J < Replacements.size(); ++J) {
      auto [OtherBegin, OtherEnd] = Offsets(Replacements[J].Range);
      if (Begin < OtherEnd && OtherBegin < End)
        return false;
    }
    for (const auto &Insertion : Insertions) {
      unsigned At = SM.getFileOffset(SM.getExpansionLoc(Insertion.first));
      if (Begin < At && At < End)
        return false;
    }
  }
  return true;
}

std::vector<FixItHint> FixBuilder::hints() const {
  std::vector<FixItHint> Hints;
  for (const Replacement &R : Replacements)
    if (!R.Foreign)
      Hints.push_back(FixItHint::CreateReplacement(R.Range, R.Text));
  for (const auto &[Loc, Text] : Insertions)
    Hints.push_back(FixItHint::CreateInsertion(Loc, Text));
  return Hints;
}

} // namespace clang::tidy::pycapi
