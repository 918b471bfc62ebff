//===--- ContentIdentity.h - the bytes the fixes were computed against
//-----===//
//
// A fix is a list of byte offsets into the text clang parsed. Applied to any
// other text it garbles the file, so --fix writes a file only if it still
// holds, byte for byte, what every translation unit that read it saw.
// TidyRunner records, per unit, an identity (hash and size) of every file
// that unit read; Driver merges them (mergeContentIds) and WritePlan compares
// the file as it is now with that record.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_CONTENTIDENTITY_H
#define PYCAPI_CLI_CONTENTIDENTITY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pycapi::cli {

struct ContentId {
  uint64_t Hash = 0;
  uint64_t Size = 0;
  /// Set in a merged record when two reads of the file saw different bytes.
  bool Inconsistent = false;

  bool operator==(const ContentId &Other) const {
    return Hash == Other.Hash && Size == Other.Size &&
           Inconsistent == Other.Inconsistent;
  }
  bool operator!=(const ContentId &Other) const { return !(*this == Other); }
};

/// The identity of \p Bytes.
ContentId contentIdOf(llvm::StringRef Bytes);

/// File (real path: symbolic links resolved) -> the bytes read from it.
using ContentIds = std::map<std::string, ContentId>;

/// Adds \p Path read as \p Id to \p Into; a second, different read of the
/// same file makes its record Inconsistent.
void recordContent(ContentIds &Into, const std::string &Path,
                   const ContentId &Id);

/// A file system that reads through \p Underlying and records in \p Record
/// the identity of every file whose contents are read, under its real path,
/// when \p Keep says so (by default every file). Files are read, not
/// memory-mapped, so that the bytes hashed are the bytes parsed even if the
/// file is written to meanwhile. \p Record must outlive the file system; it
/// is not locked (one file system per translation unit, on one thread).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> makeRecordingFileSystem(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Underlying,
    ContentIds &Record,
    std::function<bool(llvm::StringRef RealPath)> Keep = {});

} // namespace pycapi::cli

#endif // PYCAPI_CLI_CONTENTIDENTITY_H
