//===--- TargetBranches.cpp - the code the target Python compiles ---------===//
#include "TargetBranches.h"
#include "PerPreprocessor.h"
#include "SourceEdit.h"
#include "SourceFilter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <climits>
#include <optional>
#include <utility>

namespace clang::tidy::pycapi {

using ::pycapi::PyVersion;

namespace {

Truth negate(Truth T) {
  return T == Truth::Unknown ? T
         : T == Truth::True  ? Truth::False
                             : Truth::True;
}

Truth both(Truth A, Truth B) {
  if (A == Truth::False || B == Truth::False)
    return Truth::False;
  return A == Truth::True && B == Truth::True ? Truth::True : Truth::Unknown;
}

Truth either(Truth A, Truth B) {
  if (A == Truth::True || B == Truth::True)
    return Truth::True;
  return A == Truth::False && B == Truth::False ? Truth::False : Truth::Unknown;
}

/// The option prefixes that define and undefine a macro on the command line.
constexpr llvm::StringLiteral DefineOption = "-D";
constexpr llvm::StringLiteral UndefineOption = "-U";

/// `#if`, `#ifdef`, `#ifndef`: a directive that opens a chain.
bool opensChain(StringRef Keyword) {
  return Keyword == "if" || Keyword == "ifdef" || Keyword == "ifndef";
}

/// `#elif`, `#elifdef`, `#elifndef`, `#else`: the next branch of a chain.
bool continuesChain(StringRef Keyword) {
  return Keyword == "elif" || Keyword == "elifdef" || Keyword == "elifndef" ||
         Keyword == "else";
}

/// The condition of the directive \p Keyword whose tokens are \p Tokens, as
/// an #if would write it: `#ifndef X` is `!defined X`.
std::vector<ConditionToken>
conditionOf(StringRef Keyword, const std::vector<ConditionToken> &Tokens) {
  bool Defined = Keyword == "ifdef" || Keyword == "elifdef";
  bool NotDefined = Keyword == "ifndef" || Keyword == "elifndef";
  if (!Defined && !NotDefined)
    return Tokens;
  std::vector<ConditionToken> Condition;
  if (NotDefined)
    Condition.push_back({tok::exclaim, "!"});
  Condition.push_back({tok::identifier, "defined"});
  Condition.insert(Condition.end(), Tokens.begin(), Tokens.end());
  return Condition;
}

/// The directive as written, for messages: `#ifdef HAVE_ZLIB`.
std::string spellDirective(StringRef Keyword,
                           const std::vector<ConditionToken> &Tokens) {
  std::string Written = "#" + Keyword.str();
  if (!Tokens.empty())
    Written += " " + spellCondition(Tokens);
  return Written;
}

/// Lexes a range of a file raw and stops at each preprocessor directive:
/// skipped code, which the preprocessor reports as one range.
class DirectiveScanner {
public:
  DirectiveScanner(const SourceManager &SM, const LangOptions &LangOpts,
                   FileID File, StringRef Buffer, unsigned Begin, unsigned End)
      : SM(SM), End(End),
        Raw(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + Begin, Buffer.end()) {}

  /// Moves to the next directive; \p Keyword is its name (`if`, `define`).
  bool next(Token &Keyword) {
    Token Tok;
    while (lex(Tok)) {
      if (!Tok.is(tok::hash) || !Tok.isAtStartOfLine())
        continue;
      if (!lex(Keyword))
        return false;
      if (Keyword.is(tok::raw_identifier) && !Keyword.isAtStartOfLine())
        return true;
      unlex(Keyword); // maybe the next line's `#`
    }
    return false;
  }

