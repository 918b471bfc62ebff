//===--- UserFileScan.cpp - raw scan of the user's files
//-------------------===//
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
    Top.Version |=
        Identifier == "PY_VERSION_HEX" || Identifier == "PY_MINOR_VERSION";
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

/// Reads one file's directives and identifiers with a raw lexer.
class FileScanner {
public:
  FileScanner(const SourceManager &SM, const LangOptions &LangOpts, FileID File,
              llvm::ArrayRef<SourceRange> Skipped,
              const ScanCallbacks &Callbacks)
      : SM(SM), Callbacks(Callbacks),
        Raw(SM.getLocForStartOfFile(File), LangOpts,
            SM.getBufferData(File).begin(), SM.getBufferData(File).begin(),
            SM.getBufferData(File).end()) {
    Raw.SetCommentRetentionState(false);
    for (SourceRange Range : Skipped) {
      auto [BeginFile, Begin] = SM.getDecomposedLoc(Range.getBegin());
      auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
      if (BeginFile == File && EndFile == File)
        SkippedOffsets.emplace_back(Begin, End);
    }
    llvm::sort(SkippedOffsets);
  }

  void run() {
    Token Tok;
    Raw.LexFromRawLexer(Tok);
    bool AfterMemberAccess = false;
    while (!Tok.is(tok::eof)) {
      if (Tok.is(tok::hash) && Tok.isAtStartOfLine()) {
        Tok = directive();
        AfterMemberAccess = false;
        continue;
      }
      if (Tok.is(tok::raw_identifier) && !AfterMemberAccess) {
        if (!isSkipped(SM.getFileOffset(Tok.getLocation())))
          Callbacks.Identifier(Tok.getRawIdentifier(), Tok.getLocation());
        else if (Callbacks.SkippedIdentifier)
          Callbacks.SkippedIdentifier(Tok.getRawIdentifier(),
                                      Tok.getLocation());
      }
      AfterMemberAccess = Tok.isOneOf(tok::period, tok::arrow);
      Raw.LexFromRawLexer(Tok);
    }
  }

private:
  /// Reads the directive whose '#' was just lexed, up to the end of its line;
  /// returns the token after it.
  Token directive() {
    Token Name;
    Raw.LexFromRawLexer(Name);
    if (Name.is(tok::eof) || Name.isAtStartOfLine()) // a null directive
      return Name;
    llvm::SmallVector<Token, 16> Args;
    Token Next;
    for (Raw.LexFromRawLexer(Next);
         !Next.is(tok::eof) && !Next.isAtStartOfLine();
         Raw.LexFromRawLexer(Next))
      Args.push_back(Next);
    StringRef Directive =
        Name.is(tok::raw_identifier) ? Name.getRawIdentifier() : "";

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
    } else if (isTraceRefsGuard(Directive, Args)) {
      Callbacks.TraceRefsGuard(Name.getLocation(),
                               Conditionals.any(&Conditional::Version));
    }
    return Next;
  }

  bool isTraceRefsGuard(StringRef Directive, llvm::ArrayRef<Token> Args) const {
    if (Directive != "error" || !Conditionals.any(&Conditional::TraceRefs))
      return false;
    if (Conditionals.any(&Conditional::Limited))
      return true;
    return llvm::any_of(Args, [&](const Token &Arg) {
      return mentionsLimitedApi(
          Arg.is(tok::raw_identifier)
              ? Arg.getRawIdentifier()
              : StringRef(SM.getCharacterData(Arg.getLocation()),
                          Arg.getLength()));
    });
  }

  /// Whether \p Offset is in a skipped branch; offsets come in order.
  bool isSkipped(unsigned Offset) {
    while (NextSkipped < SkippedOffsets.size() &&
           SkippedOffsets[NextSkipped].second < Offset)
      ++NextSkipped;
    return NextSkipped < SkippedOffsets.size() &&
           SkippedOffsets[NextSkipped].first <= Offset;
  }

  const SourceManager &SM;
  const ScanCallbacks &Callbacks;
  Lexer Raw;
  ConditionalStack Conditionals;
  std::vector<std::pair<unsigned, unsigned>> SkippedOffsets;
  size_t NextSkipped = 0;
};

} // namespace

void scanUserFile(const SourceManager &SM, const LangOptions &LangOpts,
                  FileID File, llvm::ArrayRef<SourceRange> Skipped,
                  const ScanCallbacks &Callbacks) {
  FileScanner(SM, LangOpts, File, Skipped, Callbacks).run();
}

} // namespace clang::tidy::pycapi::limited
