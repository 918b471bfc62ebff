//===--- SourceFilter.cpp - which source belongs to the user
//---------------===//
#include "SourceFilter.h"
#include "HostTool.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace pycapi {

static bool holdsPythonHeaders(const clang::SourceManager &SM,
                               llvm::StringRef Dir) {
  // Directory contents do not change during a run; checks run on one thread
  // per translation unit, so the cache is per thread.
  thread_local llvm::StringMap<bool> Cache;
  auto It = Cache.find(Dir);
  if (It != Cache.end())
    return It->second;
  auto &FS = SM.getFileManager().getVirtualFileSystem();
  llvm::SmallString<256> PythonH(Dir), Patchlevel(Dir);
  llvm::sys::path::append(PythonH, "Python.h");
  llvm::sys::path::append(Patchlevel, "patchlevel.h");
  bool Holds = FS.exists(PythonH) && FS.exists(Patchlevel);
  Cache[Dir] = Holds;
  return Holds;
}

static bool isInPythonHeaderDir(const clang::SourceManager &SM,
                                llvm::StringRef Path) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  if (Dir.empty())
    Dir = ".";
  if (holdsPythonHeaders(SM, Dir))
    return true;
  llvm::StringRef Base = llvm::sys::path::filename(Dir);
  if (Base == "cpython" || Base == "internal" || Base == "mimalloc")
    return holdsPythonHeaders(SM, llvm::sys::path::parent_path(Dir));
  return false;
}

bool isPythonHeaderPath(const clang::SourceManager &SM, llvm::StringRef Path) {
  // Asked for the same few hundred headers over and over: the answer per
  // path, kept as holdsPythonHeaders keeps its own.
  thread_local llvm::StringMap<bool> Cache;
  auto [It, Inserted] = Cache.try_emplace(Path, false);
  if (Inserted)
    It->second = isInPythonHeaderDir(SM, Path);
  return It->second;
}

bool isCompatHeaderName(llvm::StringRef FileName) {
  return llvm::sys::path::filename(FileName) == "pythoncapi_compat.h";
}

/// The part of isUserCode's answer that holds for the whole of \p File (not
/// whether a line of it is in a system header).
static bool isUsersFile(const clang::SourceManager &SM, clang::FileID File) {
  if (File == SM.getMainFileID())
    return true;
  llvm::StringRef Path = SM.getFilename(SM.getLocForStartOfFile(File));
  if (Path.empty()) // <scratch space>, <built-in>, command line
    return false;
  return !isCompatHeaderName(Path) && !isPythonHeaderPath(SM, Path);
}

bool isUserCode(const clang::SourceManager &SM, clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  clang::SourceLocation Spelling = SM.getSpellingLoc(Loc);
  if (SM.isInSystemHeader(Spelling))
    return false;
  return isUsersFile(SM, SM.getFileID(Spelling));
}

bool UserCodeCache::isUserCode(clang::SourceLocation Loc) {
  if (Loc.isInvalid())
    return false;
  clang::SourceLocation Spelling = SM.getSpellingLoc(Loc);
  // A `#pragma GCC system_header` or a line marker makes the rest of a file
  // a system header: that part of the answer is asked every time.
  if (SM.isInSystemHeader(Spelling))
    return false;
  if (LastFile.isInvalid() || !SM.isInFileID(Spelling, LastFile)) {
    LastFile = SM.getFileID(Spelling);
    auto [It, Inserted] = Files.try_emplace(LastFile, false);
    if (Inserted)
      It->second = isUsersFile(SM, LastFile);
    LastAnswer = It->second;
  }
  return LastAnswer;
}

bool isEditableFile(const clang::SourceManager &SM, clang::FileID File) {
  if (File.isInvalid() || !isUserCode(SM, SM.getLocForStartOfFile(File)))
    return false;
  const HostTool &Tool = hostTool();
  if (!Tool.MayEdit)
    return true;
  llvm::SmallString<256> Path(SM.getFilename(SM.getLocForStartOfFile(File)));
  if (Path.empty())
    return false;
  // As clang-tidy names the files of fixes: relative to the compile
  // command's folder.
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return Tool.MayEdit(Path);
}

} // namespace pycapi
