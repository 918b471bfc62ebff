//===--- RemovedApiFixes.cpp - warnings and fixes of removed-API checks ---===//
//
// What a use of a removed name turns into: the warning naming the
// replacement, and the fix its data row allows (a rename, a call template
// filled with the arguments as written, the compat header's #include), or a
// note saying why there is none.
//
//===----------------------------------------------------------------------===//
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
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

namespace clang::tidy::pycapi::removedapi {

using ::pycapi::formatPyVersion;
using ::pycapi::RemovedApi;
using ::pycapi::RewriteKind;
using ::pycapi::compat::endsWith;
using ::pycapi::compat::startsWith;

namespace {

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
  std::string Name = "'" + displayName(Api).str() + "'";
  std::string Version = formatPyVersion(Api.RemovedIn);
  if (Api.Planned)
    return Name + " is deprecated and will be removed in Python " + Version;
  return Name + " was removed in Python " + Version;
}

} // namespace

// The user reads the data's replacement and advice columns, never its notes
// (where a fact comes from: data/README.md).
void RemovedApiCheckBase::report(const Use &U) {
  const RemovedApi &Api = *U.Api;
  if (Api.Replacement.empty()) {
    // Advice names what to write instead, often public functions: the
    // warning then must not say there is nothing public to use.
    if (Api.Advice.empty()) {
      diag(U.Loc, "%0 and has no public replacement; remove the use or "
                  "reimplement it in the extension")
          << whatHappened(Api);
      return;
    }
    diag(U.Loc, "%0 and has no drop-in replacement; see the note for what "
                "to write instead")
        << whatHappened(Api);
    diag(U.Loc, "%0", DiagnosticIDs::Note) << Api.Advice;
    return;
  }
  std::vector<FixItHint> Fixes;
  std::string Why;
  std::vector<FixNote> Notes;
  planFix(U, Fixes, Why, Notes);
  // A fix that rewrote an identifier's last use removes its declaration.
  Identifiers.finishUse(!Fixes.empty(), Fixes);
  {
    auto Diag = diag(U.Loc, "%0; use %1")
                << whatHappened(Api) << Api.Replacement;
    for (const FixItHint &Fix : Fixes)
      Diag << Fix;
  }
  if (!Why.empty())
    diag(U.Loc, "no automatic fix: %0", DiagnosticIDs::Note) << Why;
  // What to write instead, for a use the tool leaves to the user.
  if (Fixes.empty() && !Api.Advice.empty())
    diag(U.Loc, "%0", DiagnosticIDs::Note) << Api.Advice;
  // How the replacement behaves differently, whoever writes it.
  if (!Api.Caveat.empty())
    diag(U.Loc, "%0", DiagnosticIDs::Note) << Api.Caveat;
  for (const FixNote &Note : Notes)
    diag(Note.Loc, "%0", DiagnosticIDs::Note) << Note.Text;
}

void RemovedApiCheckBase::planFix(const Use &U, std::vector<FixItHint> &Fixes,
                                  std::string &Why,
                                  std::vector<FixNote> &Notes) {
  const RemovedApi &Api = *U.Api;
  if (U.InSkippedCode) {
    ::pycapi::PyVersion Parsed = Branches.headersVersion();
    Why =
        "the headers being parsed" +
        (Parsed ? " (Python " + formatPyVersion(Parsed) + ")" : std::string()) +
        " skip this line, which Python " + formatPyVersion(Target) +
        " compiles ('" + Branches.whySkipped(U.Loc).Directive +
        "'); run the tool against Python " + formatPyVersion(Target) +
        "'s headers to fix it";
    return;
  }
  if (Api.Fix.empty()) {
    // The advice (a note of its own) says what to write instead.
    if (!Api.Advice.empty())
      return;
    if (U.Kind == UseKind::Member)
      Why = "the replacement is an API, not a member; rewrite the code that "
            "uses the member";
    else if (Api.Rewrite == RewriteKind::Rename)
      Why = "the replacement is valid only in some Python versions";
    else
      Why = "the replacement is not a drop-in substitute; review the call";
    return;
  }
  if (const MacroWithRemovedName *Macro = macroDefining(U.Loc);
      Macro && Macro->Name == fixedName(Api)) {
    Why = "this macro defines '" + Macro->Name +
          "' as the removed name, a shim for Pythons older than " +
          formatPyVersion(Api.ReplacementSince) +
          "; renaming would make it name itself: define it only for them (#if "
          "PY_VERSION_HEX < " +
          ::pycapi::pyVersionHex(Api.ReplacementSince) + ") or delete it";
    return;
  }
  bool NeedsCompat = Api.ReplacementSince > Minimum;
  if (NeedsCompat && !Api.CompatHeaderHasIt) {
    // The compat header cannot help: guard the statement, or write a shim
    // (RemovedApiStatements.cpp).
    versionedFix(U, Fixes, Why);
    return;
  }
  if (NeedsCompat) {
    std::string Intro = "'" + fixedName(Api).str() + "' is new in Python " +
                        formatPyVersion(Api.ReplacementSince) +
                        " and MinimumPythonVersion is " +
                        formatPyVersion(Minimum);
    if (CompatHeader.empty()) {
      Why = Intro + "; set CompatHeader (for example to pythoncapi_compat.h) "
                    "or raise MinimumPythonVersion";
      return;
    }
  }
  if (statementFix(U, Fixes)) {
    // The call and the statements around it, rewritten together.
  } else if (isShapedFix(Api)) {
    if (!shapedFix(U, Fixes, Why))
      return;
  } else if (Api.Fix.find('(') != StringRef::npos) {
    if (!callFix(U, Fixes, Why))
      return;
  } else {
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(U.Loc), Api.Fix));
  }
  if (NeedsCompat && !includeFix(U, Fixes, Why, Notes))
    Fixes.clear();
}

