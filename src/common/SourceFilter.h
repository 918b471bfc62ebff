//===--- SourceFilter.h - which source belongs to the user
//-----------------===//
//
// Checks report and edit only the user's own code: never system headers,
// CPython's own headers (which projects usually include with -I, so clang does
// not treat them as system headers) or a vendored pythoncapi_compat.h.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_SOURCEFILTER_H
#define PYCAPI_COMMON_SOURCEFILTER_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"

namespace pycapi {

/// True when \p Path names CPython's own headers: the file sits in a folder
/// (or a cpython/ or internal/ subfolder of one) that holds both Python.h and
/// patchlevel.h.
bool isPythonHeaderPath(const clang::SourceManager &SM, llvm::StringRef Path);

/// True when \p Name is a vendored compatibility header.
bool isCompatHeaderName(llvm::StringRef FileName);

/// True when the file that \p Loc is written in (its spelling location) is the
/// user's: not a system header, not CPython's, not a compat header.
bool isUserCode(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// isUserCode, with the answer for each file kept: for hooks that ask at
/// every file change, directive or macro of a translation unit, where the
/// path tests would cost more than the work they guard. One per
/// SourceManager (a FileID means nothing in another).
class UserCodeCache {
public:
  explicit UserCodeCache(const clang::SourceManager &SM) : SM(SM) {}

  /// The answer of isUserCode(SM, Loc).
  bool isUserCode(clang::SourceLocation Loc);

private:
  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, bool> Files;
  /// The file asked last: runs of questions come from one file.
  clang::FileID LastFile;
  bool LastAnswer = false;
};

/// True when a fix may change \p File: it is the user's code, and the
/// program running the checks may write it (HostTool::MayEdit).
bool isEditableFile(const clang::SourceManager &SM, clang::FileID File);

} // namespace pycapi

#endif // PYCAPI_COMMON_SOURCEFILTER_H
