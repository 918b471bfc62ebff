//===--- TargetBranches.h - the code the target Python compiles -----------===//
//
// One rule decides what needs migrating: a use of a removed API is reported
// (and fixed) exactly when its line is compiled for the target release. The
// preprocessor only says which branches it took for the headers being
// parsed; this class re-evaluates every #if/#elif/#else chain of the user's
// files as a whole for the target release (ConditionEvaluator), including
// the chains nested in code the preprocessor skipped, which it lexes raw.
//
// Code that the parsed headers compile but the target does not is the
// project's support of older Pythons: never reported. Code that the target
// compiles but the parsed headers do not is reported from its text, without
// a fix. For code skipped in this build, whySkipped() also tells whether it
// is dead on every Python 3 (3.0 to the target) or depends on the build's
// configuration, and on which macros.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_TARGETBRANCHES_H
#define PYCAPI_CHECKS_UTILS_TARGETBRANCHES_H

#include "ConditionEvaluator.h"
#include "RemovedApi.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::pycapi {

class TargetBranches {
public:
  /// \p Target is the release whose version macros the conditions see (0:
  /// the parsed headers' own). \p Assumed are macros that the target build
  /// defines otherwise than the parse, until the user's code that build
  /// compiles defines or undefines them itself: a build with
  /// -DPy_LIMITED_API=0x030C0000 (pycapi-limited-api's audit).
  explicit TargetBranches(::pycapi::PyVersion Target,
                          TargetMacroMap Assumed = {})
      : Target(Target), Assumed(std::move(Assumed)) {
    TargetMacros = this->Assumed;
  }

  /// \p PP's TargetBranches for \p Target and \p Assumed, attached. Every
  /// check of the unit that asks for the same target and assumed macros gets
  /// the same one: following the user's #if chains costs each check the
  /// same, so checks that agree follow them once (the removal checks all
  /// target 3.13 by default). Call from registerPPCallbacks; the object lives
  /// as long as \p PP, or as a check keeps it.
  static std::shared_ptr<TargetBranches> of(Preprocessor &PP,
                                            ::pycapi::PyVersion Target,
                                            const TargetMacroMap &Assumed = {});

  /// Starts following \p PP's conditionals; call from registerPPCallbacks.
  /// (Checks share one through of().)
  void attach(Preprocessor &PP);

  /// Whether the target compiles the code at \p Loc: every #if branch around
  /// it in the user's file is taken for the target release.
  bool compiledAtTarget(SourceLocation Loc) const;

  /// The version of the parsed headers, from PY_VERSION_HEX (0: not known).
  ::pycapi::PyVersion headersVersion() const;

  /// How the target defines the project's macro \p Name where that differs
  /// from the parse (a `#define` in a branch only the target compiles), or
  /// null. Complete once the preprocessor is done.
  const TargetMacro *targetMacro(StringRef Name) const {
    auto It = TargetMacros.find(Name);
    return It == TargetMacros.end() ? nullptr : &It->second;
  }

  /// The ranges the preprocessor skipped in the user's files.
  const std::vector<SourceRange> &skippedRanges() const { return Skipped; }

  /// An identifier of skipped code, as written (a removed name in a branch
  /// only the target compiles is known from its text alone).
  struct SkippedIdentifier {
    StringRef Name; ///< in the file's buffer
    SourceLocation Loc;
  };
  /// The identifiers of skippedRanges(), in order, lexed raw on the first
  /// call once the preprocessor is done: the checks sharing this object
  /// (of()) read skipped code once between them.
  llvm::ArrayRef<SkippedIdentifier> skippedIdentifiers() const;

  enum class SkipReason {
    NotSkipped,
    /// Compiled for the target, not for the parsed headers.
    CompiledAtTarget,
    /// Compiled only for Pythons older than the target.
    OlderPython,
    /// Compiled for no Python 3 release.
    DeadOnPython3,
    /// Depends on macros of the build's configuration (HAVE_ZLIB).
    Configuration,
  };
  struct WhySkipped {
    SkipReason Reason = SkipReason::NotSkipped;
    /// The directive that decides it, as written (`#ifdef HAVE_ZLIB`;
    /// `#else` of `#ifdef HAVE_ZLIB` reads as `#else (#ifdef HAVE_ZLIB)`).
    std::string Directive;
    /// For Configuration: compiler options that would compile the code
    /// (`-DHAVE_ZLIB`, `-UNDEBUG`).
    std::vector<std::string> Options;
  };
  /// Why the preprocessor skipped the code at \p Loc.
  WhySkipped whySkipped(SourceLocation Loc) const;

  /// Forgets the translation unit.
  void clear();

  // Called by the preprocessor hooks.
  void onBranch(SourceLocation KeywordLoc, bool ParseTaken, bool Opens);
  void onEndif(SourceLocation KeywordLoc);
  void onSkipped(SourceRange Range);
  void onMacroDefined(const Token &NameTok, const MacroDirective *MD);

private:
  enum class Kind { Versioned, DeadOnPython3, Configuration };
  struct Branch {
    unsigned Begin; ///< just past the directive's line
    unsigned End;   ///< the next directive of the chain
    bool ParseTaken;
    bool AtTarget;
    std::string Directive;
    /// What classifyChain() needs to evaluate the condition later as it
    /// would have been evaluated here: the directive, the chain, and how
    /// many of ConditionalMacros were known.
    SourceLocation KeywordLoc;
    bool IsElse;
    unsigned ChainId;
    unsigned ConditionalMacrosKnown;
    /// Set by classifyChain(), on demand.
    mutable Kind Classification = Kind::Versioned;
    mutable std::vector<std::string> Options;
  };
  struct Chain {
    FileID File;
    bool Tracked; ///< a user's file
    unsigned Id = 0;
    std::vector<size_t> Branches;
    bool AnyParseTaken = false;
    bool AnyTargetTaken = false;
    std::string Head; ///< the #if's text, for naming its #else
  };

