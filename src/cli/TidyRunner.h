//===--- TidyRunner.h - run the pycapi checks over translation units
//-------===//
#ifndef PYCAPI_CLI_TIDYRUNNER_H
#define PYCAPI_CLI_TIDYRUNNER_H

#include "ContentIdentity.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
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
  /// CheckOptions set on the command line (--target-python and the like);
  /// they override every configuration file.
  std::map<std::string, std::string> CheckOptions;
};

/// Builds the clang-tidy options provider: .clang-tidy discovery (or
/// --config), with the pycapi checks forced on. Relative file names are
/// resolved in \p FS's working folder (by default the process's).
llvm::Expected<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const RunSettings &Settings,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
                        llvm::vfs::getRealFileSystem());

/// Runs the enabled checks over one translation unit, with a context and a
/// file system view (its own working folder) of its own, so that several
/// can run at once on different threads. \p Read receives the identity of
/// every file the unit read that the host tool may edit (HostTool::MayEdit);
/// \p Suppressed, the number of findings that a NOLINT comment silenced.
std::vector<clang::tidy::ClangTidyError>
runChecksOn(const RunSettings &Settings,
            const clang::tooling::CompilationDatabase &Database,
            const std::string &File, ContentIds &Read, unsigned &Suppressed);

/// Checks, before any unit is run, the options with a fixed set of values
/// (the check catalog's Choice options) that the configuration gives each of
/// \p Files, for the checks enabled there. A value that is none of them is a
/// configuration error, named with the file that sets it.
llvm::Error checkOptionChoices(const RunSettings &Settings,
                               llvm::ArrayRef<std::string> Files);

/// The names of the checks that \p Options enables.
std::vector<std::string>
enabledChecks(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options);

/// The configuration in effect for \p File, as clang-tidy's --dump-config
/// prints it: the options read for the file, plus every option the enabled
/// checks read, with its default.
std::string effectiveConfig(clang::tidy::ClangTidyOptionsProvider &Options,
                            llvm::StringRef File);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_TIDYRUNNER_H
