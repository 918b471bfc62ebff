//===--- FixedText.cpp - the text --fix writes
//-----------------------------===//
//
// clang-tidy's --fix (and so pycapi-migrate's, which must write the same
// files) runs clang-format's cleanup over the fixed file: it deletes the
// commas and the empty namespaces that a fix leaves behind, in the lines
// that the fixes touch. clang-format decides which lines those are by
// comparing every token of the file with every changed range
// (AffectedRangeManager), a cost of tokens x fixes: with thousands of
// fixes in one generated file, minutes. (The cleanup is for C++, which
// clang-format before LLVM 22 takes C files for; LLVM 22's has C apart.)
//
// The cleanup looks at one line at a time, and a line's being "touched"
// depends only on the line itself, on the line before it and on the line
// that opens its block. So the file is cut into pieces at places where a
// line of clang-format's necessarily starts and where neither of those
// links crosses the cut, and each piece is cleaned up alone, with its own
// fixes: the same text as one cleanup of the whole file, at a cost of the
// sum of (tokens x fixes) of the pieces.
//
// A cut goes at the start of a line that begins with an identifier or a
// keyword, after a ';' or after the '}' of a function body (a '{' right
// after a ')'), at the top level: outside any (), [], {} and #if, not in a
// preprocessor directive, with only blanks and newlines (no comment, no
// backslash) in between. clang-format ends its line at such a ';' or '}'
// and starts a new one there whatever surrounds them, with the same state
// (level 0, no open block or #if), and neither the line before the cut nor
// the first after it can be a lone comment or a directive, which the
// rules for touched lines treat specially. The places are found in the
// fixed text (a fix could open a block or a comment) and kept only when no
// fix touches them. Formatting with a style, sorting #includes and the
// #include insertions that clang-format places itself look at more than
// one line, and "// clang-format off" changes what the lines around it
// mean: with any of them, the file is cleaned up in one piece, as before.
//
//===----------------------------------------------------------------------===//
#include "FixedText.h"
#include "clang/Lex/Lexer.h"
#include <vector>

