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
#include "HostTool.h"
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "RemovedApiCheckBase.h"
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

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
constexpr llvm::StringLiteral NeedsCompatHeader =
    "'{0}' is new in Python {1} and {3} is {2}; set {4} (for example to "
    "pythoncapi_compat.h) or raise {3}";
constexpr llvm::StringLiteral NoPythonH =
    "this translation unit does not include Python.h, after which "
    "'#include \"{0}\"' would go; include {0} after Python.h";
constexpr llvm::StringLiteral NoEditableIncluder =
    "no file on the way from this file to Python.h can take "
    "'#include \"{0}\"'; include {0} in this file after Python.h";

// The note of a compat header that the include path lacks: {0} is the
// header, {1} the file that includes it.
constexpr llvm::StringLiteral GetCompatHeader =
    "'{0}' is not on the include path; get it from the "
    "python/pythoncapi-compat project on GitHub and put it next to {1} or in "
    "a folder on the include path";
constexpr llvm::StringLiteral GetCompatHeaderAs =
    "'{0}' is not on the include path; get pythoncapi_compat.h from the "
    "python/pythoncapi-compat project on GitHub and save it as {0} in the "
    "folder of {1} or in a folder on the include path";

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

/// The offset of the start of the line after the one \p Offset is on (a
/// logical line: backslash-newlines continue it), or Buffer.size().
size_t startOfNextLine(StringRef Buffer, size_t Offset) {
  for (size_t End = Buffer.find('\n', Offset); End != StringRef::npos;
       End = Buffer.find('\n', End + 1)) {
    StringRef Line = Buffer.take_front(End);
    Line.consume_back("\r");
    if (!endsWith(Line, "\\"))
      return End + 1;
  }
  return Buffer.size();
}

/// The edits an earlier translation unit of this run has made, for a tool
/// that does not merge identical edits (HostTool.h): file and offset.
class EarlierEdits {
public:
  /// False when an earlier unit inserted at \p Offset of \p File already;
  /// otherwise records it.
  bool claim(const llvm::sys::fs::UniqueID &File, unsigned Offset) {
    std::lock_guard<std::mutex> Lock(Mutex);
    return Claimed.insert({File.getDevice(), File.getFile(), Offset}).second;
  }

private:
  std::mutex Mutex;
  std::set<std::tuple<uint64_t, uint64_t, unsigned>> Claimed;
};