  /// The tokens after the directive's name, to the end of its line.
  std::vector<Token> restOfLine() {
    std::vector<Token> Tokens;
    Token Tok;
    while (lex(Tok)) {
      if (Tok.isAtStartOfLine()) {
        unlex(Tok);
        break;
      }
      Tokens.push_back(Tok);
    }
    return Tokens;
  }

private:
  /// The next token before End; false at End.
  bool lex(Token &Tok) {
    if (HasPending) {
      Tok = Pending;
      HasPending = false;
    } else {
      if (AtEnd)
        return false;
      AtEnd = Raw.LexFromRawLexer(Tok);
    }
    return !Tok.is(tok::eof) && SM.getFileOffset(Tok.getLocation()) < End;
  }
  void unlex(const Token &Tok) {
    Pending = Tok;
    HasPending = true;
  }

  const SourceManager &SM;
  const unsigned End;
  Lexer Raw;
  Token Pending;
  bool HasPending = false;
  bool AtEnd = false;
};

/// What every TargetBranches of a translation unit computes alike, kept for
/// the next one. Each check follows the conditionals with its own
/// TargetBranches (its target release, its assumed macros), and all of them
/// see the same directive in turn, with the preprocessor in the same state:
/// the directive's tokens and the directives of a skipped range do not
/// depend on the target, so the first one to ask reads them. Per thread (the
/// CLI parses translation units in parallel); emptied when a translation unit
/// starts (attach()), as locations mean nothing in another one.
struct DirectiveMemo {
  struct Lexed {
    std::string Keyword;
    std::vector<ConditionToken> Tokens;
    unsigned LineEnd = 0;
  };
  /// A directive met while scanning skipped code.
  struct Scanned {
    SourceLocation KeywordLoc;
    StringRef Keyword;
    std::vector<Token> RestOfLine; ///< for #define and #undef only
  };
  llvm::DenseMap<unsigned, Lexed> Directives;
  llvm::DenseMap<unsigned, std::vector<Scanned>> SkippedRanges;
  /// chainDirectives() by file and range.
  llvm::DenseMap<std::pair<unsigned, unsigned>, std::vector<SourceLocation>>
      ChainDirectives;

  void clear() {
    Directives.clear();
    SkippedRanges.clear();
    ChainDirectives.clear();
  }
};

thread_local DirectiveMemo Memo;

class BranchHooks : public PPCallbacks {
public:
  explicit BranchHooks(TargetBranches &Branches) : Branches(Branches) {}

  void If(SourceLocation Loc, SourceRange, ConditionValueKind Value) override {
    Branches.onBranch(Loc, Value == CVK_True, /*Opens=*/true);
  }
  void Elif(SourceLocation Loc, SourceRange, ConditionValueKind Value,
            SourceLocation) override {
    Branches.onBranch(Loc, Value == CVK_True, /*Opens=*/false);
  }
  void Ifdef(SourceLocation Loc, const Token &,
             const MacroDefinition &MD) override {
    Branches.onBranch(Loc, static_cast<bool>(MD), /*Opens=*/true);
  }
  void Ifndef(SourceLocation Loc, const Token &,
              const MacroDefinition &MD) override {
    Branches.onBranch(Loc, !MD, /*Opens=*/true);
  }
  void Elifdef(SourceLocation Loc, const Token &,
               const MacroDefinition &MD) override {
    Branches.onBranch(Loc, static_cast<bool>(MD), /*Opens=*/false);
  }
  void Elifdef(SourceLocation Loc, SourceRange, SourceLocation) override {
    Branches.onBranch(Loc, false, /*Opens=*/false);
  }
  void Elifndef(SourceLocation Loc, const Token &,
                const MacroDefinition &MD) override {
    Branches.onBranch(Loc, !MD, /*Opens=*/false);
  }
  void Elifndef(SourceLocation Loc, SourceRange, SourceLocation) override {
    Branches.onBranch(Loc, false, /*Opens=*/false);
  }
  void Else(SourceLocation Loc, SourceLocation) override {
    // Whether #else is taken follows from the chain's earlier branches.
    Branches.onBranch(Loc, false, /*Opens=*/false);
  }
  void Endif(SourceLocation Loc, SourceLocation) override {
    Branches.onEndif(Loc);
  }
  void SourceRangeSkipped(SourceRange Range, SourceLocation) override {
    Branches.onSkipped(Range);
  }
  void MacroDefined(const Token &NameTok, const MacroDirective *MD) override {
    Branches.onMacroDefined(NameTok, MD);
  }

private:
  TargetBranches &Branches;
};

/// The TargetBranches of one preprocessor, one per target and assumed
/// macros.
struct TargetBranchesOfUnit {
  std::vector<std::shared_ptr<TargetBranches>> All;
};

bool sameTokens(const std::vector<ConditionToken> &A,
                const std::vector<ConditionToken> &B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end(),
                    [](const ConditionToken &X, const ConditionToken &Y) {
                      return X.Kind == Y.Kind && X.Text == Y.Text;
                    });
}

bool sameMacros(const TargetMacroMap &A, const TargetMacroMap &B) {
  if (A.size() != B.size())
    return false;
  for (const auto &Entry : A) {
    auto Other = B.find(Entry.getKey());
    if (Other == B.end())
      return false;
    const TargetMacro &X = Entry.getValue(), &Y = Other->getValue();
    if (X.Defined != Y.Defined || X.FunctionLike != Y.FunctionLike ||
        !sameTokens(X.Body, Y.Body))
      return false;
  }
  return true;
}

} // namespace

