//===--- ConditionEvaluator.cpp - #if conditions for another Python -------===//
#include "ConditionEvaluator.h"
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "SourceFilter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/StringSet.h"
#include <limits>
#include <optional>
#include <utility>

namespace clang::tidy::pycapi {

using ::pycapi::PyVersion;

namespace {

/// The macros of patchlevel.h that describe the release, with their value
/// for a final release \p Version; none for other names.
std::optional<long long> versionMacroValue(StringRef Name, PyVersion Version) {
  if (Name == "PY_VERSION_HEX")
    return ConditionEvaluator::versionHex(Version);
  if (Name == "PY_MAJOR_VERSION")
    return Version / 100;
  if (Name == "PY_MINOR_VERSION")
    return Version % 100;
  if (Name == "PY_MICRO_VERSION" || Name == "PY_RELEASE_SERIAL")
    return 0;
  if (Name == "PY_RELEASE_LEVEL")
    return 0xF; // PY_RELEASE_LEVEL_FINAL
  return std::nullopt;
}

/// Whether release \p Version no longer has Python's \p Name.
bool removedBy(StringRef Name, PyVersion Version) {
  const ::pycapi::RemovedApi *Api = ::pycapi::findRemovedApi(Name);
  return Api && Api->RemovedIn <= Version &&
         (!Api->RestoredIn || Api->RestoredIn > Version);
}

/// Names of the preprocessor's feature tests, whose answer needs the
/// compiler: `__has_include(<zlib.h>)`.
bool isFeatureTest(StringRef Name) {
  return ::pycapi::compat::startsWith(Name, "__has_") ||
         Name == "__is_identifier" || Name == "__building_module";
}

bool parseNumber(StringRef Text, long long &Value) {
  Text = Text.rtrim("uUlL");
  unsigned long long Parsed = 0;
  if (Text.getAsInteger(0, Parsed))
    return false;
  Value = static_cast<long long>(Parsed);
  return true;
}

ConditionToken number(long long Value) {
  return {tok::numeric_constant, std::to_string(Value)};
}

ConditionToken unknown() { return {tok::unknown, ""}; }

/// Expands macros in a condition: what is left is numbers, Unknown tokens
/// and operators.
class Expander {
public:
  Expander(const ConditionEvaluator &Evaluator, const Preprocessor &PP,
           const EvaluationMode &Mode, Evaluation &Result,
           llvm::DenseMap<const MacroInfo *, bool> &CommandLineMacros)
      : Evaluator(Evaluator), PP(PP), SM(PP.getSourceManager()), Mode(Mode),
        Result(Result), CommandLineMacros(CommandLineMacros) {}

  bool expand(llvm::ArrayRef<ConditionToken> In,
              std::vector<ConditionToken> &Out, unsigned Depth) {
    if (Depth > 32)
      return false;
    for (size_t I = 0; I < In.size(); ++I) {
      const ConditionToken &Tok = In[I];
      if (Tok.Kind != tok::identifier) {
        Out.push_back(Tok);
        continue;
      }
      StringRef Name = Tok.Text;
      if (Name == "defined") {
        size_t J = I + 1;
        bool Paren = J < In.size() && In[J].Kind == tok::l_paren;
        if (Paren)
          ++J;
        if (J >= In.size() || In[J].Kind != tok::identifier)
          return false;
        Out.push_back(definedValue(In[J].Text));
        if (Paren && (++J >= In.size() || In[J].Kind != tok::r_paren))
          return false;
        I = J;
        continue;
      }
      if (const TargetMacro *Override = targetMacro(Name)) {
        if (!Override->Defined) {
          Out.push_back(undefinedName(Name));
        } else if (Override->FunctionLike || Hidden.count(Name)) {
          if (Override->FunctionLike)
            I = skipArguments(In, I + 1);
          Out.push_back(unknown());
        } else {
          Hidden.insert(Name);
          bool Ok = expand(Override->Body, Out, Depth + 1);
          Hidden.erase(Name);
          if (!Ok)
            return false;
        }
        continue;
      }
      const MacroInfo *Info = macro(Name);
      if (std::optional<long long> Version =
              Mode.Version && Info ? versionMacroValue(Name, Mode.Version)
                                   : std::nullopt) {
        Result.VersionDependent = true;
        Out.push_back(number(*Version));
        continue;
      }
      if (isFeatureTest(Name)) {
        I = skipArguments(In, I + 1);
        Out.push_back(unknown());
        continue;
      }
      if (!Info || Hidden.count(Name)) {
        Out.push_back(undefinedName(Name));
        continue;
      }
      if (Mode.ConfigurationUnknown &&
          (conditionalMacro(Name) || fromCommandLine(*Info))) {
        Out.push_back(configuration(Name));
        if (Info->isFunctionLike())
          I = skipArguments(In, I + 1);
        continue;
      }
      std::vector<ConditionToken> Body;
      if (Info->isObjectLike()) {
        for (const Token &T : Info->tokens())
          Body.push_back(convert(T));
      } else {
        // A function-like macro named without arguments is an identifier.
        if (I + 1 >= In.size() || In[I + 1].Kind != tok::l_paren) {
          Out.push_back(undefinedName(Name));
          continue;
        }
        std::vector<std::vector<ConditionToken>> Args;
        I = collectArguments(In, I + 1, Args);
        if (I == In.size() || !substitute(*Info, Args, Body, Depth))
          return false;
      }
      Hidden.insert(Name);
      bool Ok = expand(Body, Out, Depth + 1);
      Hidden.erase(Name);
      if (!Ok)
        return false;
    }
    return true;
  }

private:
  const MacroInfo *macro(StringRef Name) const {
    return Evaluator.macroAt(Name, Mode.AsOf);
  }