EarlierEdits &compatIncludesOfThisRun() {
  static EarlierEdits Edits;
  return Edits;
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
    PyVersion Parsed = Branches.headersVersion();
    return llvm::formatv(SkippedByParsedHeaders.data(),
                         Parsed ? " (Python " + formatPyVersion(Parsed) + ")"
                                : std::string(),
                         formatPyVersion(Target),
                         Branches.whySkipped(U.Loc).Directive)
        .str();
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
  if (NeedsCompat && CompatHeader.empty())
    return llvm::formatv(
               NeedsCompatHeader.data(), fixedName(Api),
               formatPyVersion(Api.ReplacementSince), formatPyVersion(Minimum),
               optionNameInNotes(pycapi::catalog::MinimumPythonVersion),
               optionNameInNotes(pycapi::catalog::CompatHeader))
        .str();
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
  NoFixReason Why = includeFix(U, Fixes, Notes);
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

NoFixReason RemovedApiCheckBase::includeFix(const Use &U,
                                            std::vector<FixItHint> &Fixes,
                                            std::vector<FixNote> &Notes) {
  if (Unit.CompatIncluded)
    return std::nullopt;
  const SourceManager &SM = *Unit.Sources;
  // Once per translation unit: an #include this unit's fixes insert before
  // the use serves it.
  for (SourceLocation Inserted : Unit.CompatInserts)
    if (SM.isBeforeInTranslationUnit(Inserted, U.Loc))
      return std::nullopt;
  OrNoFix<SourceLocation> Found = compatIncludePlace(SM.getFileID(U.Loc));
  if (!Found)
    return Found.why();
  SourceLocation After = *Found;
  FileID File = SM.getFileID(After);
  StringRef Buffer = SM.getBufferData(File);
  unsigned Offset = startOfNextLine(Buffer, SM.getFileOffset(After));
  SourceLocation Place = SM.getLocForStartOfFile(File).getLocWithOffset(Offset);
  if (llvm::is_contained(Unit.CompatInserts, Place))
    return std::nullopt;
  Unit.CompatInserts.push_back(Place);
  // clang-tidy, given several files, would apply the same insertion once
  // per unit that makes it.
  if (!::pycapi::hostTool().MergesIdenticalEdits) {
    auto Entry = SM.getFileEntryRefForID(File);
    if (Entry && !compatIncludesOfThisRun().claim(Entry->getUniqueID(), Offset))
      return std::nullopt;
  }
  // At the end of a file whose last line has no line break, the #include
  // needs one before it.
  bool NeedsLineBreak = Offset == Buffer.size() && !Buffer.empty() &&
                        Buffer.back() != '\n' && Buffer.back() != '\r';
  std::string LineEnding = lineEndingOf(Place, SM).str();
  Fixes.push_back(FixItHint::CreateInsertion(
      Place, (NeedsLineBreak ? LineEnding : "") + "#include \"" + CompatHeader +
                 "\"" + LineEnding));
  if (!compatHeaderFound(File)) {
    StringRef FileName = llvm::sys::path::filename(SM.getFilename(Place));
    Notes.push_back({After, llvm::formatv(CompatHeader == "pythoncapi_compat.h"
                                              ? GetCompatHeader.data()
                                              : GetCompatHeaderAs.data(),
                                          CompatHeader, FileName)
                                .str()});
  }
  return std::nullopt;
}

OrNoFix<SourceLocation>
RemovedApiCheckBase::compatIncludePlace(FileID File) const {
  const SourceManager &SM = *Unit.Sources;
  if (Unit.PythonIncludeLoc.isInvalid())
    return NoFix{llvm::formatv(NoPythonH.data(), CompatHeader).str()};
  // The chain of #includes from the main file down to Python.h: each file on
  // it, with its #include that leads there.
  llvm::SmallVector<SourceLocation, 4> Includes;
  for (SourceLocation Loc = Unit.PythonIncludeLoc; Loc.isValid();
       Loc = SM.getIncludeLoc(SM.getFileID(Loc))) {
    Loc = SM.getExpansionLoc(Loc);
    Includes.push_back(Loc);
  }
  llvm::MapVector<FileID, SourceLocation> Chain;
  for (SourceLocation Include : llvm::reverse(Includes))
    Chain.insert({SM.getFileID(Include), Include});
  // The fixed file's way to Python.h starts where it, or the nearest file
  // that includes it, is on the chain: a header that gets Python.h from the
  // file including it needs the compat header there too.
  auto First = Chain.end();
  for (FileID Up = File; Up.isValid() && First == Chain.end();
       Up = SM.getFileID(SM.getIncludeLoc(Up)))
    First = Chain.find(Up);
  if (First == Chain.end() || !::pycapi::isEditableFile(SM, First->first))
    return NoFix{llvm::formatv(NoEditableIncluder.data(), CompatHeader).str()};
  // Down the chain as far as the files can be changed: after the
  // #include of Python.h itself when the project's header that includes it
  // can be, otherwise after the #include of the first file that cannot.
  auto Last = First;
  while (std::next(Last) != Chain.end() &&
         ::pycapi::isEditableFile(SM, std::next(Last)->first))
    ++Last;
  return Last->second;
}

bool RemovedApiCheckBase::compatHeaderFound(FileID File) const {
  // Where `#include "name"` written in File looks: File's folder, then the
  // search path (-iquote, -I, -isystem, -idirafter). Header maps and
  // frameworks hold no pythoncapi_compat.h in practice.
  const SourceManager &SM = *Unit.Sources;
  FileManager &Files = SM.getFileManager();
  auto HoldsIt = [&](StringRef Dir) {
    llvm::SmallString<256> Path(Dir.empty() ? "." : Dir);
    llvm::sys::path::append(Path, CompatHeader);
    Files.makeAbsolutePath(Path);
    return Files.getVirtualFileSystem().exists(Path);
  };
  if (HoldsIt(llvm::sys::path::parent_path(
          SM.getFilename(SM.getLocForStartOfFile(File)))))
    return true;
  HeaderSearch &Search = Unit.PP->getHeaderSearchInfo();
  for (auto Dir = Search.search_dir_begin(), End = Search.search_dir_end();
       Dir != End; ++Dir)
    if (Dir->isNormalDir() && HoldsIt(Dir->getName()))
      return true;
  return false;
}

} // namespace clang::tidy::pycapi::removedapi