std::shared_ptr<TargetBranches>
TargetBranches::of(Preprocessor &PP, ::pycapi::PyVersion Target,
                   const TargetMacroMap &Assumed) {
  std::shared_ptr<TargetBranchesOfUnit> Unit =
      perPreprocessor<TargetBranchesOfUnit>(PP);
  for (const std::shared_ptr<TargetBranches> &Branches : Unit->All)
    if (Branches->Target == Target && sameMacros(Branches->Assumed, Assumed))
      return Branches;
  auto Branches = std::make_shared<TargetBranches>(Target, Assumed);
  Branches->attach(PP);
  Unit->All.push_back(Branches);
  return Branches;
}

void TargetBranches::attach(Preprocessor &P) {
  clear();
  Memo.clear();
  PP = &P;
  SM = &P.getSourceManager();
  Evaluator = std::make_unique<ConditionEvaluator>(P);
  P.addPPCallbacks(std::make_unique<BranchHooks>(*this));
}

void TargetBranches::clear() {
  Chains.clear();
  OpenTracked.clear();
  AllBranches.clear();
  BranchesByFile.clear();
  branchesChanged();
  UserFiles.clear();
  LastFile = FileID();
  Skipped.clear();
  SkippedIdentifiers.reset();
  TargetMacros = Assumed;
  ConditionalMacros.clear();
  ChainBranches.clear();
  ChainClassified.clear();
  HeadersVersion = 0;
}

void TargetBranches::onMacroDefined(const Token &NameTok,
                                    const MacroDirective *) {
  SourceLocation Loc = NameTok.getLocation();
  if (!Loc.isFileID() || !isUserFileAt(Loc))
    return;
  StringRef Name = NameTok.getIdentifierInfo()->getName();
  if (!Chains.empty()) // Chains holds the user's files' chains only
    ConditionalMacros.try_emplace(Name, ConditionalMacros.size());
  if (compiledAtTargetHere(Loc))
    TargetMacros.erase(Name); // the target defines it as the parse does
  else
    TargetMacros.try_emplace(Name); // absent for the target, unless a
                                    // definition only it compiles came first
}

bool TargetBranches::isUserFile(FileID File) {
  auto [It, Inserted] = UserFiles.try_emplace(File, false);
  if (Inserted)
    It->second = ::pycapi::isUserCode(*SM, SM->getLocForStartOfFile(File));
  return It->second;
}

bool TargetBranches::isUserFileAt(SourceLocation FileLoc) {
  // Directives come in runs from one file: the last one's answer first,
  // without looking up the file.
  if (LastFile.isInvalid() || !SM->isInFileID(FileLoc, LastFile)) {
    LastFile = SM->getFileID(FileLoc);
    LastFileIsUsers = isUserFile(LastFile);
  }
  return LastFileIsUsers;
}

