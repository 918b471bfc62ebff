//===--- WritePlan.h - which files --fix writes, decided once
//--------------===//
//
// Every output of a run says what --fix does with each file: --fix itself,
// --diff (no hunk for a file --fix leaves alone), the JSON report's
// "applicable", the SARIF log's fixes, --export-fixes and the text report's
// "FIX-IT applied" notes. They all follow one decision per file, made here,
// in every mode: a file is written only if it is inside the project root
// (symbolic links resolved), its owner may write it, its fixes do not
// conflict (FixSet), and it holds exactly the bytes that every translation
// unit that read it saw (ContentIdentity.h). --fix checks the last again,
// under a lock, when it writes (FixWriter).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_WRITEPLAN_H
#define PYCAPI_CLI_WRITEPLAN_H

#include "ContentIdentity.h"
#include "FixSet.h"
#include "FixWriter.h"
#include <functional>
#include <string>
#include <vector>

namespace pycapi::cli {

/// A file --fix leaves as it is, and the one-line error that says why.
struct Refusal {
  std::string Path;
  std::string Message;
};

struct WritePlan {
  /// The files to write, in path order.
  std::vector<PlannedWrite> Writes;
  std::vector<Refusal> Refusals;
};

/// The file that an edit of \p Path (absolute) writes: a symbolic link's
/// target when that is inside \p Root, named through \p Root as given (so
/// that reports can name it relative to the root); else \p Path itself, and
/// a link to a file outside the root is then refused under its own name.
std::string fileWrittenFor(llvm::StringRef Path, llvm::StringRef Root);

/// Decides, for every file with fixes that \p Fixes would apply, whether
/// --fix writes it, and takes those it does not out of \p Fixes
/// (FixSet::refuse). \p Read is what the translation units read. A
/// conflicting file that changed during the run is refused as changed
/// (the driver then does not call it conflicting).
/// \p FormatStyleOf gives a file's FormatStyle. With \p WithContents, the
/// planned writes carry the files' new text (for --fix and --diff).
WritePlan
planWrites(FixSet &Fixes, const ContentIds &Read, llvm::StringRef Root,
           const std::function<std::string(llvm::StringRef)> &FormatStyleOf,
           bool WithContents);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_WRITEPLAN_H
