//===--- DiffWriter.h - unified diffs of the fixes
//-------------------------===//
#ifndef PYCAPI_CLI_DIFFWRITER_H
#define PYCAPI_CLI_DIFFWRITER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace pycapi::cli {

/// Writes the unified diff (3 lines of context) from \p Old to \p New, with
/// the headers "--- a/NAME" and "+++ b/NAME", as git does, so that
/// "git apply" or "patch -p1" in the project root applies it. Nothing when
/// the texts are equal.
void writeUnifiedDiff(llvm::raw_ostream &OS, llvm::StringRef Name,
                      llvm::StringRef Old, llvm::StringRef New);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_DIFFWRITER_H