PyVersion TargetBranches::headersVersion() const {
  if (!HeadersVersion && Evaluator) {
    std::optional<long long> Hex = Evaluator->macroValue("PY_VERSION_HEX");
    if (Hex && *Hex > 0)
      HeadersVersion = (*Hex >> 24 & 0xff) * 100 + (*Hex >> 16 & 0xff);
  }
  return HeadersVersion;
}

void TargetBranches::onBranch(SourceLocation KeywordLoc, bool ParseTaken,
                              bool Opens) {
  // The headers' chains are only counted: nobody asks about their code, and
  // most #if directives of a translation unit are theirs.
  if (Opens)
    OpenTracked.push_back(isUserFileAt(KeywordLoc));
  if (OpenTracked.empty() || !OpenTracked.back())
    return;
  addBranch(Chains, KeywordLoc, ParseTaken, Opens, /*Skipping=*/false);
}

void TargetBranches::onEndif(SourceLocation KeywordLoc) {
  if (OpenTracked.empty())
    return;
  bool Tracked = OpenTracked.back();
  OpenTracked.pop_back();
  if (Tracked)
    closeChain(Chains, SM->getFileOffset(KeywordLoc));
}

void TargetBranches::addBranch(std::vector<Chain> &Stack,
                               SourceLocation KeywordLoc, bool ParseTaken,
                               bool Opens, bool Skipping) {
  FileID File = SM->getFileID(KeywordLoc);
  if (Opens) {
    Stack.push_back({});
    Stack.back().File = File;
    Stack.back().Tracked = isUserFile(File);
    Stack.back().Id = ChainBranches.size();
    ChainBranches.emplace_back();
    ChainClassified.push_back(false);
  }
  if (Stack.empty() || !Stack.back().Tracked)
    return;
  Chain &C = Stack.back();
  auto [Lexed, New] = Memo.Directives.try_emplace(KeywordLoc.getRawEncoding());
  if (New)
    Lexed->second.Tokens =
        lexDirective(KeywordLoc, *SM, PP->getLangOpts(), Lexed->second.Keyword,
                     Lexed->second.LineEnd);
  const std::string &Keyword = Lexed->second.Keyword;
  const std::vector<ConditionToken> &Tokens = Lexed->second.Tokens;
  unsigned LineEnd = Lexed->second.LineEnd;
  if (!C.Branches.empty())
    AllBranches[C.Branches.back()].End = SM->getFileOffset(KeywordLoc);
  branchesChanged();

  bool IsElse = Keyword == "else";
  std::string Written = spellDirective(Keyword, Tokens);
  if (Opens)
    C.Head = Written;
  else if (IsElse)
    Written += " (" + C.Head + ")";

  if (Skipping)
    ParseTaken = false;
  else if (IsElse)
    ParseTaken = !C.AnyParseTaken;

  Branch B;
  B.Begin = LineEnd;
  B.End = UINT_MAX;
  B.ParseTaken = ParseTaken;
  B.AtTarget =
      !C.AnyTargetTaken &&
      (IsElse || takenAtTarget(conditionOf(Keyword, Tokens), ParseTaken));
  C.AnyTargetTaken |= B.AtTarget;
  C.AnyParseTaken |= ParseTaken;
  B.Directive = std::move(Written);
  B.KeywordLoc = KeywordLoc;
  B.IsElse = IsElse;
  B.ChainId = C.Id;
  B.ConditionalMacrosKnown = ConditionalMacros.size();
  ChainBranches[C.Id].push_back(AllBranches.size());
  C.Branches.push_back(AllBranches.size());
  BranchesByFile[File].push_back(AllBranches.size());
  AllBranches.push_back(std::move(B));
  branchesChanged();
}

bool TargetBranches::takenAtTarget(const std::vector<ConditionToken> &Condition,
                                   bool ParseTaken) const {
  EvaluationMode Mode;
  Mode.Version = Target;
  Mode.Macros = &TargetMacros;
  Truth Value = Evaluator->evaluate(Condition, Mode).Value;
  // What the evaluator cannot know keeps the preprocessor's answer.
  return Value == Truth::True || (Value == Truth::Unknown && ParseTaken);
}

