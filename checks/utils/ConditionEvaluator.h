//===--- ConditionEvaluator.h - #if conditions for another Python ---------===//
//
// Evaluates a preprocessor condition as the compiler would for another
// Python release: PY_VERSION_HEX and the other version macros of
// patchlevel.h take that release's values, project macros defined from them
// are expanded, `defined(X)` of a name the release removed is false, and
// `defined(X)` of a macro that 3.13's headers define (Py_C_RECURSION_LIMIT)
// is true for 3.13 and later (data/cpython-3.13-api-names.tsv).
// Everything else keeps the value it has in the translation unit being
// parsed, so only the Python version changes, not the configuration.
//
// The result is three-valued: a condition that depends on something the
// evaluator cannot know (`__has_include`, a character literal, or, when
// asked, a configuration macro such as HAVE_ZLIB) is Unknown, and callers
// fall back to what the preprocessor decided.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_CONDITIONEVALUATOR_H
#define PYCAPI_CHECKS_UTILS_CONDITIONEVALUATOR_H

#include "RemovedApi.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <climits>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi {

enum class Truth { False, True, Unknown };

/// Names in the order they were first seen, each once.
using OrderedNames =
    llvm::SetVector<std::string, std::vector<std::string>, llvm::StringSet<>>;

/// One token of a condition, lexed raw from the directive's text or taken
/// from a macro's definition.
struct ConditionToken {
  tok::TokenKind Kind;
  std::string Text; ///< the spelling (identifiers, numbers, punctuation)
  bool SpaceBefore = false; ///< written after whitespace
};

/// The condition as written, for messages: `defined(X) && Y`.
std::string spellCondition(const std::vector<ConditionToken> &Condition);

/// The tokens of the directive whose keyword (`if`, `elif`, `ifdef`, ...)
/// is at \p KeywordLoc: the keyword in \p Keyword, the condition in the
/// result (for #ifdef/#ifndef, the macro name). \p LineEnd is set to the
/// offset just past the directive's logical line.
std::vector<ConditionToken> lexDirective(SourceLocation KeywordLoc,
                                         const SourceManager &SM,
                                         const LangOptions &LangOpts,
                                         std::string &Keyword,
                                         unsigned &LineEnd);

/// How the target release defines the project's macros where that differs
/// from the parse: a definition the target does not compile (under `#if
/// PY_VERSION_HEX < 0x030D0000`) is absent, and one only the target
/// compiles (`#define MYPROJ_PY313 1` in a branch the parse skips) is there.
struct TargetMacro {
  bool Defined = false;
  /// The replacement of an object-like definition; Unknown when it is
  /// function-like.
  std::vector<ConditionToken> Body;
  bool FunctionLike = false;
};
using TargetMacroMap = llvm::StringMap<TargetMacro>;

/// The project's macros defined inside an #if branch, each with the number
/// of those recorded before it (so that a condition can be evaluated later
/// with only those known when it was read).
using ConditionalMacroMap = llvm::StringMap<unsigned>;

/// How to evaluate a condition.
struct EvaluationMode {
  /// The release whose version macros are substituted; 0 evaluates them as
  /// the parsed headers define them.
  ::pycapi::PyVersion Version = 0;
  /// Macros defined on the command line and names defined nowhere are the
  /// build's configuration: Unknown, and collected in ConfigurationNames.
  bool ConfigurationUnknown = false;
  /// The project's macros as the release Version defines them, where that
  /// differs from the parse (null: as parsed).
  const TargetMacroMap *Macros = nullptr;
  /// With ConfigurationUnknown: the project's macros defined inside an #if
  /// branch, whose value may depend on the version (`#if PY_VERSION_HEX >=
  /// 0x030C0000` / `#define MYPROJ_PY312 1`): Unknown too.
  const ConditionalMacroMap *ConditionalMacros = nullptr;
  /// Only the first this many of ConditionalMacros count.
  unsigned ConditionalMacrosKnown = UINT_MAX;
  /// Evaluate with the macros defined at this place of the translation
  /// unit, as the preprocessor saw them there, rather than those defined
  /// now (invalid: now). TargetBranches evaluates some conditions only when
  /// asked about the code they guard, after the preprocessor is done.
  SourceLocation AsOf;
};

struct Evaluation {
  Truth Value = Truth::Unknown;
  /// The configuration macros the value depends on (ConfigurationUnknown).
  OrderedNames ConfigurationNames;
  /// Whether the evaluation read anything that differs between releases (a
  /// version macro, `defined` of a name some release removed or added).
  /// When false, the result is the same for every EvaluationMode::Version,
  /// so a caller asking about many releases can evaluate once.
  bool VersionDependent = false;
};

/// Evaluates conditions against the macros \p PP has defined now.
class ConditionEvaluator {
public:
  explicit ConditionEvaluator(Preprocessor &PP) : PP(PP) {}

  Evaluation evaluate(const std::vector<ConditionToken> &Condition,
                      const EvaluationMode &Mode) const;

  /// The value of the object-like macro \p Name as the parsed headers define
  /// it (PY_VERSION_HEX); none when it is not defined or not a constant.
  std::optional<long long> macroValue(llvm::StringRef Name) const;

  /// The definition of the macro \p Name at \p AsOf (invalid: now), or
  /// null.
  const MacroInfo *macroAt(llvm::StringRef Name, SourceLocation AsOf) const;

  /// PY_VERSION_HEX of release \p Version (a final release: 3.13 is
  /// 0x030D00F0).
  static long long versionHex(::pycapi::PyVersion Version);

private:
  Preprocessor &PP;
  /// Whether each macro read so far was defined on the command line.
  mutable llvm::DenseMap<const MacroInfo *, bool> CommandLineMacros;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_CONDITIONEVALUATOR_H
