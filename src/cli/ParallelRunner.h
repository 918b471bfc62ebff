//===--- ParallelRunner.h - translation units on worker threads -----------===//
#ifndef PYCAPI_CLI_PARALLELRUNNER_H
#define PYCAPI_CLI_PARALLELRUNNER_H

#include "CheckFindings.h"
#include "TidyRunner.h"
#include <functional>
#include <map>
#include <tuple>

namespace pycapi::cli {

struct UnitResult {
  std::string File;
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// What the unit read of the files --fix may write (ContentIdentity.h).
  ContentIds Read;
  /// What the checks' diagnostics in Errors are about (CheckFindings.h).
  std::vector<::pycapi::CheckFinding> CheckFindings;
  /// Findings that a NOLINT or NOLINTNEXTLINE comment silenced.
  unsigned Suppressed = 0;
  /// Clang or a check crashed on this unit; Errors is empty.
  bool Crashed = false;
};

/// The record of what a diagnostic is about, for the diagnostics of a run:
/// joined within each unit by (DiagnosticName, FilePath, FileOffset), the
/// diagnostic as clang-tidy made it, whose paths may be relative to its
/// compile command's folder, and so kept by that folder too.
class CheckFindingIndex {
public:
  explicit CheckFindingIndex(const std::vector<UnitResult> &Results);

  /// The record of \p Error (as a unit returned it: Finding::Original), or
  /// null when its check recorded none.
  const ::pycapi::CheckFinding *
  find(const clang::tidy::ClangTidyError &Error) const;

private:
  /// Check, build folder, file, offset.
  using Key = std::tuple<std::string, std::string, std::string, unsigned>;
  static Key keyOf(const clang::tidy::ClangTidyError &Error);
  std::map<Key, const ::pycapi::CheckFinding *> ByDiagnostic;
};

/// Called when a worker starts (Done == false) or finishes a file; calls are
/// serialised.
using ProgressFn = std::function<void(const std::string &File, bool Done)>;

/// Runs the checks over every file of \p Files on \p Jobs threads (one
/// clang-tidy context per file) and returns the results in the order of
/// \p Files, whatever order they finished in. A crash on one unit is
/// recovered from (llvm::CrashRecoveryContext) and marks only that unit.
std::vector<UnitResult>
runInParallel(const RunSettings &Settings,
              const clang::tooling::CompilationDatabase &Database,
              const std::vector<std::string> &Files, unsigned Jobs,
              const ProgressFn &Progress);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_PARALLELRUNNER_H