std::vector<Truth> TargetBranches::valuesOnPython3(const Branch &B,
                                                   unsigned Minors,
                                                   OrderedNames &Names) const {
  std::string Keyword;
  unsigned LineEnd = 0;
  std::vector<ConditionToken> Tokens =
      lexDirective(B.KeywordLoc, *SM, PP->getLangOpts(), Keyword, LineEnd);
  std::vector<ConditionToken> Condition = conditionOf(Keyword, Tokens);
  std::vector<Truth> Values;
  // Most conditions read no version macro (`#ifdef HAVE_ZLIB`, Cython's
  // feature flags): one evaluation then answers for every release.
  std::optional<Truth> SameOnEveryRelease;
  for (unsigned Minor = 0; Minor < Minors; ++Minor) {
    if (SameOnEveryRelease) {
      Values.push_back(*SameOnEveryRelease);
      continue;
    }
    EvaluationMode Mode;
    Mode.Version = 300 + Minor;
    Mode.ConfigurationUnknown = true;
    Mode.ConditionalMacros = &ConditionalMacros;
    Mode.ConditionalMacrosKnown = B.ConditionalMacrosKnown;
    Mode.AsOf = B.KeywordLoc;
    Evaluation E = Evaluator->evaluate(Condition, Mode);
    Values.push_back(E.Value);
    Names.insert(E.ConfigurationNames.begin(), E.ConfigurationNames.end());
    if (!E.VersionDependent)
      SameOnEveryRelease = E.Value;
  }
  return Values;
}

void TargetBranches::classifyChain(unsigned ChainId) const {
  if (ChainClassified[ChainId])
    return;
  ChainClassified[ChainId] = true;
  unsigned Minors = Target / 100 == 3 ? Target % 100 + 1 : 0;
  // Per Python 3 minor version: whether an earlier branch is taken.
  std::vector<Truth> AnyTakenAt(Minors, Truth::False);
  // The configuration macros of the branch this build takes.
  OrderedNames TakenBranchNames;
  for (size_t Index : ChainBranches[ChainId]) {
    const Branch &B = AllBranches[Index];
    OrderedNames OwnNames;
    std::vector<Truth> Values;
    if (!B.IsElse)
      Values = valuesOnPython3(B, Minors, OwnNames);
    bool NeverTaken = true, DependsOnConfiguration = false;
    for (unsigned Minor = 0; Minor < Minors; ++Minor) {
      Truth Value = B.IsElse ? Truth::True : Values[Minor];
      Truth Taken = both(negate(AnyTakenAt[Minor]), Value);
      AnyTakenAt[Minor] = either(AnyTakenAt[Minor], Value);
      NeverTaken &= Taken == Truth::False;
      DependsOnConfiguration |= Taken == Truth::Unknown;
    }
    B.Classification = NeverTaken               ? Kind::DeadOnPython3
                       : DependsOnConfiguration ? Kind::Configuration
                                                : Kind::Versioned;
    if (B.Classification == Kind::Configuration)
      B.Options = optionsTaking(B, TakenBranchNames, OwnNames);
    if (B.ParseTaken)
      TakenBranchNames = std::move(OwnNames);
  }
}

std::vector<std::string>
TargetBranches::optionsTaking(const Branch &B,
                              const OrderedNames &TakenBranchNames,
                              const OrderedNames &OwnNames) const {
  // Flip the macros of the branch's own condition, and those of the earlier
  // branch this build takes.
  OrderedNames Flip = TakenBranchNames;
  Flip.insert(OwnNames.begin(), OwnNames.end());
  std::vector<std::string> Options;
  for (const std::string &Name : Flip) {
    // The project's own macros are not the build's to set.
    auto Own = ConditionalMacros.find(Name);
    if (Own != ConditionalMacros.end() &&
        Own->second < B.ConditionalMacrosKnown)
      continue;
    bool Defined = Evaluator->macroAt(Name, B.KeywordLoc) != nullptr;
    Options.push_back((Defined ? UndefineOption : DefineOption).str() + Name);
  }
  return Options;
}