  bool isUserFile(FileID File);
  /// isUserFile of the file that holds \p FileLoc.
  bool isUserFileAt(SourceLocation FileLoc);
  /// Adds the branch whose directive keyword is at \p KeywordLoc to the
  /// innermost chain of \p Stack (a new one when \p Opens). \p Skipping:
  /// the directive is in code the preprocessor skipped.
  void addBranch(std::vector<Chain> &Stack, SourceLocation KeywordLoc,
                 bool ParseTaken, bool Opens, bool Skipping);
  /// Whether the target takes a branch whose condition is \p Condition
  /// (\p ParseTaken: the parse takes it), whatever the chain's earlier ones.
  bool takenAtTarget(const std::vector<ConditionToken> &Condition,
                     bool ParseTaken) const;
  /// How the next branch of \p C fares on every Python 3 up to the target,
  /// with the configuration unknown; \p Condition is null for an #else.
  /// Collects the configuration macros its condition reads in \p OwnNames.
  /// Sets the Classification and Options of every branch of the chain
  /// \p ChainId: how each fares on every Python 3 up to the target, with the
  /// configuration unknown. Only whySkipped() asks, for code the parse
  /// skips, so it is done then, for the chains around that code, with the
  /// macros as they were defined at each directive.
  void classifyChain(unsigned ChainId) const;
  /// The value of the condition of \p B on each release 3.0 to
  /// 3.(Minors - 1), with the configuration unknown; adds the configuration
  /// macros it reads to \p Names.
  std::vector<Truth> valuesOnPython3(const Branch &B, unsigned Minors,
                                     OrderedNames &Names) const;
  /// The compiler options that would take \p B, whose condition depends on
  /// the configuration macros \p OwnNames; \p TakenBranchNames are those of
  /// the earlier branch of its chain that this build takes.
  std::vector<std::string> optionsTaking(const Branch &B,
                                         const OrderedNames &TakenBranchNames,
                                         const OrderedNames &OwnNames) const;
  void closeChain(std::vector<Chain> &Stack, unsigned EndOffset);
  void scanSkipped(SourceRange Range);
  /// Records the `#define`/`#undef` of skipped code whose keyword is at
  /// \p KeywordLoc, followed by \p Line, when the target compiles it
  /// (\p CompiledAtTarget, which scanSkipped() knows without asking
  /// compiledAtTarget(), whose answer costs every branch of the file while
  /// they keep changing).
  void targetOnlyDirective(StringRef Keyword, SourceLocation KeywordLoc,
                           const std::vector<Token> &Line, StringRef Buffer,
                           bool CompiledAtTarget);
  /// The #elif/#else keywords of the chain itself between two offsets of
  /// \p File (those of nested chains excluded).
  std::vector<SourceLocation> chainDirectives(FileID File, unsigned Begin,
                                              unsigned End) const;

  const ::pycapi::PyVersion Target;
  const TargetMacroMap Assumed;
  Preprocessor *PP = nullptr;
  const SourceManager *SM = nullptr;
  std::unique_ptr<ConditionEvaluator> Evaluator;
  /// The open chains of the user's files, innermost last.
  std::vector<Chain> Chains;
  /// For every open chain, innermost last: whether it is a user's (in
  /// Chains).
  std::vector<bool> OpenTracked;
  std::vector<Branch> AllBranches;
  llvm::DenseMap<FileID, std::vector<size_t>> BranchesByFile;
  llvm::DenseMap<FileID, bool> UserFiles;
  FileID LastFile;
  bool LastFileIsUsers = false;
  /// The project's macros as the target defines them, where that differs.
  TargetMacroMap TargetMacros;
  /// The project's macros defined inside an #if branch, each with the
  /// number of those known before it.
  ConditionalMacroMap ConditionalMacros;
  /// Every chain's branches, by Chain::Id, and whether classifyChain() has
  /// classified them.
  std::vector<std::vector<size_t>> ChainBranches;
  mutable std::vector<bool> ChainClassified;
  std::vector<SourceRange> Skipped;
  /// skippedIdentifiers(), once asked.
  mutable std::optional<std::vector<SkippedIdentifier>> SkippedIdentifiers;
  mutable ::pycapi::PyVersion HeadersVersion = 0;

  /// For compiledAtTarget: per file, the starts of its branches in order,
  /// and for each the furthest end of the branches the target does not take
  /// that start there or before (0 if none).
  struct StabIndex {
    std::vector<unsigned> Begins;
    std::vector<unsigned> MaxEnds;
  };
  /// The branches of the file that holds \p Loc, and where \p Loc is in it.
  struct FileBranches {
    FileID File;
    unsigned Offset;
    llvm::ArrayRef<size_t> Indices;
  };
  /// None when \p Loc is invalid or its file has no branches.
  std::optional<FileBranches> branchesAt(SourceLocation Loc) const;

  /// compiledAtTarget for \p Loc, the place the preprocessor has reached.
  bool compiledAtTargetHere(SourceLocation Loc) const;
  void branchesChanged();
  void indexNotAtTarget() const;
  mutable llvm::DenseMap<FileID, StabIndex> NotAtTargetIndex;
  mutable bool Indexed = false;
  mutable unsigned QueriesSinceChange = 0;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_TARGETBRANCHES_H
