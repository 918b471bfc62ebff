//===--- ParallelRunner.h - translation units on worker threads -----------===//
#ifndef PYCAPI_CLI_PARALLELRUNNER_H
#define PYCAPI_CLI_PARALLELRUNNER_H

#include "TidyRunner.h"
#include <functional>

namespace pycapi::cli {

struct UnitResult {
  std::string File;
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// What the unit read of the files --fix may write (ContentIdentity.h).
  ContentIds Read;
  /// Clang or a check crashed on this unit; Errors is empty.
  bool Crashed = false;
};

/// Called when a worker starts (Done == false) or finishes a file; calls are
/// serialised.
using ProgressFn = std::function<void(const std::string &File, bool Done)>;

/// Runs the checks over every file of \p Files on \p Jobs threads (one
/// clang-tidy context per file) and returns the results in the order of
/// \p Files, whatever order they finished in. A crash on one unit is
/// recovered from (llvm::CrashRecoveryContext) and marks only that unit.
std::vector<UnitResult> runInParallel(const RunSettings &Settings,
                                      const clang::tooling::CompilationDatabase &Database,
                                      const std::vector<std::string> &Files,
                                      unsigned Jobs, const ProgressFn &Progress);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_PARALLELRUNNER_H
