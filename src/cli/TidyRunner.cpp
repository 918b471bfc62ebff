//===--- TidyRunner.cpp - run the pycapi checks over translation units -----===//
#include "TidyRunner.h"
#include "LLVMCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;
using namespace clang::tidy;

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<std::unique_ptr<tooling::CompilationDatabase>>
loadCompilationDatabase(const std::string &BuildPath,
                        const std::vector<std::string> &Files,
                        bool HaveCompilerArgs,
                        const std::vector<std::string> &CompilerArgs,
                        const std::vector<std::string> &FallbackArgs,
                        bool &UsedFallback) {
  UsedFallback = false;
  std::string ErrorMessage;
  if (!BuildPath.empty()) {
    auto Database = tooling::CompilationDatabase::autoDetectFromDirectory(
        BuildPath, ErrorMessage);
    if (!Database)
      return fail("cannot load a compilation database from '" + BuildPath +
                  "': " + ErrorMessage);
    return Database;
  }
  if (HaveCompilerArgs)
    return std::make_unique<tooling::FixedCompilationDatabase>(".",
                                                              CompilerArgs);
  if (!Files.empty())
    if (auto Database = tooling::CompilationDatabase::autoDetectFromSource(
            Files.front(), ErrorMessage))
      return Database;
  UsedFallback = true;
  return std::make_unique<tooling::FixedCompilationDatabase>(".",
                                                            FallbackArgs);
}

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const RunSettings &Settings) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = "-*,pycapi-*";

  // The CLI exists to run the pycapi checks, so a project's .clang-tidy that
  // selects other checks does not switch them off; its CheckOptions apply.
  ClangTidyOptions OverrideOptions;
  OverrideOptions.Checks = "-*,pycapi-*";
  if (!Settings.Checks.empty())
    *OverrideOptions.Checks += "," + Settings.Checks;
  if (!Settings.ExtraArgs.empty())
    OverrideOptions.ExtraArgs = Settings.ExtraArgs;
  if (!Settings.ExtraArgsBefore.empty())
    OverrideOptions.ExtraArgsBefore = Settings.ExtraArgsBefore;

  if (!Settings.ConfigText.empty()) {
    auto Parsed = parseConfiguration(
        llvm::MemoryBufferRef(Settings.ConfigText, "--config"));
    if (!Parsed)
      return fail("invalid --config: " + Parsed.getError().message());
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, DefaultOptions, std::move(*Parsed),
        std::move(OverrideOptions));
  }
  return std::make_unique<FileOptionsProvider>(
      GlobalOptions, DefaultOptions, std::move(OverrideOptions),
      llvm::vfs::getRealFileSystem());
}

RunResult runChecks(const RunSettings &Settings,
                    std::unique_ptr<ClangTidyOptionsProvider> Options,
                    const tooling::CompilationDatabase &Database,
                    const std::vector<std::string> &Files) {
  RunResult Result;
  Result.Context = std::make_unique<ClangTidyContext>(std::move(Options));
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  Result.Errors = runClangTidy(*Result.Context, Database, Files, BaseFS,
                               /*ApplyAnyFix=*/false);
  return Result;
}

std::vector<std::string>
enabledChecks(std::unique_ptr<ClangTidyOptionsProvider> Options) {
  ClangTidyOptions Effective = Options->getOptions("dummy.c");
  return compat::checkNames(Effective);
}

} // namespace pycapi::cli
