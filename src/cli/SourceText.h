//===--- SourceText.h - lines and columns of byte offsets
//------------------===//
#ifndef PYCAPI_CLI_SOURCETEXT_H
#define PYCAPI_CLI_SOURCETEXT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace pycapi::cli {

struct Position {
  unsigned Line = 0;            // 1-based; 0 when the file cannot be read
  unsigned Column = 0;          // 1-based, in bytes (as clang counts)
  unsigned CodePointColumn = 0; // 1-based, in Unicode code points (SARIF)
};

/// Reads each file once and turns byte offsets into positions.
class SourceText {
public:
  Position position(llvm::StringRef Path, unsigned Offset);
  /// Reads \p Path now (once), so that positions stay those of this text
  /// after --fix rewrites the file.
  void read(llvm::StringRef Path) { load(Path); }

private:
  struct File {
    std::string Text;
    std::vector<unsigned> LineStarts;
  };
  const File *load(llvm::StringRef Path);
  llvm::StringMap<File> Files;
};

/// \p Path relative to \p Root when inside it, with '/' separators; else
/// \p Path unchanged.
std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_SOURCETEXT_H