void TargetBranches::closeChain(std::vector<Chain> &Stack, unsigned EndOffset) {
  if (Stack.empty())
    return;
  if (Stack.back().Tracked && !Stack.back().Branches.empty()) {
    // While it skips, the preprocessor does not report every directive of
    // the chain (an #else after the skipped #elif of a taken #if): those
    // still start branches of their own.
    const Branch &Last = AllBranches[Stack.back().Branches.back()];
    if (!Last.ParseTaken)
      for (SourceLocation Keyword :
           chainDirectives(Stack.back().File, Last.Begin, EndOffset))
        addBranch(Stack, Keyword, false, /*Opens=*/false, /*Skipping=*/true);
    AllBranches[Stack.back().Branches.back()].End = EndOffset;
    branchesChanged();
  }
  Stack.pop_back();
}

std::vector<SourceLocation>
TargetBranches::chainDirectives(FileID File, unsigned Begin,
                                unsigned End) const {
  auto [Memoized, New] = Memo.ChainDirectives.try_emplace(
      {SM->getLocForStartOfFile(File).getLocWithOffset(Begin).getRawEncoding(),
       End});
  std::vector<SourceLocation> &Found = Memoized->second;
  if (!New)
    return Found;
  bool Invalid = false;
  StringRef Buffer = SM->getBufferData(File, &Invalid);
  if (Invalid || Begin >= End)
    return Found;
  DirectiveScanner Scanner(*SM, PP->getLangOpts(), File, Buffer, Begin, End);
  unsigned Depth = 0;
  Token Keyword;
  while (Scanner.next(Keyword)) {
    StringRef Name = Keyword.getRawIdentifier();
    if (opensChain(Name))
      ++Depth;
    else if (Name == "endif" && Depth > 0)
      --Depth;
    else if (Depth == 0 && continuesChain(Name))
      Found.push_back(Keyword.getLocation());
  }
  return Found;
}

void TargetBranches::onSkipped(SourceRange Range) {
  if (!isUserFileAt(Range.getBegin()))
    return;
  Skipped.push_back(Range);
  SkippedIdentifiers.reset();
  scanSkipped(Range);
}

llvm::ArrayRef<TargetBranches::SkippedIdentifier>
TargetBranches::skippedIdentifiers() const {
  if (!SkippedIdentifiers) {
    SkippedIdentifiers.emplace();
    for (SourceRange Range : Skipped)
      forEachRawIdentifier(Range.getBegin(), Range.getEnd(), *SM,
                           PP->getLangOpts(),
                           [&](StringRef Name, SourceLocation Loc) {
                             SkippedIdentifiers->push_back({Name, Loc});
                           });
  }
  return *SkippedIdentifiers;
}

