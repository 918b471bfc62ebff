//===--- RemovedApiFixes.cpp - warnings and fixes of removed-API checks ---===//
//
// What a use of a removed name turns into: the warning naming the
// replacement, and the fix its data row allows (a rename, a call template
// filled with the arguments as written, the compat header's #include), or a
// note saying why there is none.
//
//===----------------------------------------------------------------------===//
#include "CheckCatalog.h"
#include "CheckFindings.h"
#include "FixTemplate.h"
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "RemovedApiCheckBase.h"
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>

namespace clang::tidy::pycapi::removedapi {

namespace {

// The warnings. %0 is what happened to the name (Removed or Deprecated).
constexpr llvm::StringLiteral NoPublicReplacement =
    "%0 and has no public replacement; remove the use or reimplement it in "
    "the extension";
constexpr llvm::StringLiteral NoDropInReplacement =
    "%0 and has no drop-in replacement; see the note for what to write "
    "instead";
constexpr llvm::StringLiteral UseReplacement = "%0; use %1";
constexpr llvm::StringLiteral Removed = "'{0}' was removed in Python {1}";
constexpr llvm::StringLiteral Deprecated =
    "'{0}' is deprecated and will be removed in Python {1}";

// The notes: the data's advice and caveat, a fix's notes, and why a use has
// no fix.
constexpr llvm::StringLiteral TextNote = "%0";
constexpr llvm::StringLiteral NoAutomaticFix = "no automatic fix: %0";

// Why a use has no fix (read after "no automatic fix: ").
constexpr llvm::StringLiteral SkippedByParsedHeaders =
    "the headers being parsed{0} skip this line, which Python {1} compiles "
    "('{2}'); run the tool against Python {1}'s headers to fix it";
constexpr llvm::StringLiteral MemberReplacedByApi =
    "the replacement is an API, not a member; rewrite the code that uses the "
    "member";
constexpr llvm::StringLiteral RenameInSomeVersions =
    "the replacement is valid only in some Python versions";
constexpr llvm::StringLiteral NotDropIn =
    "the replacement is not a drop-in substitute; review the call";
constexpr llvm::StringLiteral MacroIsShim =
    "this macro defines '{0}' as the removed name, a shim for Pythons older "
    "than {1}; renaming would make it name itself: define it only for them "
    "(#if PY_VERSION_HEX < {2}) or delete it";
/// The name as a user writes it: `tracemalloc.h` for `Include/tracemalloc.h`.
StringRef displayName(const RemovedApi &Api) {
  StringRef Name = Api.Name;
  if (Api.Kinds & ::pycapi::KindBit::Header)
    Name.consume_front("Include/");
  return Name;
}

/// The identifier a fix introduces: the fix itself for a rename, the callee
/// of a call template.
StringRef fixedName(const RemovedApi &Api) {
  // A template may be a parenthesized expression that starts with the call.
  return Api.Fix.ltrim('(').take_until([](char C) { return C == '('; });
}

/// What happened to the name, for the start of a warning: removed in a
/// release, or announced for removal in one (a planned row, reported only
/// once the target reaches that release).
std::string whatHappened(const RemovedApi &Api) {
  return llvm::formatv(Api.Planned ? Deprecated.data() : Removed.data(),
                       displayName(Api), formatPyVersion(Api.RemovedIn))
      .str();
}

} // namespace

DiagnosticBuilder RemovedApiCheckBase::warnRemoved(const Use &U,
                                                   StringRef Message,
                                                   ArrayRef<FixItHint> Fixes,
                                                   StringRef WhyNot) {
  ::pycapi::recordCheckFinding(
      *this, *Unit.Sources, U.Loc,
      ::pycapi::removedApiFinding(*U.Api, !Fixes.empty(), WhyNot));
  DiagnosticBuilder Diag = diag(U.Loc, Message);
  for (const FixItHint &Fix : Fixes)
    Diag << Fix;
  return Diag;
}

// The user reads the data's replacement and advice columns, never its notes
// (where a fact comes from: data/README.md).
void RemovedApiCheckBase::report(const Use &U) {
  const RemovedApi &Api = *U.Api;
  if (Api.Replacement.empty()) {
    // Advice names what to write instead, often public functions: the
    // warning then must not say there is nothing public to use.
    if (Api.Advice.empty()) {
      warnRemoved(U, NoPublicReplacement) << whatHappened(Api);
      return;
    }
    warnRemoved(U, NoDropInReplacement) << whatHappened(Api);
    diag(U.Loc, TextNote, DiagnosticIDs::Note) << Api.Advice;
    return;
  }
  std::vector<FixItHint> Fixes;
  std::vector<FixNote> Notes;
  NoFixReason Why = planFix(U, Fixes, Notes);
  // A fix that rewrote an identifier's last use removes its declaration.
  Unit.Identifiers.finishUse(!Fixes.empty(), Fixes);
  warnRemoved(U, UseReplacement, Fixes, Why ? StringRef(*Why) : StringRef())
      << whatHappened(Api) << Api.Replacement;
  if (Why)
    diag(U.Loc, NoAutomaticFix, DiagnosticIDs::Note) << *Why;
  // What to write instead, for a use the tool leaves to the user.
  if (Fixes.empty() && !Api.Advice.empty())
    diag(U.Loc, TextNote, DiagnosticIDs::Note) << Api.Advice;
  // How the replacement behaves differently, whoever writes it.
  if (!Api.Caveat.empty())
    diag(U.Loc, TextNote, DiagnosticIDs::Note) << Api.Caveat;
  for (const FixNote &Note : Notes)
    diag(Note.Loc, TextNote, DiagnosticIDs::Note) << Note.Text;
}

NoFixReason RemovedApiCheckBase::planFix(const Use &U,
                                         std::vector<FixItHint> &Fixes,
                                         std::vector<FixNote> &Notes) {
  const RemovedApi &Api = *U.Api;
  if (U.InSkippedCode) {
    PyVersion Parsed = Branches->headersVersion();
    return llvm::formatv(SkippedByParsedHeaders.data(),
                         Parsed ? " (Python " + formatPyVersion(Parsed) + ")"
                                : std::string(),
                         formatPyVersion(Target),
                         Branches->whySkipped(U.Loc).Directive)
        .str();
  }
  if (hasStrongReferenceFix(Api)) {
    bool NeedsCompat = Api.ReplacementSince > Minimum;
    if (NeedsCompat)
      if (NoFixReason Why = Compat.unavailable(Api.Replacement,
                                               Api.ReplacementSince, Minimum))
        return Why;
    if (NoFixReason Why = strongReferenceFix(U, Fixes)) {
      Fixes.clear();
      return Why;
    }
    if (NeedsCompat)
      if (NoFixReason Why = Compat.insert(U.Loc, Fixes, Notes)) {
        Fixes.clear();
        return Why;
      }
    return std::nullopt;
  }
  if (Api.Fix.empty()) {
    // The advice (a note of its own) says what to write instead.
    if (!Api.Advice.empty())
      return std::nullopt;
    if (U.Kind == UseKind::Member)
      return MemberReplacedByApi.str();
    if (Api.Rewrite == RewriteKind::Rename)
      return RenameInSomeVersions.str();
    return NotDropIn.str();
  }
  if (const MacroWithRemovedName *Macro = macroDefining(U.Loc);
      Macro && Macro->Name == fixedName(Api))
    return llvm::formatv(MacroIsShim.data(), Macro->Name,
                         formatPyVersion(Api.ReplacementSince),
                         ::pycapi::pyVersionHex(Api.ReplacementSince))
        .str();
  bool NeedsCompat = Api.ReplacementSince > Minimum;
  // The compat header cannot help: guard the statement, or write a shim
  // (RemovedApiStatements.cpp).
  if (NeedsCompat && !Api.CompatHeaderHasIt)
    return versionedFix(U, Fixes);
  if (NeedsCompat)
    if (NoFixReason Why =
            Compat.unavailable(fixedName(Api), Api.ReplacementSince, Minimum))
      return Why;
  if (statementFix(U, Fixes)) {
    // The call and the statements around it, rewritten together.
  } else if (isShapedFix(Api)) {
    if (NoFixReason Why = shapedFix(U, Fixes))
      return Why;
  } else if (Api.Fix.find('(') != StringRef::npos) {
    if (NoFixReason Why = callFix(U, Fixes))
      return Why;
  } else {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Api.Fix));
  }
  if (!NeedsCompat)
    return std::nullopt;
  NoFixReason Why = Compat.insert(U.Loc, Fixes, Notes);
  if (Why)
    Fixes.clear();
  return Why;
}

