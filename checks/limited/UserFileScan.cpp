//===--- UserFileScan.cpp - raw scan of the user's files -------------------===//
#include "UserFileScan.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <utility>

namespace clang::tidy::pycapi::limited {
namespace {

/// What the conditions of one #if ... #endif mention.
struct Conditional {
  bool TraceRefs = false;
  bool Limited = false;
  bool Version = false;
};

/// The #if nesting of a file, read from its directives alone (also inside
/// skipped branches).
class ConditionalStack {
public:
  void push() { Frames.emplace_back(); }
  void pop() {
    if (!Frames.empty())
      Frames.pop_back();
  }
  void mention(StringRef Identifier) {
    if (Frames.empty())
      return;
    Conditional &Top = Frames.back();
    Top.TraceRefs |= Identifier == "Py_TRACE_REFS";
    Top.Limited |= Identifier == "Py_LIMITED_API";
    Top.Version |= Identifier == "PY_VERSION_HEX" ||
                   Identifier == "PY_MINOR_VERSION";
  }
  bool any(bool Conditional::*Field) const {
    return std::any_of(Frames.begin(), Frames.end(),
                       [&](const Conditional &C) { return C.*Field; });
  }

private:
  llvm::SmallVector<Conditional, 8> Frames;
};

bool mentionsLimitedApi(StringRef Text) {
  return Text.contains("Py_LIMITED_API") ||
         llvm::StringRef(Text.lower()).contains("limited");
}

} // namespace

void scanUserFile(const SourceManager &SM, const LangOptions &LangOpts,
                  FileID File, llvm::ArrayRef<SourceRange> Skipped,
                  const ScanCallbacks &Callbacks) {
  // The skipped branches of this file, as offsets, in order.
  std::vector<std::pair<unsigned, unsigned>> SkippedOffsets;
  for (SourceRange Range : Skipped) {
    auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
    auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
    if (BeginFile == File && EndFile == File)
      SkippedOffsets.emplace_back(Begin, End);
  }
  llvm::sort(SkippedOffsets);
  size_t NextSkipped = 0;
  auto IsSkipped = [&](unsigned Offset) {
    while (NextSkipped < SkippedOffsets.size() &&
           SkippedOffsets[NextSkipped].second < Offset)
      ++NextSkipped;
    return NextSkipped < SkippedOffsets.size() &&
           SkippedOffsets[NextSkipped].first <= Offset;
  };

  StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin(), Buffer.end());
  Raw.SetCommentRetentionState(false);
  ConditionalStack Conditionals;
  Token Tok;
  bool HaveTok = false;
  bool AfterMemberAccess = false;
  while (true) {
    if (!HaveTok)
      Raw.LexFromRawLexer(Tok);
    HaveTok = false;
    if (Tok.is(tok::eof))
      break;
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine()) {
      // A directive: its name, then its tokens up to the end of the line.
      Token Name;
      Raw.LexFromRawLexer(Name);
      if (Name.is(tok::eof))
        break;
      if (Name.isAtStartOfLine()) { // a null directive
        Tok = Name;
        HaveTok = true;
        continue;
      }
      StringRef Directive =
          Name.is(tok::raw_identifier) ? Name.getRawIdentifier() : "";
      llvm::SmallVector<Token, 16> Args;
      while (true) {
        Raw.LexFromRawLexer(Tok);
        if (Tok.is(tok::eof) || Tok.isAtStartOfLine())
          break;
        Args.push_back(Tok);
      }
      HaveTok = !Tok.is(tok::eof);
      if (Directive == "if" || Directive == "ifdef" || Directive == "ifndef")
        Conditionals.push();
      else if (Directive == "endif")
        Conditionals.pop();
      if (Directive == "if" || Directive == "ifdef" || Directive == "ifndef" ||
          Directive == "elif" || Directive == "elifdef" ||
          Directive == "elifndef") {
        for (const Token &Arg : Args)
          if (Arg.is(tok::raw_identifier))
            Conditionals.mention(Arg.getRawIdentifier());
        if (!HaveTok)
          break;
        continue;
      }
      if (!Conditionals.any(&Conditional::TraceRefs) ||
          Conditionals.any(&Conditional::Version)) {
        if (!HaveTok)
          break;
        continue;
      }
      bool Guard = false;
      if (Directive == "error") {
        Guard = Conditionals.any(&Conditional::Limited);
        for (const Token &Arg : Args)
          Guard |= mentionsLimitedApi(
              Arg.is(tok::raw_identifier)
                  ? Arg.getRawIdentifier()
                  : StringRef(SM.getCharacterData(Arg.getLocation()),
                              Arg.getLength()));
      } else if (Directive == "define" || Directive == "undef") {
        Guard = !Args.empty() && Args[0].is(tok::raw_identifier) &&
                Args[0].getRawIdentifier() == "Py_LIMITED_API";
      }
      if (Guard)
        Callbacks.TraceRefsGuard(Name.getLocation());
      if (!HaveTok)
        break;
      continue;
    }
    if (Tok.is(tok::raw_identifier) && !AfterMemberAccess &&
        !IsSkipped(SM.getFileOffset(Tok.getLocation())))
      Callbacks.Identifier(Tok.getRawIdentifier(), Tok.getLocation());
    AfterMemberAccess = Tok.isOneOf(tok::period, tok::arrow);
  }
}

} // namespace clang::tidy::pycapi::limited
