//===--- SourceEdit.cpp - text edits built from source ranges
//--------------===//
#include "SourceEdit.h"
#include "clang-tidy/utils/LexerUtils.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace clang::tidy::pycapi {

SourceLocation endOfStatement(const Stmt *S, const SourceManager &SM,
                              const LangOptions &LangOpts) {
  SourceLocation End = SM.getExpansionRange(S->getEndLoc()).getEnd();
  SourceLocation AfterEnd = Lexer::getLocForEndOfToken(End, 0, SM, LangOpts);
  if (isa<CompoundStmt>(S))
    return AfterEnd;
  // Comments may stand between the statement and its ';'.
  auto Next = utils::lexer::findNextTokenSkippingComments(End, SM, LangOpts);
  return Next && Next->is(tok::semi) ? Next->getEndLoc() : AfterEnd;
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
  unsigned Width = SM.getFileOffset(Loc) - SM.getFileOffset(Start);
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
  return LineStart.getLocWithOffset(
      -static_cast<int>(Decomposed.second - Offset));
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

namespace {

/// The edits of one file as offsets, checked and applied with
/// tooling::Replacements. FixBuilder's rule for insertions differs from
/// Replacements::add's: insertions at one offset are one edit, their texts
/// in the order they were made, where add() refuses a second one as it
/// cannot tell their order.
class FileEdits {
public:
  void add(unsigned Begin, unsigned End, llvm::StringRef Text) {
    if (End <= Begin)
      Insertions[Begin] += Text;
    else
      Replaced.emplace_back(/*FilePath=*/"", Begin, End - Begin, Text);
  }

  /// The edits as one set, or none when two of them overlap: a replaced
  /// range may meet another one, or an insertion, only at its ends.
  /// Replacements::add refuses some overlapping edits and merges the others
  /// (those whose result does not depend on the order): a merge is an
  /// overlap too, seen as a set that did not grow by one.
  std::optional<tooling::Replacements> replacements() const {
    tooling::Replacements Set;
    auto AddSeparate = [&Set](const tooling::Replacement &R) {
      size_t Before = Set.size();
      if (llvm::Error Conflict = Set.add(R)) {
        llvm::consumeError(std::move(Conflict));
        return false;
      }
      return Set.size() == Before + 1;
    };
    for (const tooling::Replacement &R : Replaced)
      if (!AddSeparate(R))
        return std::nullopt;
    for (const auto &[At, Text] : Insertions)
      if (!AddSeparate(tooling::Replacement("", At, 0, Text)))
        return std::nullopt;
    return Set;
  }

private:
  std::map<unsigned, std::string> Insertions;
  std::vector<tooling::Replacement> Replaced;
};

} // namespace

void FixBuilder::insert(SourceLocation Loc, llvm::StringRef Text) {
  Insertions[Loc] += Text.str();
}

void FixBuilder::replace(CharSourceRange Range, llvm::StringRef Text) {
  Replaced.push_back({Range, Text.str(), false});
}

void FixBuilder::replaceForeign(CharSourceRange Range, llvm::StringRef Text) {
  Replaced.push_back({Range, Text.str(), true});
}

std::vector<FixBuilder::OffsetEdit>
FixBuilder::takeEditsInside(FileID File, unsigned Begin, unsigned End,
                            const SourceManager &SM,
                            const LangOptions &LangOpts) {
  auto Inside = [&](SourceLocation Loc, bool AtBeginToo) {
    Loc = SM.getExpansionLoc(Loc);
    if (SM.getFileID(Loc) != File)
      return false;
    unsigned At = SM.getFileOffset(Loc);
    return (AtBeginToo ? Begin <= At : Begin < At) && At < End;
  };
  // The replacements first, then the insertions, so that at one offset the
  // replacements come first.
  std::vector<OffsetEdit> Taken;
  llvm::erase_if(Replaced, [&](const Replacement &R) {
    CharSourceRange Edit = Lexer::makeFileCharRange(R.Range, SM, LangOpts);
    if (Edit.isInvalid() || !Inside(Edit.getBegin(), true) ||
        SM.getFileOffset(Edit.getEnd()) > End)
      return false;
    Taken.push_back({SM.getFileOffset(Edit.getBegin()) - Begin,
                     SM.getFileOffset(Edit.getEnd()) - Begin, R.Text});
    if (R.Foreign)
      AbsorbedForeign.insert(R.Range.getBegin());
    return true;
  });
  for (auto It = Insertions.begin(); It != Insertions.end();) {
    if (Inside(It->first, false)) {
      unsigned At = SM.getFileOffset(SM.getExpansionLoc(It->first)) - Begin;
      Taken.push_back({At, At, It->second});
      It = Insertions.erase(It);
    } else {
      ++It;
    }
  }
  return Taken;
}

std::string FixBuilder::absorb(CharSourceRange Range, const SourceManager &SM,
                               const LangOptions &LangOpts) {
  CharSourceRange Chars = Lexer::makeFileCharRange(Range, SM, LangOpts);
  if (Chars.isInvalid())
    return "";
  FileID File = SM.getFileID(Chars.getBegin());
  unsigned Begin = SM.getFileOffset(Chars.getBegin());
  unsigned End = SM.getFileOffset(Chars.getEnd());
  std::vector<OffsetEdit> Taken =
      takeEditsInside(File, Begin, End, SM, LangOpts);
  // In offset order, an edit that starts inside an earlier one is dropped.
  llvm::stable_sort(Taken, [](const OffsetEdit &A, const OffsetEdit &B) {
    return A.Begin < B.Begin;
  });
  FileEdits Kept;
  unsigned Cursor = 0;
  for (const OffsetEdit &Edit : Taken) {
    if (Edit.Begin < Cursor)
      continue;
    Kept.add(Edit.Begin, Edit.End, Edit.Text);
    Cursor = Edit.End;
  }
  StringRef Text = SM.getBufferData(File).substr(Begin, End - Begin);
  std::optional<tooling::Replacements> Edits = Kept.replacements();
  if (!Edits)
    return Text.str();
  llvm::Expected<std::string> Result =
      tooling::applyAllReplacements(Text, *Edits);
  if (!Result) {
    llvm::consumeError(Result.takeError());
    return Text.str();
  }
  return std::move(*Result);
}

bool FixBuilder::absorbedForeign(SourceLocation Loc) const {
  return AbsorbedForeign.count(Loc);
}

bool FixBuilder::consistent(const SourceManager &SM) const {
  // The builder's ranges are compared where they start and end, as written
  // (the end of a token range is its last token's start).
  llvm::DenseMap<FileID, FileEdits> ByFile;
  auto Add = [&](SourceLocation Begin, SourceLocation End,
                 llvm::StringRef Text) {
    auto [File, BeginOffset] = SM.getDecomposedLoc(SM.getExpansionLoc(Begin));
    ByFile[File].add(BeginOffset, SM.getFileOffset(SM.getExpansionLoc(End)),
                     Text);
  };
  for (const Replacement &R : Replaced)
    Add(R.Range.getBegin(), R.Range.getEnd(), R.Text);
  for (const auto &[Loc, Text] : Insertions)
    Add(Loc, Loc, Text);
  return llvm::all_of(ByFile, [](const auto &FileAndEdits) {
    return FileAndEdits.second.replacements().has_value();
  });
}

std::vector<FixItHint> FixBuilder::hints() const {
  std::vector<FixItHint> Hints;
  for (const Replacement &R : Replaced)
    if (!R.Foreign)
      Hints.push_back(FixItHint::CreateReplacement(R.Range, R.Text));
  for (const auto &[Loc, Text] : Insertions)
    Hints.push_back(FixItHint::CreateInsertion(Loc, Text));
  return Hints;
}

std::optional<std::pair<CharSourceRange, std::string>>
bracedStatement(SourceLocation Begin, SourceLocation End, const Stmt *Owner,
                llvm::ArrayRef<std::string> Lines, llvm::StringRef LineEnding,
                const SourceManager &SM, const LangOptions &LangOpts) {
  Token Previous = utils::lexer::getPreviousToken(Begin, SM, LangOpts);
  if (Previous.is(tok::unknown) || Previous.getLocation().isMacroID())
    return std::nullopt;
  std::string Text = " {";
  if (startsLine(Begin, SM)) {
    // The closing brace lines up with the statement that owns the branch,
    // not with the last line of a condition that spans several.
    std::string Outer =
        indentationOf(Owner ? SM.getExpansionLoc(Owner->getBeginLoc())
                            : Previous.getLocation(),
                      SM);
    std::string Indent = indentationOf(Begin, SM);
    for (const std::string &Line : Lines)
      Text += (LineEnding + Indent + Line).str();
    Text += (LineEnding + Outer + "}").str();
  } else {
    for (const std::string &Line : Lines)
      Text += " " + Line;
    Text += " }";
  }
  return std::make_pair(
      CharSourceRange::getCharRange(Previous.getEndLoc(), End), Text);
}

FreshNames::FreshNames(const Decl &Function, ASTContext &Context)
    : Context(Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Function.getSourceRange()), SM, LangOpts);
  if (Range.isInvalid())
    return;
  forEachRawIdentifier(
      Range.getBegin(), Range.getEnd(), SM, LangOpts,
      [&](llvm::StringRef Name, SourceLocation) { Taken.insert(Name); });
}

std::string FreshNames::take(const std::string &Base) {
  auto IsTaken = [&](const std::string &Candidate) {
    if (Taken.count(Candidate))
      return true;
    auto It = Context.Idents.find(Candidate);
    return It != Context.Idents.end() && It->second->hadMacroDefinition();
  };
  std::string Name = Base;
  for (int N = 2; IsTaken(Name); ++N)
    Name = Base + std::to_string(N);
  Taken.insert(Name);
  return Name;
}

} // namespace clang::tidy::pycapi
