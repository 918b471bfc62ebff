//===--- FixWriter.cpp - apply fixes to files, safely
//----------------------===//
//
// One file, under its lock:
//
//   open ─ flock ─ still the file at that path? ─ remove stale temporaries
//   ─ read: the bytes the fixes were computed against? ─ temporary file
//   (owner, group, mode, contents, fsync) ─ rename over the file ─ unlock
//
// The lock is advisory: it orders runs of this tool (and anything else that
// flocks), not editors. An editor's save is caught by the comparison, except
// in the moment between the comparison and the rename.
//
//===----------------------------------------------------------------------===//
#include "FixWriter.h"
#include "FixedText.h"
#include "SourceText.h"
#include "TestHooks.h"
#include "clang/Format/Format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fmt/core.h>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace pycapi::cli {

llvm::Expected<std::string>
fixedContents(llvm::StringRef Path, llvm::StringRef Code,
              const clang::tooling::Replacements &Fixes,
              llvm::StringRef FormatStyle) {
  auto Style = clang::format::getStyle(FormatStyle, Path, "none");
  if (!Style)
    return Style.takeError();
  return fixedText(Code, Fixes, *Style);
}

namespace {

/// The suffix of this tool's temporary files: NAME.pycapi-XXXXXX.tmp, where
/// createUniqueFile turns each % into a lowercase hexadecimal digit.
const char TempInfix[] = ".pycapi-";
const char TempSuffix[] = ".tmp";
const unsigned TempRandomDigits = 6;

/// The file name whose temporary file \p Name is, or "" if \p Name is not
/// exactly one of this tool's temporary files.
llvm::StringRef temporaryFileOf(llvm::StringRef Name) {
  if (!Name.consume_back(TempSuffix) || Name.size() <= TempRandomDigits)
    return "";
  llvm::StringRef Digits = Name.take_back(TempRandomDigits);
  if (!llvm::all_of(Digits, [](char C) {
        return (C >= '0' && C <= '9') || (C >= 'a' && C <= 'f');
      }))
    return "";
  Name = Name.drop_back(TempRandomDigits);
  if (!Name.consume_back(TempInfix) || Name.empty())
    return "";
  return Name;
}

std::string systemError(int Errno) { return std::strerror(Errno); }

/// Reads all of \p FD from its start.
bool readAll(int FD, std::string &Out) {
  Out.clear();
  if (::lseek(FD, 0, SEEK_SET) < 0)
    return false;
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(FD, Chunk, sizeof(Chunk));
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      return false;
    if (N == 0)
      return true;
    Out.append(Chunk, N);
  }
}

bool writeAll(int FD, llvm::StringRef Bytes) {
  while (!Bytes.empty()) {
    ssize_t N = ::write(FD, Bytes.data(), Bytes.size());
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Bytes = Bytes.drop_front(N);
  }
  return true;
}

/// Closes a descriptor (and so drops its lock) when it goes out of scope.
struct Descriptor {
  int FD = -1;
  ~Descriptor() { reset(); }
  void reset(int New = -1) {
    if (FD >= 0)
      ::close(FD);
    FD = New;
  }
};

} // namespace

void FixWriter::removeStaleTemporaries(llvm::StringRef RealPath) {
  std::string Folder = llvm::sys::path::parent_path(RealPath).str();
  auto Listed = Temporaries.find(Folder);
  if (Listed == Temporaries.end()) {
    // One listing per folder, not one per file written in it.
    Listed = Temporaries.emplace(Folder, decltype(Listed->second)()).first;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Folder, EC), End;
         It != End && !EC; It.increment(EC)) {
      llvm::StringRef Name = llvm::sys::path::filename(It->path());
      llvm::StringRef Of = temporaryFileOf(Name);
      if (!Of.empty())
        Listed->second[Of.str()].push_back(Name.str());
    }
  }
  auto ForFile = Listed->second.find(llvm::sys::path::filename(RealPath).str());
  if (ForFile == Listed->second.end())
    return;
  // The caller holds the file's lock, and a run makes a temporary file only
  // while it holds it: any of them still there is left from a run that was
  // killed.
  for (const std::string &Name : ForFile->second) {
    llvm::SmallString<256> Temp(Folder);
    llvm::sys::path::append(Temp, Name);
    struct stat Status;
    if (::lstat(Temp.c_str(), &Status) || !S_ISREG(Status.st_mode))
      continue;
    if (::unlink(Temp.c_str()) == 0)
      fmt::print(stderr,
                 "pycapi-migrate: removed '{}', a temporary file left by an "
                 "earlier run that was interrupted\n",
                 relativeTo(Root, Temp));
  }
  Listed->second.erase(ForFile);
}