  bool conditionalMacro(StringRef Name) const {
    if (!Mode.ConditionalMacros)
      return false;
    auto It = Mode.ConditionalMacros->find(Name);
    return It != Mode.ConditionalMacros->end() &&
           It->second < Mode.ConditionalMacrosKnown;
  }

  bool fromCommandLine(const MacroInfo &Info) const {
    SourceLocation Loc = Info.getDefinitionLoc();
    if (Loc.isInvalid())
      return true;
    // Finding a location's file name costs a lookup of its line table: once
    // per definition, however many conditions read the macro.
    auto [It, New] = CommandLineMacros.try_emplace(&Info, false);
    if (New)
      It->second = SM.isWrittenInCommandLineFile(Loc);
    return It->second;
  }

  bool fromUserCode(const MacroInfo &Info) const {
    return ::pycapi::isUserCode(SM, Info.getDefinitionLoc());
  }

  ConditionToken configuration(StringRef Name) {
    Result.ConfigurationNames.insert(Name.str());
    return unknown();
  }

  ConditionToken undefinedName(StringRef Name) {
    if (PP.getLangOpts().CPlusPlus && (Name == "true" || Name == "false"))
      return number(Name == "true");
    if (Mode.ConfigurationUnknown)
      return configuration(Name);
    return number(0);
  }

  const TargetMacro *targetMacro(StringRef Name) const {
    if (!Mode.Macros)
      return nullptr;
    auto It = Mode.Macros->find(Name);
    return It == Mode.Macros->end() ? nullptr : &It->second;
  }

  ConditionToken definedValue(StringRef Name) {
    if (const TargetMacro *Override = targetMacro(Name))
      return number(Override->Defined);
    const MacroInfo *Info = macro(Name);
    if (Mode.Version && versionedName(Name, Info))
      Result.VersionDependent = true;
    // The project's own macro of that name (a shim) stays; Python's goes.
    if (Mode.Version && removedBy(Name, Mode.Version) &&
        !(Info && fromUserCode(*Info)))
      return number(0);
    // A macro that 3.13 added (Py_C_RECURSION_LIMIT), parsed against older
    // headers: the target defines it.
    if (Mode.Version >= 313 && addedIn313(Name, Info))
      return number(1);
    if (Mode.ConfigurationUnknown &&
        (!Info || conditionalMacro(Name) || fromCommandLine(*Info)))
      return configuration(Name);
    return number(Info != nullptr);
  }

  /// Whether `defined(Name)` may differ between releases: Python removed
  /// the name in some release, or 3.13 added it as a macro.
  static bool versionedName(StringRef Name, const MacroInfo *Info) {
    return ::pycapi::findRemovedApi(Name) || addedIn313(Name, Info);
  }

  static bool addedIn313(StringRef Name, const MacroInfo *Info) {
    if (Info)
      return false;
    const ::pycapi::LimitedApiName *Api313 = ::pycapi::findLimitedApiName(Name);
    return Api313 && Api313->Kind == "macro";
  }

  ConditionToken convert(const Token &T) const {
    if (const IdentifierInfo *II = T.getIdentifierInfo())
      return {tok::identifier, II->getName().str()};
    return {T.getKind(), PP.getSpelling(T)};
  }

