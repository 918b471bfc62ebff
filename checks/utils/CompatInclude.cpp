//===--- CompatInclude.cpp - the compat header's #include, once -----------===//
#include "CompatInclude.h"
#include "CheckCatalog.h"
#include "HostTool.h"
#include "SourceFilter.h"
#include "utils/SourceEdit.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>
#include <set>
#include <tuple>

namespace clang::tidy::pycapi {

using removedapi::NoFix;
using removedapi::NoFixReason;
using removedapi::OrNoFix;

namespace {

// Why a fix that needs the compat header gets none (read after "no
// automatic fix: ").
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

/// The offset of the start of the line after the one \p Offset is on (a
/// logical line: backslash-newlines continue it), or Buffer.size().
size_t startOfNextLine(StringRef Buffer, size_t Offset) {
  for (size_t End = Buffer.find('\n', Offset); End != StringRef::npos;
       End = Buffer.find('\n', End + 1)) {
    StringRef Line = Buffer.take_front(End);
    Line.consume_back("\r");
    if (!::pycapi::compat::endsWith(Line, "\\"))
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

/// One for every check of the run: two checks that both need the header in
/// a file insert one #include.
EarlierEdits &compatIncludesOfThisRun() {
  static EarlierEdits Edits;
  return Edits;
}

} // namespace

bool CompatInclude::isHeaderFile(StringRef Path) const {
  if (Header.empty() || Path.empty())
    return false;
  return Path == Header || ::pycapi::compat::endsWith(Path, "/" + Header);
}

void CompatInclude::startUnit(const SourceManager &SM, Preprocessor &Pre) {
  Sources = &SM;
  PP = &Pre;
}

void CompatInclude::endUnit() {
  Sources = nullptr;
  PP = nullptr;
  Included = false;
  PythonIncludeLoc = SourceLocation();
  Inserts.clear();
}

void CompatInclude::onFileEntered(SourceLocation Loc) {
  const SourceManager &SM = *Sources;
  StringRef Path = SM.getFilename(Loc);
  if (!Header.empty() && !Included)
    Included = isHeaderFile(Path);
  // Where the compat header's #include can go (see place).
  if (PythonIncludeLoc.isInvalid() &&
      llvm::sys::path::filename(Path) == "Python.h")
    PythonIncludeLoc = SM.getIncludeLoc(SM.getFileID(Loc));
}

NoFixReason CompatInclude::unavailable(StringRef Name,
                                       ::pycapi::PyVersion Since,
                                       ::pycapi::PyVersion Minimum) const {
  if (Since <= Minimum || !Header.empty())
    return std::nullopt;
  // The options as the user set them: CLI flags or clang-tidy keys.
  return llvm::formatv(NeedsCompatHeader.data(), Name,
                       ::pycapi::formatPyVersion(Since),
                       ::pycapi::formatPyVersion(Minimum),
                       optionNameInNotes(catalog::MinimumPythonVersion),
                       optionNameInNotes(catalog::CompatHeader))
      .str();
}

NoFixReason CompatInclude::insert(SourceLocation UseLoc,
                                  std::vector<FixItHint> &Fixes,
                                  std::vector<Note> &Notes) {
  if (Included)
    return std::nullopt;
  const SourceManager &SM = *Sources;
  // Once per translation unit: an #include this unit's fixes insert before
  // the use serves it.
  for (SourceLocation Inserted : Inserts)
    if (SM.isBeforeInTranslationUnit(Inserted, UseLoc))
      return std::nullopt;
  OrNoFix<SourceLocation> Found = place(SM.getFileID(UseLoc));
  if (!Found)
    return Found.why();
  SourceLocation After = *Found;
  FileID File = SM.getFileID(After);
  StringRef Buffer = SM.getBufferData(File);
  unsigned Offset = startOfNextLine(Buffer, SM.getFileOffset(After));
  SourceLocation Place = SM.getLocForStartOfFile(File).getLocWithOffset(Offset);
  if (llvm::is_contained(Inserts, Place))
    return std::nullopt;
  Inserts.push_back(Place);
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
      Place, (NeedsLineBreak ? LineEnding : "") + "#include \"" + Header +
                 "\"" + LineEnding));
  if (!found(File)) {
    StringRef FileName = llvm::sys::path::filename(SM.getFilename(Place));
    Notes.push_back({After, llvm::formatv(Header == "pythoncapi_compat.h"
                                              ? GetCompatHeader.data()
                                              : GetCompatHeaderAs.data(),
                                          Header, FileName)
                                .str()});
  }
  return std::nullopt;
}

OrNoFix<SourceLocation> CompatInclude::place(FileID File) const {
  const SourceManager &SM = *Sources;
  if (PythonIncludeLoc.isInvalid())
    return NoFix{llvm::formatv(NoPythonH.data(), Header).str()};
  // The chain of #includes from the main file down to Python.h: each file on
  // it, with its #include that leads there.
  llvm::SmallVector<SourceLocation, 4> Includes;
  for (SourceLocation Loc = PythonIncludeLoc; Loc.isValid();
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
    return NoFix{llvm::formatv(NoEditableIncluder.data(), Header).str()};
  // Down the chain as far as the files can be changed: after the
  // #include of Python.h itself when the project's header that includes it
  // can be, otherwise after the #include of the first file that cannot.
  auto Last = First;
  while (std::next(Last) != Chain.end() &&
         ::pycapi::isEditableFile(SM, std::next(Last)->first))
    ++Last;
  return Last->second;
}

bool CompatInclude::found(FileID File) const {
  // Where `#include "name"` written in File looks: File's folder, then the
  // search path (-iquote, -I, -isystem, -idirafter). Header maps and
  // frameworks hold no pythoncapi_compat.h in practice.
  const SourceManager &SM = *Sources;
  FileManager &Files = SM.getFileManager();
  auto HoldsIt = [&](StringRef Dir) {
    llvm::SmallString<256> Path(Dir.empty() ? "." : Dir);
    llvm::sys::path::append(Path, Header);
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

} // namespace clang::tidy::pycapi
