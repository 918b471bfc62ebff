//===--- FileCollector.h - which files a run covers
//------------------------===//
#ifndef PYCAPI_CLI_FILECOLLECTOR_H
#define PYCAPI_CLI_FILECOLLECTOR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace pycapi::cli {

/// True for the extensions of C and C++ sources that are compiled on their
/// own (.c .cc .cpp .cxx).
bool isSourceFile(llvm::StringRef Path);
/// True for the extensions of C and C++ headers (.h .hh .hpp .hxx; those
/// that pre-commit's `header` type covers).
bool isHeaderFile(llvm::StringRef Path);

/// True for a folder that a directory walk does not enter: hidden folders
/// (.git, .tox, .venv, ...), build folders (build, _build, build-*, build.*,
/// cmake-build-*, dist) and any folder holding a CMakeCache.txt or a
/// pyvenv.cfg.
bool isSkippedDirectory(llvm::StringRef Path);

/// Expands the command line's inputs into the translation units to compile:
/// a file is taken as it is (whatever its extension); a folder is walked for
/// sources. Headers found in folders are not compiled alone: a header
/// usually needs what its includer included before it, so its findings come
/// through the sources that include it. The result is sorted and has no file
/// twice. Fails on an input that does not exist.
llvm::Expected<std::vector<std::string>>
collectTranslationUnits(const std::vector<std::string> &Inputs);

/// The TUs of shard K of N (1 <= K <= N): every N-th of the sorted list,
/// starting with the K-th. \p Spec is "K/N"; a malformed one is an error.
llvm::Expected<std::vector<std::string>>
selectShard(const std::vector<std::string> &Sorted, llvm::StringRef Spec);

/// The files of \p Files (absolute) that no glob of \p Globs matches; a
/// glob matches a file when it matches its path relative to \p Root, or
/// one of the folders on that path ("vendor", "third_party/*"), or its
/// name. A glob that does not parse is an error.
llvm::Expected<std::vector<std::string>>
withoutExcluded(std::vector<std::string> Files,
                const std::vector<std::string> &Globs, llvm::StringRef Root);

/// The Git work tree (a folder with a .git entry) that holds \p Path, or an
/// empty string.
std::string gitTopLevel(llvm::StringRef Path);

/// \p Path made absolute against the current folder, with ./ and ../ removed.
std::string absolutePath(llvm::StringRef Path);

/// True when \p Path is \p Root or inside it (both absolute, symlinks in
/// \p Path's existing part resolved).
bool isInside(llvm::StringRef Path, llvm::StringRef Root);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FILECOLLECTOR_H