  /// The index of the `)` that closes the `(` at \p Open (or the last
  /// token's index when there is none).
  static size_t skipArguments(llvm::ArrayRef<ConditionToken> In, size_t Open) {
    if (Open >= In.size() || In[Open].Kind != tok::l_paren)
      return Open - 1;
    unsigned Depth = 0;
    for (size_t I = Open; I < In.size(); ++I) {
      if (In[I].Kind == tok::l_paren)
        ++Depth;
      else if (In[I].Kind == tok::r_paren && --Depth == 0)
        return I;
    }
    return In.size() - 1;
  }

  /// Splits the arguments of the call whose `(` is at \p Open; returns the
  /// index of its `)`, or In.size() when it is not closed.
  static size_t
  collectArguments(llvm::ArrayRef<ConditionToken> In, size_t Open,
                   std::vector<std::vector<ConditionToken>> &Args) {
    unsigned Depth = 0;
    Args.emplace_back();
    for (size_t I = Open + 1; I < In.size(); ++I) {
      const ConditionToken &Tok = In[I];
      if (Tok.Kind == tok::r_paren && Depth == 0)
        return I;
      if (Tok.Kind == tok::comma && Depth == 0) {
        Args.emplace_back();
        continue;
      }
      if (Tok.Kind == tok::l_paren)
        ++Depth;
      else if (Tok.Kind == tok::r_paren)
        --Depth;
      Args.back().push_back(Tok);
    }
    return In.size();
  }

  /// The body of the function-like macro \p Info with each parameter
  /// replaced by its (expanded) argument. Stringizing and pasting are not
  /// evaluated.
  bool substitute(const MacroInfo &Info,
                  const std::vector<std::vector<ConditionToken>> &Args,
                  std::vector<ConditionToken> &Body, unsigned Depth) {
    unsigned NumParams = Info.getNumParams();
    if (Args.size() != NumParams &&
        !(NumParams == 0 && Args.size() == 1 && Args[0].empty()))
      return false;
    std::vector<std::vector<ConditionToken>> Expanded(Args.size());
    for (size_t I = 0; I < Args.size(); ++I)
      if (!expand(Args[I], Expanded[I], Depth + 1))
        return false;
    for (const Token &T : Info.tokens()) {
      if (T.isOneOf(tok::hash, tok::hashhash))
        return false;
      const IdentifierInfo *II = T.getIdentifierInfo();
      int Param = II ? Info.getParameterNum(II) : -1;
      if (Param >= 0 && static_cast<size_t>(Param) < Expanded.size())
        Body.insert(Body.end(), Expanded[Param].begin(), Expanded[Param].end());
      else
        Body.push_back(convert(T));
    }
    return true;
  }

  const ConditionEvaluator &Evaluator;
  const Preprocessor &PP;
  const SourceManager &SM;
  const EvaluationMode &Mode;
  Evaluation &Result;
  llvm::DenseMap<const MacroInfo *, bool> &CommandLineMacros;
  llvm::StringSet<> Hidden;
};

/// A value of the three-valued arithmetic.
struct Value {
  bool Known;
  long long N;
};

const Value UnknownValue{false, 0};
Value known(long long N) { return {true, N}; }
/// Two's complement, as the preprocessor's arithmetic wraps around.
long long wrapped(unsigned long long N) { return static_cast<long long>(N); }

/// Precedence climbing over the expanded tokens.
class Parser {
public:
  explicit Parser(const std::vector<ConditionToken> &Tokens) : Tokens(Tokens) {}

  bool parse(Value &Result) {
    Result = conditional();
    return !Failed && Pos == Tokens.size();
  }

private:
  tok::TokenKind peek() const {
    return Pos < Tokens.size() ? Tokens[Pos].Kind : tok::eof;
  }

  Value conditional() {
    Value Cond = binary(0);
    if (peek() != tok::question)
      return Cond;
    ++Pos;
    Value Then = conditional();
    if (peek() != tok::colon) {
      Failed = true;
      return UnknownValue;
    }
    ++Pos;
    Value Else = conditional();
    if (Cond.Known)
      return Cond.N ? Then : Else;
    if (Then.Known && Else.Known && Then.N == Else.N)
      return Then;
    return UnknownValue;
  }

  /// The binary operators of a condition, loosest first.
  static constexpr std::pair<tok::TokenKind, int> Precedences[] = {
      {tok::pipepipe, 1},       {tok::ampamp, 2},       {tok::pipe, 3},
      {tok::caret, 4},          {tok::amp, 5},          {tok::equalequal, 6},
      {tok::exclaimequal, 6},   {tok::less, 7},         {tok::greater, 7},
      {tok::lessequal, 7},      {tok::greaterequal, 7}, {tok::lessless, 8},
      {tok::greatergreater, 8}, {tok::plus, 9},         {tok::minus, 9},
      {tok::star, 10},          {tok::slash, 10},       {tok::percent, 10},
  };