NoFixReason RemovedApiCheckBase::callFix(const Use &U,
                                         std::vector<FixItHint> &Fixes) {
  OrNoFix<WrittenCall> Read =
      readWrittenCall(U.Loc, *Unit.Sources, *Unit.LangOpts);
  if (!Read)
    return Read.why();
  WrittenCall &Call = *Read;
  if (NoFixReason Why = checkFixWhen(U.Api->FixWhen, Call))
    return Why;
  std::string Adapted = U.Api->Fix.str();
  adaptTemplate(U, Adapted, Call);
  StringRef Template = Adapted;
  auto StringOf = [&](StringRef Arg) {
    return Unit.Identifiers.stringOf(U.Loc, Arg);
  };
  OrNoFix<std::string> Text =
      fillTemplate(Template, Call, U.Api->FixWhen, StringOf);
  if (!Text)
    return Text.why();
  const auto &Args = Call.Args;
  // A template that keeps the arguments in order and appends some
  // (`NEW($1, $2, $3, NULL)`) becomes two small edits, so that a call spread
  // over several lines keeps its layout.
  std::string Kept;
  for (unsigned N = 1; N <= Args.size(); ++N)
    Kept += (N > 1 ? ", $" : "$") + std::to_string(N);
  StringRef Name = fixedName(*U.Api);
  StringRef Rest = Template.drop_front(Name.size());
  if (startsWith(Template, Name) && Rest.consume_front("(") &&
      Rest.consume_front(Kept) && Rest.consume_back(")") &&
      (Rest.empty() || startsWith(Rest, ", ")) &&
      Rest.find('$') == StringRef::npos) {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Name));
    if (!Rest.empty())
      Fixes.push_back(FixItHint::CreateInsertion(Call.RParen, Rest));
    return std::nullopt;
  }
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(U.Loc, Call.RParen), *Text));
  return std::nullopt;
}

} // namespace clang::tidy::pycapi::removedapi