namespace {

WriteResult refuse(std::string Message) {
  return WriteResult{WriteResult::Refused, std::move(Message)};
}

/// Locks the file that \p File's path names when the lock is granted:
/// another run may have renamed a new file over it while this one waited.
/// Fills \p Locked and \p Status; returns what ends the write, if anything.
std::optional<WriteResult> lockFile(const PlannedWrite &File, bool Quiet,
                                    const std::function<bool()> &Interrupted,
                                    llvm::StringRef Root, Descriptor &Locked,
                                    struct stat &Status) {
  const char *Real = File.RealPath.c_str();
  bool SaidWaiting = false;
  for (;;) {
    Locked.reset(::open(Real, O_RDONLY | O_CLOEXEC));
    if (Locked.FD < 0)
      return refuse(fmt::format("cannot open '{}': {}; it was left as it was",
                                File.Path, systemError(errno)));
    while (::flock(Locked.FD, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EINTR)
        continue;
      if (errno != EWOULDBLOCK)
        break; // no locks on this file system: the comparison still holds
      if (!SaidWaiting && !Quiet)
        fmt::print(stderr,
                   "pycapi-migrate: waiting for another run to finish "
                   "writing '{}'\n",
                   relativeTo(Root, File.Path));
      SaidWaiting = true;
      if (Interrupted())
        return WriteResult{WriteResult::Interrupted, ""};
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    struct stat AtPath;
    if (::fstat(Locked.FD, &Status) || ::stat(Real, &AtPath))
      return refuse(
          fmt::format(message::CannotRead, File.Path, systemError(errno)));
    if (Status.st_dev == AtPath.st_dev && Status.st_ino == AtPath.st_ino)
      return std::nullopt;
    if (Interrupted())
      return WriteResult{WriteResult::Interrupted, ""};
  }
}

/// Why the locked file (\p FD, \p Status) may not be replaced: it no longer
/// holds the bytes the fixes were computed against, or it is read-only.
std::optional<WriteResult> whyNotReplaced(const PlannedWrite &File, int FD,
                                          const struct stat &Status) {
  std::string Now;
  if (!readAll(FD, Now))
    return refuse(
        fmt::format(message::CannotRead, File.Path, systemError(errno)));
  if (Now != File.Original)
    return refuse(fmt::format(message::ChangedSinceChecked, File.Path));
  // The owner's write bit, not only access(): root may write anything, but a
  // file its owner made read-only is not one to rewrite behind their back.
  if (!(Status.st_mode & S_IWUSR))
    return refuse(fmt::format(message::ReadOnly, File.Path));
  return std::nullopt;
}

/// Removes the temporary file \p Path (closed), and refuses with \p Message.
WriteResult discardTemporary(llvm::SmallString<256> &Path,
                             std::string Message) {
  ::unlink(Path.c_str());
  llvm::sys::DontRemoveFileOnSignal(Path);
  return refuse(std::move(Message));
}

/// Writes File.Fixed into a new temporary file next to the file, with the
/// file's owner, group and mode (\p Status), and names it in \p TempPath;
/// returns what ends the write, if anything (the temporary file removed).
std::optional<WriteResult> writeTemporary(const PlannedWrite &File,
                                          const struct stat &Status,
                                          llvm::SmallString<256> &TempPath) {
  llvm::SmallString<256> Model(File.RealPath);
  Model += TempInfix;
  Model.append(TempRandomDigits, '%');
  Model += TempSuffix;
  int TempFD = -1;
  if (auto EC = llvm::sys::fs::createUniqueFile(
          Model, TempFD, TempPath, llvm::sys::fs::OF_None,
          llvm::sys::fs::owner_read | llvm::sys::fs::owner_write))
    return refuse(fmt::format("cannot create a temporary file next to '{}': "
                              "{}; it was left as it was",
                              File.Path, EC.message()));
  std::string TempName(TempPath.str());
  Descriptor Temp;
  Temp.FD = TempFD;
  // SIGINT and SIGTERM are deferred (Interrupts.h); this covers the others.
  llvm::sys::RemoveFileOnSignal(TempPath);
  auto Discard = [&](std::string Message) {
    Temp.reset();
    return discardTemporary(TempPath, std::move(Message));
  };

  // Owner and group first: chown clears the set-user-ID and set-group-ID
  // bits, which the mode then restores.
  struct stat TempStatus;
  if (::fstat(Temp.FD, &TempStatus))
    return Discard(fmt::format("cannot write '{}': {}; it was left as it was",
                               TempName, systemError(errno)));
  if ((TempStatus.st_uid != Status.st_uid ||
       TempStatus.st_gid != Status.st_gid) &&
      ::fchown(Temp.FD, Status.st_uid, Status.st_gid))
    return Discard(fmt::format("cannot give the new '{}' its owner and group "
                               "({}:{}): {}; it was left as it was",
                               File.Path, Status.st_uid, Status.st_gid,
                               systemError(errno)));
  if (::fchmod(Temp.FD, Status.st_mode & 07777))
    return Discard(fmt::format("cannot give the new '{}' its mode: {}; it was "
                               "left as it was",
                               File.Path, systemError(errno)));
  if (!writeAll(Temp.FD, File.Fixed) || ::fsync(Temp.FD))
    return Discard(fmt::format(message::CannotWriteTemporary, TempName,
                               systemError(errno), File.Path));
  int Closed = ::close(Temp.FD);
  Temp.FD = -1;
  if (Closed)
    return Discard(fmt::format(message::CannotWriteTemporary, TempName,
                               systemError(errno), File.Path));
  return std::nullopt;
}

} // namespace

WriteResult FixWriter::write(const PlannedWrite &File) {
  Descriptor Locked;
  struct stat Status;
  if (auto Ended = lockFile(File, Quiet, Interrupted, Root, Locked, Status))
    return *Ended;
  removeStaleTemporaries(File.RealPath);
  if (auto Ended = whyNotReplaced(File, Locked.FD, Status))
    return *Ended;
  llvm::SmallString<256> TempPath;
  if (auto Ended = writeTemporary(File, Status, TempPath))
    return *Ended;

  if (First)
    pauseForTest(PausePoint::Writing, [&] { return Interrupted(); });
  First = false;

  if (::rename(TempPath.c_str(), File.RealPath.c_str()))
    return discardTemporary(
        TempPath, fmt::format("cannot replace '{}': {}; it was left as it was",
                              File.Path, systemError(errno)));
  llvm::sys::DontRemoveFileOnSignal(TempPath);
  return WriteResult{WriteResult::Written, ""};
}

} // namespace pycapi::cli