  /// The precedence of the binary operator \p Kind; none for other tokens.
  static std::optional<int> precedence(tok::TokenKind Kind) {
    for (const auto &[Operator, Precedence] : Precedences)
      if (Operator == Kind)
        return Precedence;
    return std::nullopt;
  }

  Value binary(int MinPrecedence) {
    Value Left = unary();
    while (true) {
      tok::TokenKind Op = peek();
      std::optional<int> Prec = precedence(Op);
      if (!Prec || *Prec < MinPrecedence)
        return Left;
      ++Pos;
      Value Right = binary(*Prec + 1);
      Left = apply(Op, Left, Right);
    }
  }

  Value apply(tok::TokenKind Op, Value L, Value R) {
    // `0 && X` and `1 || X` are known whatever X is.
    if (Op == tok::ampamp) {
      if ((L.Known && !L.N) || (R.Known && !R.N))
        return known(0);
      return L.Known && R.Known ? known(1) : UnknownValue;
    }
    if (Op == tok::pipepipe) {
      if ((L.Known && L.N) || (R.Known && R.N))
        return known(1);
      return L.Known && R.Known ? known(0) : UnknownValue;
    }
    if (!L.Known || !R.Known)
      return UnknownValue;
    long long A = L.N, B = R.N;
    // As clang computes an #if (with a warning): intmax_t arithmetic that
    // wraps around, never C++'s undefined signed overflow (UBSan found
    // 9223372036854775807 * 2 in a condition on CPython 3.13's headers).
    unsigned long long UA = A, UB = B;
    bool Overflows = A == std::numeric_limits<long long>::min() && B == -1;
    switch (Op) {
    case tok::pipe:
      return known(A | B);
    case tok::caret:
      return known(A ^ B);
    case tok::amp:
      return known(A & B);
    case tok::equalequal:
      return known(A == B);
    case tok::exclaimequal:
      return known(A != B);
    case tok::less:
      return known(A < B);
    case tok::greater:
      return known(A > B);
    case tok::lessequal:
      return known(A <= B);
    case tok::greaterequal:
      return known(A >= B);
    case tok::lessless:
      return B >= 0 && B < 63 ? known(wrapped(UA << B)) : UnknownValue;
    case tok::greatergreater:
      return B >= 0 && B < 63 ? known(A >> B) : UnknownValue;
    case tok::plus:
      return known(wrapped(UA + UB));
    case tok::minus:
      return known(wrapped(UA - UB));
    case tok::star:
      return known(wrapped(UA * UB));
    case tok::slash:
      return !B ? UnknownValue : Overflows ? known(A) : known(A / B);
    case tok::percent:
      return !B ? UnknownValue : Overflows ? known(0) : known(A % B);
    default:
      Failed = true;
      return UnknownValue;
    }
  }

  Value unary() {
    tok::TokenKind Kind = peek();
    switch (Kind) {
    case tok::exclaim:
    case tok::tilde:
    case tok::minus:
    case tok::plus: {
      ++Pos;
      Value Operand = unary();
      if (!Operand.Known)
        return UnknownValue;
      if (Kind == tok::exclaim)
        return known(!Operand.N);
      if (Kind == tok::tilde)
        return known(~Operand.N);
      return known(Kind == tok::minus ? wrapped(0ULL - Operand.N) : Operand.N);
    }
    case tok::l_paren: {
      ++Pos;
      Value Inner = conditional();
      while (peek() == tok::comma) { // the comma operator
        ++Pos;
        Inner = conditional();
      }
      if (peek() != tok::r_paren) {
        Failed = true;
        return UnknownValue;
      }
      ++Pos;
      return Inner;
    }
    case tok::numeric_constant: {
      long long N = 0;
      if (!parseNumber(Tokens[Pos++].Text, N))
        return UnknownValue;
      return known(N);
    }
    case tok::unknown:
    case tok::char_constant:
    case tok::wide_char_constant:
    case tok::utf8_char_constant:
    case tok::utf16_char_constant:
    case tok::utf32_char_constant:
      ++Pos;
      return UnknownValue;
    default:
      Failed = true;
      return UnknownValue;
    }
  }