void TargetBranches::scanSkipped(SourceRange Range) {
  // The preprocessor reports no directive inside skipped code: the chains
  // nested there are found here. The chain's own #elif/#else/#endif at the
  // outer level come through the hooks.
  auto [File, Begin] = SM->getDecomposedLoc(Range.getBegin());
  unsigned End = SM->getFileOffset(Range.getEnd());
  bool Invalid = false;
  StringRef Buffer = SM->getBufferData(File, &Invalid);
  if (Invalid)
    return;
  auto [Memoized, New] =
      Memo.SkippedRanges.try_emplace(Range.getBegin().getRawEncoding());
  std::vector<DirectiveMemo::Scanned> &Directives = Memoized->second;
  if (New) {
    DirectiveScanner Scanner(*SM, PP->getLangOpts(), File, Buffer, Begin, End);
    Token Keyword;
    bool First = true; // the directive that starts the range: the hooks' own
    while (Scanner.next(Keyword)) {
      if (std::exchange(First, false))
        continue;
      StringRef Name = Keyword.getRawIdentifier();
      Directives.push_back({Keyword.getLocation(), Name, {}});
      if (Name == "define" || Name == "undef")
        Directives.back().RestOfLine = Scanner.restOfLine();
    }
  }
  // A #define here is compiled at the target when the branches around the
  // range are (the same for all of it: asked once, before any nested chain
  // starts) and so are the current branches of the chains nested in it.
  bool RangeAtTarget =
      Directives.empty() || compiledAtTarget(Directives.front().KeywordLoc);
  std::vector<Chain> Nested;
  for (const DirectiveMemo::Scanned &Directive : Directives) {
    StringRef Name = Directive.Keyword;
    if (Name == "define" || Name == "undef")
      targetOnlyDirective(
          Name, Directive.KeywordLoc, Directive.RestOfLine, Buffer,
          RangeAtTarget && llvm::all_of(Nested, [&](const Chain &C) {
            return C.Branches.empty() ||
                   AllBranches[C.Branches.back()].AtTarget;
          }));
    else if (opensChain(Name))
      addBranch(Nested, Directive.KeywordLoc, false, /*Opens=*/true,
                /*Skipping=*/true);
    else if (Nested.empty())
      continue; // the outer chain's own directive
    else if (continuesChain(Name))
      addBranch(Nested, Directive.KeywordLoc, false, /*Opens=*/false,
                /*Skipping=*/true);
    else if (Name == "endif")
      closeChain(Nested, SM->getFileOffset(Directive.KeywordLoc));
  }
}

void TargetBranches::targetOnlyDirective(StringRef Keyword,
                                         SourceLocation KeywordLoc,
                                         const std::vector<Token> &Line,
                                         StringRef Buffer,
                                         bool CompiledAtTarget) {
  if (Line.empty() || !Line[0].is(tok::raw_identifier))
    return;
  StringRef Name = Line[0].getRawIdentifier();
  ConditionalMacros.try_emplace(Name, ConditionalMacros.size());
  if (!CompiledAtTarget)
    return;
  TargetMacro Macro;
  Macro.Defined = Keyword == "define";
  // `NAME(` without a space is a function-like macro.
  Macro.FunctionLike =
      Line.size() > 1 && Line[1].is(tok::l_paren) && !Line[1].hasLeadingSpace();
  for (const Token &Tok : llvm::drop_begin(Line)) {
    unsigned Offset = SM->getFileOffset(Tok.getLocation());
    Macro.Body.push_back(
        {Tok.is(tok::raw_identifier) ? tok::identifier : Tok.getKind(),
         Buffer.substr(Offset, Tok.getLength()).str(), Tok.hasLeadingSpace()});
  }
  TargetMacros[Name] = std::move(Macro);
}

bool TargetBranches::compiledAtTargetHere(SourceLocation Loc) const {
  // What compiledAtTarget answers, without looking at every branch of the
  // file (a #define in each of thousands of #if blocks would cost their
  // square): at the place the preprocessor has reached, the branches of the
  // file around it are the current branches of its open chains. Every other
  // one has ended, those of the chains in skipped code too (the
  // preprocessor skips whole nested chains).
  FileID File = SM->getFileID(Loc);
  for (const Chain &C : Chains)
    if (C.Tracked && C.File == File && !C.Branches.empty() &&
        !AllBranches[C.Branches.back()].AtTarget)
      return false;
  return true;
}

void TargetBranches::branchesChanged() {
  NotAtTargetIndex.clear();
  Indexed = false;
  QueriesSinceChange = 0;
}

void TargetBranches::indexNotAtTarget() const {
  for (const auto &[File, Indices] : BranchesByFile) {
    std::vector<std::pair<unsigned, unsigned>> BeginEnd;
    for (size_t Index : Indices) {
      const Branch &B = AllBranches[Index];
      BeginEnd.emplace_back(B.Begin, B.AtTarget ? 0 : B.End);
    }
    llvm::sort(BeginEnd);
    StabIndex &Stab = NotAtTargetIndex[File];
    unsigned MaxEnd = 0;
    for (const auto &[Begin, End] : BeginEnd) {
      MaxEnd = std::max(MaxEnd, End);
      Stab.Begins.push_back(Begin);
      Stab.MaxEnds.push_back(MaxEnd);
    }
  }
  Indexed = true;
}

