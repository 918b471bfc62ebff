//===--- FileCollector.cpp - which files a run covers
//----------------------===//
#include "FileCollector.h"
#include "LLVMCompat.h"
#include "SourceText.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cstdlib>

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

static bool hasExtension(llvm::StringRef Path,
                         std::initializer_list<llvm::StringRef> Extensions) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return llvm::is_contained(Extensions, Ext);
}

bool isSourceFile(llvm::StringRef Path) {
  return hasExtension(Path, {".c", ".cc", ".cpp", ".cxx"});
}

bool isHeaderFile(llvm::StringRef Path) {
  return hasExtension(Path, {".h", ".hh", ".hpp", ".hxx"});
}

bool isSkippedDirectory(llvm::StringRef Path) {
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  if (compat::startsWith(Name, ".") && Name != "." && Name != "..")
    return true;
  if (Name == "build" || Name == "_build" || Name == "dist" ||
      compat::startsWith(Name, "build-") ||
      compat::startsWith(Name, "build.") ||
      compat::startsWith(Name, "cmake-build-"))
    return true;
  for (const char *Marker : {"CMakeCache.txt", "pyvenv.cfg"}) {
    llvm::SmallString<256> File(Path);
    llvm::sys::path::append(File, Marker);
    if (llvm::sys::fs::exists(File))
      return true;
  }
  return false;
}

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute.str());
}

/// Walks \p Dir (which the user named, so it is entered even if its own name
/// looks like a build folder) and appends the sources under it.
static std::error_code walk(llvm::StringRef Dir,
                            std::vector<std::string> &Found) {
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Path = It->path();
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status))
      continue; // a dangling symlink is not an input
    if (llvm::sys::fs::is_directory(Status)) {
      if (isSkippedDirectory(Path))
        It.no_push();
      continue;
    }
    if (llvm::sys::fs::is_regular_file(Status) && isSourceFile(Path))
      Found.push_back(Path.str());
  }
  return EC;
}

llvm::Expected<std::vector<std::string>>
collectTranslationUnits(const std::vector<std::string> &Inputs) {
  std::vector<std::string> Found;
  for (const std::string &Input : Inputs) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Input, Status))
      return fail("no such file: '" + Input + "'");
    if (llvm::sys::fs::is_directory(Status)) {
      if (std::error_code EC = walk(Input, Found))
        return fail("cannot read folder '" + Input + "': " + EC.message());
    } else {
      Found.push_back(Input);
    }
  }
  // Sorted, so that output, shards and fixes do not depend on the order of
  // the command line or of the file system.
  std::sort(Found.begin(), Found.end());
  std::vector<std::string> Unique;
  llvm::StringSet<> Seen;
  for (std::string &File : Found)
    if (Seen.insert(absolutePath(File)).second)
      Unique.push_back(std::move(File));
  return Unique;
}

llvm::Expected<std::vector<std::string>>
selectShard(const std::vector<std::string> &Sorted, llvm::StringRef Spec) {
  auto Parts = Spec.split('/');
  unsigned K = 0, N = 0;
  if (Parts.first.getAsInteger(10, K) || Parts.second.getAsInteger(10, N) ||
      N == 0 || K == 0 || K > N)
    return fail("invalid --shard '" + Spec.str() +
                "': expected K/N with 1 <= K <= N");
  std::vector<std::string> Shard;
  for (size_t I = K - 1; I < Sorted.size(); I += N)
    Shard.push_back(Sorted[I]);
  return Shard;
}

std::string gitTopLevel(llvm::StringRef Path) {
  llvm::SmallString<256> Dir(absolutePath(Path));
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  // As git does, the search stops below the folders listed in
  // GIT_CEILING_DIRECTORIES (colon-separated): they are not searched.
  llvm::SmallVector<llvm::StringRef, 4> Ceilings;
  const char *CeilingVar = std::getenv("GIT_CEILING_DIRECTORIES");
  if (CeilingVar)
    llvm::StringRef(CeilingVar).split(Ceilings, ':', -1, /*KeepEmpty=*/false);
  auto AtCeiling = [&](llvm::StringRef D) {
    return llvm::any_of(
        Ceilings, [&](llvm::StringRef C) { return absolutePath(C) == D; });
  };
  while (!Dir.empty() && !AtCeiling(Dir)) {
    llvm::SmallString<256> Git(Dir);
    llvm::sys::path::append(Git, ".git");
    if (llvm::sys::fs::exists(Git)) // a folder, or a file in a worktree
      return std::string(Dir.str());
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  return "";
}

bool isInside(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    Real = absolutePath(Path);
  llvm::SmallString<256> RealRoot;
  if (llvm::sys::fs::real_path(Root, RealRoot))
    RealRoot = absolutePath(Root);
  llvm::StringRef P = Real, R = RealRoot;
  if (!compat::startsWith(P, R))
    return false;
  return P.size() == R.size() || llvm::sys::path::is_separator(P[R.size()]) ||
         llvm::sys::path::is_separator(R.back());
}

llvm::Expected<std::vector<std::string>>
withoutExcluded(std::vector<std::string> Files,
                const std::vector<std::string> &Globs, llvm::StringRef Root) {
  std::vector<llvm::GlobPattern> Patterns;
  for (const std::string &Glob : Globs) {
    auto Pattern = llvm::GlobPattern::create(Glob);
    if (!Pattern)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(), "invalid --exclude '%s': %s",
          Glob.c_str(), llvm::toString(Pattern.takeError()).c_str());
    Patterns.push_back(std::move(*Pattern));
  }
  auto Excluded = [&](const std::string &File) {
    std::string Relative = relativeTo(Root, absolutePath(File));
    llvm::StringRef Name = llvm::sys::path::filename(Relative);
    for (const llvm::GlobPattern &Pattern : Patterns) {
      if (Pattern.match(Name))
        return true;
      // The path and each folder on it: "a/b/c.c", "a/b", "a".
      for (llvm::StringRef Prefix = Relative; !Prefix.empty();
           Prefix = llvm::sys::path::parent_path(Prefix))
        if (Pattern.match(Prefix))
          return true;
    }
    return false;
  };
  llvm::erase_if(Files, Excluded);
  return Files;
}

} // namespace pycapi::cli