  const std::vector<ConditionToken> &Tokens;
  size_t Pos = 0;
  bool Failed = false;
};

ConditionToken rawToken(const Token &Tok, StringRef Spelling) {
  return {Tok.is(tok::raw_identifier) ? tok::identifier : Tok.getKind(),
          Spelling.str(), Tok.hasLeadingSpace()};
}

} // namespace

std::vector<ConditionToken> lexDirective(SourceLocation KeywordLoc,
                                         const SourceManager &SM,
                                         const LangOptions &LangOpts,
                                         std::string &Keyword,
                                         unsigned &LineEnd) {
  std::vector<ConditionToken> Tokens;
  Keyword.clear();
  std::pair<FileID, unsigned> Where = SM.getDecomposedLoc(KeywordLoc);
  bool Invalid = false;
  StringRef Buffer = SM.getBufferData(Where.first, &Invalid);
  LineEnd = Where.second;
  if (Invalid)
    return Tokens;
  Lexer Raw(SM.getLocForStartOfFile(Where.first), LangOpts, Buffer.begin(),
            Buffer.begin() + Where.second, Buffer.end());
  Token Tok;
  Raw.LexFromRawLexer(Tok);
  if (!Tok.is(tok::raw_identifier))
    return Tokens;
  Keyword = Tok.getRawIdentifier().str();
  LineEnd = Where.second + Tok.getLength();
  while (!Raw.LexFromRawLexer(Tok) && !Tok.isAtStartOfLine()) {
    unsigned Offset = SM.getFileOffset(Tok.getLocation());
    LineEnd = Offset + Tok.getLength();
    Tokens.push_back(rawToken(Tok, Buffer.substr(Offset, Tok.getLength())));
  }
  // The last token of the buffer (LexFromRawLexer returned true).
  if (Tok.is(tok::eof) || Tok.isAtStartOfLine())
    return Tokens;
  unsigned Offset = SM.getFileOffset(Tok.getLocation());
  LineEnd = Offset + Tok.getLength();
  Tokens.push_back(rawToken(Tok, Buffer.substr(Offset, Tok.getLength())));
  return Tokens;
}

std::string spellCondition(const std::vector<ConditionToken> &Condition) {
  std::string Text;
  for (const ConditionToken &Tok : Condition) {
    if (Tok.SpaceBefore && !Text.empty())
      Text += ' ';
    Text += Tok.Text;
  }
  return Text;
}

Evaluation
ConditionEvaluator::evaluate(const std::vector<ConditionToken> &Condition,
                             const EvaluationMode &Mode) const {
  Evaluation Result;
  std::vector<ConditionToken> Expanded;
  Expander Expand(*this, PP, Mode, Result, CommandLineMacros);
  Value V;
  if (Condition.empty() || !Expand.expand(Condition, Expanded, 0) ||
      !Parser(Expanded).parse(V) || !V.Known)
    Result.Value = Truth::Unknown;
  else
    Result.Value = V.N ? Truth::True : Truth::False;
  return Result;
}

std::optional<long long> ConditionEvaluator::macroValue(StringRef Name) const {
  auto It = PP.getIdentifierTable().find(Name);
  if (It == PP.getIdentifierTable().end() ||
      !It->getValue()->hasMacroDefinition())
    return std::nullopt;
  Evaluation Ignored;
  EvaluationMode AsParsed;
  std::vector<ConditionToken> Expanded;
  Value V;
  if (!Expander(*this, PP, AsParsed, Ignored, CommandLineMacros)
           .expand({{tok::identifier, Name.str()}}, Expanded, 0) ||
      !Parser(Expanded).parse(V) || !V.Known)
    return std::nullopt;
  return V.N;
}

const MacroInfo *ConditionEvaluator::macroAt(StringRef Name,
                                             SourceLocation AsOf) const {
  auto It = PP.getIdentifierTable().find(Name);
  if (It == PP.getIdentifierTable().end())
    return nullptr;
  const IdentifierInfo *II = It->getValue();
  if (AsOf.isValid())
    // The definitions of a macro are kept, each with where it starts and
    // ends: the one in force at AsOf.
    return II->hadMacroDefinition()
               ? PP.getMacroDefinitionAtLoc(II, AsOf).getMacroInfo()
               : nullptr;
  return II->hasMacroDefinition() ? PP.getMacroInfo(II) : nullptr;
}

long long ConditionEvaluator::versionHex(PyVersion Version) {
  return (static_cast<long long>(Version / 100) << 24) |
         ((Version % 100) << 16) | (0xF << 4);
}

} // namespace clang::tidy::pycapi
