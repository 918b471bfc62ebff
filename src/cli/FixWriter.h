//===--- FixWriter.h - apply fixes to files, atomically --------------------===//
#ifndef PYCAPI_CLI_FIXWRITER_H
#define PYCAPI_CLI_FIXWRITER_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>

namespace pycapi::cli {

/// The new text of \p Path after \p Fixes, cleaned up the way clang-tidy
/// cleans up around its replacements (with \p FormatStyle, "none" by default).
llvm::Expected<std::string>
fixedContents(llvm::StringRef Path, const clang::tooling::Replacements &Fixes,
              llvm::StringRef FormatStyle);

/// Replaces \p Path with \p Contents through a temporary file in the same
/// folder and a rename, keeping the file's permissions. The file is either
/// fully rewritten or left as it was.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FIXWRITER_H
