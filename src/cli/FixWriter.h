//===--- FixWriter.h - apply fixes to files, safely
//------------------------===//
#ifndef PYCAPI_CLI_FIXWRITER_H
#define PYCAPI_CLI_FIXWRITER_H

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace pycapi::cli {

/// The new text of \p Path, whose text is \p Code, after \p Fixes, cleaned up
/// the way clang-tidy cleans up around its replacements (with
/// \p FormatStyle, "none" by default).
llvm::Expected<std::string>
fixedContents(llvm::StringRef Path, llvm::StringRef Code,
              const clang::tooling::Replacements &Fixes,
              llvm::StringRef FormatStyle);

/// The one-line errors that say why a file was left as it was, that both
/// the plan (WritePlan.cpp) and the write under the lock (FixWriter.cpp)
/// give; fmt format strings.
namespace message {
/// The file's path, and the system's reason.
inline constexpr char CannotRead[] =
    "cannot read '{}': {}; it was left as it was";
/// The file's path.
inline constexpr char ChangedSinceChecked[] =
    "'{}' changed since it was checked; it was left as it was (run "
    "pycapi-migrate again)";
/// The file's path.
inline constexpr char ReadOnly[] = "'{}' is read-only; it was left as it was";
/// The temporary file's path, the system's reason, the file's path.
inline constexpr char CannotWriteTemporary[] =
    "cannot write '{}': {}; '{}' was left as it was";
} // namespace message

/// A file that --fix is to write (WritePlan.h decides which).
struct PlannedWrite {
  /// As the fixes name it: absolute, under the project root.
  std::string Path;
  /// The file itself, symbolic links resolved: the one replaced.
  std::string RealPath;
  /// Its bytes when the checks read it (the fixes' offsets are into these).
  std::string Original;
  /// Its bytes after the fixes.
  std::string Fixed;
};

/// What became of one file.
struct WriteResult {
  enum Outcome {
    Written,
    /// Left as it was; Message says why (one line).
    Refused,
    /// Left as it was: a signal came while waiting to write it.
    Interrupted,
  } Kind = Written;
  std::string Message;
};

/// Writes the files of a run, one after the other.
class FixWriter {
public:
  /// \p Quiet: no word about waiting for another run. \p Interrupted is
  /// polled while waiting (see Interrupts.h). Messages name the files inside
  /// \p Root relative to it, as the rest of the run does.
  FixWriter(bool Quiet, std::function<bool()> Interrupted, std::string Root)
      : Quiet(Quiet), Interrupted(std::move(Interrupted)),
        Root(std::move(Root)) {}

  /// Replaces \p File's text with File.Fixed, if and only if it still holds
  /// File.Original. Under an advisory lock (flock) on the file, so that two
  /// runs never write one file at once: lock, re-read and compare, write a
  /// temporary file next to it with the file's owner, group and mode, rename
  /// it over the file, unlock. A temporary file that a killed run left for
  /// this file is removed first, with a message. While another run holds the
  /// lock, says so (unless quiet) and waits.
  WriteResult write(const PlannedWrite &File);

private:
  void removeStaleTemporaries(llvm::StringRef RealPath);

  bool Quiet;
  std::function<bool()> Interrupted;
  std::string Root;
  /// Per folder, per file name: the names of this tool's temporary files
  /// for it, as found when the first file of that folder was written.
  std::map<std::string, std::map<std::string, std::vector<std::string>>>
      Temporaries;
  bool First = true;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FIXWRITER_H
