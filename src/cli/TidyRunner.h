//===--- TidyRunner.h - run the pycapi checks over translation units -------===//
#ifndef PYCAPI_CLI_TIDYRUNNER_H
#define PYCAPI_CLI_TIDYRUNNER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <string>
#include <vector>

namespace pycapi::cli {

/// What the command line asked for, as far as running the checks goes.
struct RunSettings {
  /// Check glob appended to "-*,pycapi-*" (so "-pycapi-foo" narrows it).
  std::string Checks;
  /// Text of --config (YAML or JSON), empty when not given.
  std::string ConfigText;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
};

/// The result of running the checks over a set of translation units.
struct RunResult {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// The options of the run, kept so that fixes can read FormatStyle.
  std::unique_ptr<clang::tidy::ClangTidyContext> Context;
};

/// Loads the compilation database: from \p BuildPath when set; else a fixed
/// one from \p CompilerArgs when \p HaveCompilerArgs; else one found upward
/// from the first file; else a fixed one with \p FallbackArgs.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(const std::string &BuildPath,
                        const std::vector<std::string> &Files,
                        bool HaveCompilerArgs,
                        const std::vector<std::string> &CompilerArgs,
                        const std::vector<std::string> &FallbackArgs,
                        bool &UsedFallback);

/// Builds the clang-tidy options provider: .clang-tidy discovery (or
/// --config), with the pycapi checks forced on.
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const RunSettings &Settings);

/// Runs the enabled checks over \p Files.
RunResult runChecks(const RunSettings &Settings,
                    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
                    const clang::tooling::CompilationDatabase &Database,
                    const std::vector<std::string> &Files);

/// The names of the checks that \p Options enables.
std::vector<std::string>
enabledChecks(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_TIDYRUNNER_H