using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace pycapi::cli {

namespace {

/// What clang-tidy's ErrorReporter does with a file's replacements.
llvm::Expected<std::string>
fixedAsOnePiece(llvm::StringRef Code, const Replacements &Fixes,
                const clang::format::FormatStyle &Style) {
  auto Cleaned = clang::format::cleanupAroundReplacements(Code, Fixes, Style);
  if (!Cleaned)
    return Cleaned.takeError();
  auto Formatted = clang::format::formatReplacements(Code, *Cleaned, Style);
  if (!Formatted)
    return Formatted.takeError();
  return clang::tooling::applyAllReplacements(Code, *Formatted);
}

/// True when fixedText may cut \p Code into pieces (see the top of the file).
bool cleanupIsLineByLine(llvm::StringRef Code, const Replacements &Fixes,
                         const clang::format::FormatStyle &Style) {
  // The cleanup is for C++ only (LLVM 22's clang-format has C apart, and
  // does none there): in one piece, it costs nothing.
  if (Style.Language != clang::format::FormatStyle::LK_Cpp)
    return false;
  clang::format::FormatStyle None = clang::format::getNoStyle();
  None.Language = Style.Language;
  // "// clang-format off" (and its variants) turns the cleanup off until
  // "clang-format on", whatever piece that is in.
  if (!(Style == None) || Code.contains("clang-format off") ||
      Code.contains("clang-format on"))
    return false;
  // A header #include that clang-format places (offset UINT_MAX).
  for (const Replacement &R : Fixes)
    if (R.getOffset() > Code.size() ||
        R.getLength() > Code.size() - R.getOffset())
      return false;
  return true;
}

/// Where the raw tokens of a file are: how deep in (), [] and {}, in which
/// #if, in a directive or not; and so whether a token ends a declaration or
/// a function body at the top level.
class Nesting {
public:
  /// Takes in \p Tok, which follows a token of kind \p PreviousKind. True
  /// when it is a ';' or a function body's '}' at the top level, outside any
  /// directive and #if, and the nesting was never lost.
  bool endsTopLevel(const clang::Token &Tok,
                    clang::tok::TokenKind PreviousKind) {
    if (Tok.isAtStartOfLine()) {
      InDirective = DirectiveName = Tok.is(clang::tok::hash);
      if (InDirective)
        return false;
    }
    bool TopLevelEnd = false;
    if (InDirective)
      directiveToken(Tok);
    else
      TopLevelEnd = codeToken(Tok, PreviousKind);
    Lost |= Depth < 0;
    return TopLevelEnd && !InDirective && Depth == 0 && OpenIfs == 0 && !Lost;
  }

private:
  void directiveToken(const clang::Token &Tok) {
    if (DirectiveName && Tok.is(clang::tok::raw_identifier)) {
      llvm::StringRef Name = Tok.getRawIdentifier();
      if (Name == "if" || Name == "ifdef" || Name == "ifndef")
        ++OpenIfs;
      else if (Name == "endif")
        OpenIfs ? --OpenIfs : Lost = true;
    }
    DirectiveName = false;
  }

  /// True for a ';', or the '}' of a function body.
  bool codeToken(const clang::Token &Tok, clang::tok::TokenKind PreviousKind) {
    using namespace clang;
    switch (Tok.getKind()) {
    case tok::l_paren:
    case tok::l_square:
      ++Depth;
      return false;
    case tok::r_paren:
    case tok::r_square:
      --Depth;
      return false;
    case tok::l_brace:
      Bodies.push_back(PreviousKind == tok::r_paren);
      ++Depth;
      return false;
    case tok::r_brace: {
      if (Bodies.empty()) {
        Lost = true;
        return false;
      }
      bool Body = Bodies.back();
      Bodies.pop_back();
      --Depth;
      return Body;
    }
    case tok::semi:
      return true;
    default:
      return false;
    }
  }

  /// Open (, [ and {; and, for each open {, whether a ')' came right before
  /// it (a function body, at the top level).
  long Depth = 0;
  std::vector<bool> Bodies;
  unsigned OpenIfs = 0;
  bool Lost = false; // unbalanced: no cut from here on
  bool InDirective = false, DirectiveName = false;
};

/// The offsets of \p Text (NUL-terminated) where a piece can start: a line
/// that starts with an identifier right after a top-level ';' or function
/// body, with no line continuation between them.
std::vector<unsigned> pieceStarts(const std::string &Text,
                                  const clang::format::FormatStyle &Style) {
  using namespace clang;
  LangOptions Opts = format::getFormattingLangOpts(Style);
  Lexer Raw(SourceLocation(), Opts, Text.data(), Text.data(),
            Text.data() + Text.size());
  Raw.SetCommentRetentionState(true);
  std::vector<unsigned> Starts;
  Nesting Where;
  // The token before: a ';' or a function body's '}' at the top level.
  bool AfterTopLevelEnd = false;
  tok::TokenKind PreviousKind = tok::unknown;
  size_t PreviousEnd = 0;
  Token Tok;
  for (Raw.LexFromRawLexer(Tok); Tok.isNot(tok::eof);
       Raw.LexFromRawLexer(Tok)) {
    size_t End = Raw.getBufferLocation() - Text.data();
    size_t Start = End - Tok.getLength();
    if (Tok.isAtStartOfLine() && AfterTopLevelEnd &&
        Tok.is(tok::raw_identifier)) {
      llvm::StringRef Between = llvm::StringRef(Text).slice(PreviousEnd, Start);
      size_t LastNewline = Between.find_last_of("\r\n");
      if (LastNewline != llvm::StringRef::npos &&
          Between.find('\\') == llvm::StringRef::npos)
        Starts.push_back(PreviousEnd + LastNewline + 1);
    }
    AfterTopLevelEnd = Where.endsTopLevel(Tok, PreviousKind);
    PreviousKind = Tok.getKind();
    PreviousEnd = End;
  }
  return Starts;
}

} // namespace

llvm::Expected<std::string> fixedText(llvm::StringRef Code,
                                      const Replacements &Fixes,
                                      const clang::format::FormatStyle &Style) {
  if (Fixes.size() < 2 || !cleanupIsLineByLine(Code, Fixes, Style))
    return fixedAsOnePiece(Code, Fixes, Style);
  auto Fixed = clang::tooling::applyAllReplacements(Code, Fixes);
  if (!Fixed) {
    llvm::consumeError(Fixed.takeError());
    return fixedAsOnePiece(Code, Fixes, Style); // for its error
  }

  // The places found in the fixed text, as offsets of Code, when no fix
  // touches them (a fix that ends or inserts right there would belong to
  // both pieces).
  std::vector<unsigned> Cuts;
  auto Next = Fixes.begin();
  long long Shift = 0; // fixed offset - original offset, before Next
  for (unsigned At : pieceStarts(*Fixed, Style)) {
    while (Next != Fixes.end() &&
           Next->getOffset() + Shift + Next->getReplacementText().size() < At) {
      Shift += static_cast<long long>(Next->getReplacementText().size()) -
               Next->getLength();
      ++Next;
    }
    if (Next != Fixes.end() && Next->getOffset() + Shift <= At)
      continue;
    Cuts.push_back(static_cast<unsigned>(At - Shift));
  }
  Cuts.push_back(Code.size());

  std::string Result;
  Result.reserve(Fixed->size());
  unsigned PieceStart = 0;
  Next = Fixes.begin();
  for (unsigned PieceEnd : Cuts) {
    llvm::StringRef Piece = Code.slice(PieceStart, PieceEnd);
    Replacements InPiece;
    for (; Next != Fixes.end() && Next->getOffset() < PieceEnd; ++Next)
      // In order and apart, as they were in Fixes: never fails.
      llvm::consumeError(InPiece.add(
          Replacement(Next->getFilePath(), Next->getOffset() - PieceStart,
                      Next->getLength(), Next->getReplacementText())));
    if (InPiece.empty()) {
      Result += Piece;
    } else {
      auto FixedPiece = fixedAsOnePiece(Piece, InPiece, Style);
      if (!FixedPiece)
        return FixedPiece.takeError();
      Result += *FixedPiece;
    }
    PieceStart = PieceEnd;
  }
  return Result;
}

} // namespace pycapi::cli