bool RemovedApiCheckBase::callFix(const Use &U, std::vector<FixItHint> &Fixes,
                                  std::string &Why) {
  WrittenCall Call;
  if (!readWrittenCall(U.Loc, *Sources, *LangOpts, Call, Why) ||
      !fixApplies(U.Api->FixWhen, Call, Why))
    return false;
  std::string Text;
  std::string Adapted = U.Api->Fix.str();
  adaptTemplate(U, Adapted, Call);
  StringRef Template = Adapted;
  auto StringOf = [&](StringRef Arg, std::string &Literal, std::string &Why) {
    return Identifiers.stringOf(U.Loc, Arg, Literal, Why);
  };
  if (!fillTemplate(Template, Call, Text, Why, U.Api->FixWhen, StringOf))
    return false;
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
    return true;
  }
  Fixes.push_back(FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(U.Loc, Call.RParen), Text));
  return true;
}

bool RemovedApiCheckBase::includeFix(const Use &U,
                                     std::vector<FixItHint> &Fixes,
                                     std::string &Why,
                                     std::vector<FixNote> &Notes) {
  if (CompatIncluded)
    return true;
  const SourceManager &SM = *Sources;
  // Once per translation unit: an #include this unit's fixes insert before
  // the use serves it.
  for (SourceLocation Inserted : CompatInserts)
    if (SM.isBeforeInTranslationUnit(Inserted, U.Loc))
      return true;
  SourceLocation After = compatIncludePlace(SM.getFileID(U.Loc), Why);
  if (After.isInvalid())
    return false;
  FileID File = SM.getFileID(After);
  StringRef Buffer = SM.getBufferData(File);
  unsigned Offset = startOfNextLine(Buffer, SM.getFileOffset(After));
  SourceLocation Place = SM.getLocForStartOfFile(File).getLocWithOffset(Offset);
  if (llvm::is_contained(CompatInserts, Place))
    return true;
  CompatInserts.push_back(Place);
  // clang-tidy, given several files, would apply the same insertion once
  // per unit that makes it.
  if (!::pycapi::hostTool().MergesIdenticalEdits) {
    auto Entry = SM.getFileEntryRefForID(File);
    if (Entry && !compatIncludesOfThisRun().claim(Entry->getUniqueID(), Offset))
      return true;
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
    std::string FileName =
        llvm::sys::path::filename(SM.getFilename(Place)).str();
    std::string Text = "'" + CompatHeader + "' is not on the include path; ";
    if (CompatHeader == "pythoncapi_compat.h")
      Text += "get it from the python/pythoncapi-compat project on GitHub "
              "and put it next to " +
              FileName + " or in a folder on the include path";
    else
      Text += "get pythoncapi_compat.h from the python/pythoncapi-compat "
              "project on GitHub and save it as " +
              CompatHeader + " in the folder of " + FileName +
              " or in a folder on the include path";
    Notes.push_back({After, std::move(Text)});
  }
  return true;
}

SourceLocation RemovedApiCheckBase::compatIncludePlace(FileID File,
                                                       std::string &Why) const {
  const SourceManager &SM = *Sources;
  std::string Include = "'#include \"" + CompatHeader + "\"'";
  if (PythonIncludeLoc.isInvalid()) {
    Why = "this translation unit does not include Python.h, after which " +
          Include + " would go; include " + CompatHeader + " after Python.h";
    return {};
  }
  // The chain of #includes from the main file down to Python.h: each file on
  // it, with its #include that leads there.
  llvm::SmallVector<std::pair<FileID, SourceLocation>, 4> Chain;
  for (SourceLocation Loc = PythonIncludeLoc; Loc.isValid();
       Loc = SM.getIncludeLoc(SM.getFileID(Loc))) {
    Loc = SM.getExpansionLoc(Loc);
    Chain.push_back({SM.getFileID(Loc), Loc});
  }
  std::reverse(Chain.begin(), Chain.end());
  // The fixed file's way to Python.h starts where it, or the nearest file
  // that includes it, is on the chain: a header that gets Python.h from the
  // file including it needs the compat header there too.
  size_t First = Chain.size();
  for (FileID Up = File; Up.isValid() && First == Chain.size();
       Up = SM.getFileID(SM.getIncludeLoc(Up)))
    for (size_t I = 0; I < Chain.size(); ++I)
      if (Chain[I].first == Up)
        First = I;
  if (First == Chain.size() ||
      !::pycapi::isEditableFile(SM, Chain[First].first)) {
    Why = "no file on the way from this file to Python.h can take " + Include +
          "; include " + CompatHeader + " in this file after " + "Python.h";
    return {};
  }
  // Down the chain as far as the files can be changed: after the
  // #include of Python.h itself when the project's header that includes it
  // can be, otherwise after the #include of the first file that cannot.
  size_t Last = First;
  while (Last + 1 < Chain.size() &&
         ::pycapi::isEditableFile(SM, Chain[Last + 1].first))
    ++Last;
  return Chain[Last].second;
}

bool RemovedApiCheckBase::compatHeaderFound(FileID File) const {
  // Where `#include "name"` written in File looks: File's folder, then the
  // search path (-iquote, -I, -isystem, -idirafter). Header maps and
  // frameworks hold no pythoncapi_compat.h in practice.
  const SourceManager &SM = *Sources;
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
  HeaderSearch &Search = PP->getHeaderSearchInfo();
  for (auto Dir = Search.search_dir_begin(), End = Search.search_dir_end();
       Dir != End; ++Dir)
    if (Dir->isNormalDir() && HoldsIt(Dir->getName()))
      return true;
  return false;
}

} // namespace clang::tidy::pycapi::removedapi