std::optional<TargetBranches::FileBranches>
TargetBranches::branchesAt(SourceLocation Loc) const {
  if (!SM || Loc.isInvalid())
    return std::nullopt;
  auto [File, Offset] = SM->getDecomposedLoc(SM->getFileLoc(Loc));
  auto It = BranchesByFile.find(File);
  if (It == BranchesByFile.end())
    return std::nullopt;
  return FileBranches{File, Offset, It->second};
}

bool TargetBranches::compiledAtTarget(SourceLocation Loc) const {
  std::optional<FileBranches> Around = branchesAt(Loc);
  if (!Around)
    return true;
  // A scan of the file's branches costs (branches) per question, and the
  // checks ask for every use they found at the end of the translation unit:
  // in a generated file with thousands of #if blocks, that is millions of
  // steps per thousand uses. So once the branches stop changing (the
  // preprocessor is done) and the questions keep coming, they are answered
  // from an index of the branches the target does not take: sorted by
  // start, with the furthest end among those that start before each one; a
  // place is inside one of them exactly when that end lies past it.
  if (!Indexed && ++QueriesSinceChange > 16)
    indexNotAtTarget();
  unsigned Offset = Around->Offset;
  if (Indexed) {
    const StabIndex &Stab = NotAtTargetIndex.find(Around->File)->second;
    size_t Before =
        std::upper_bound(Stab.Begins.begin(), Stab.Begins.end(), Offset) -
        Stab.Begins.begin();
    return Before == 0 || Stab.MaxEnds[Before - 1] <= Offset;
  }
  for (size_t Index : Around->Indices) {
    const Branch &B = AllBranches[Index];
    if (B.Begin <= Offset && Offset < B.End && !B.AtTarget)
      return false;
  }
  return true;
}

TargetBranches::WhySkipped
TargetBranches::whySkipped(SourceLocation Loc) const {
  WhySkipped Why;
  std::optional<FileBranches> Around = branchesAt(Loc);
  if (!Around)
    return Why;
  // The branches around Loc, outermost first (they were opened in order).
  const Branch *Dead = nullptr, *Configuration = nullptr, *Deciding = nullptr;
  bool AtTarget = true, Skipped = false;
  auto Holds = [&](const Branch &B) {
    return B.Begin <= Around->Offset && Around->Offset < B.End;
  };
  // How the skipped branches fare on older releases matters only for code
  // the target does not compile.
  bool Classify = llvm::any_of(Around->Indices, [&](size_t Index) {
    return Holds(AllBranches[Index]) && !AllBranches[Index].AtTarget;
  });
  for (size_t Index : Around->Indices) {
    const Branch &B = AllBranches[Index];
    if (!Holds(B))
      continue;
    AtTarget &= B.AtTarget;
    if (B.ParseTaken)
      continue;
    Skipped = true;
    if (Classify)
      classifyChain(B.ChainId);
    if (!Deciding)
      Deciding = &B;
    if (B.Classification == Kind::DeadOnPython3 && !Dead)
      Dead = &B;
    if (B.Classification == Kind::Configuration && !Configuration)
      Configuration = &B;
  }
  if (!Skipped)
    return Why;
  // What the target compiles is not dead, whatever the other versions do.
  if (AtTarget) {
    Why.Reason = SkipReason::CompiledAtTarget;
    Why.Directive = Deciding->Directive;
  } else if (Dead) {
    Why.Reason = SkipReason::DeadOnPython3;
    Why.Directive = Dead->Directive;
  } else if (Configuration) {
    Why.Reason = SkipReason::Configuration;
    Why.Directive = Configuration->Directive;
    Why.Options = Configuration->Options;
  } else {
    Why.Reason = SkipReason::OlderPython;
    Why.Directive = Deciding->Directive;
  }
  return Why;
}

} // namespace clang::tidy::pycapi
