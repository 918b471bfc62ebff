//===--- TidyRunner.cpp - run the pycapi checks over translation units -----===//
#include "TidyRunner.h"
#include "LLVMCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
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
    // -p names the folder itself; unlike discovery from the sources, it is
    // not searched upward, so a wrong path is an error, not a surprise.
    if (!llvm::sys::fs::is_directory(BuildPath))
      return fail("no such directory: '" + BuildPath + "'");
    auto Database =
        tooling::CompilationDatabase::loadFromDirectory(BuildPath, ErrorMessage);
    if (!Database)
      return fail("no compile_commands.json in '" + BuildPath + "'");
    return Database;
  }
  if (HaveCompilerArgs)
    return std::make_unique<tooling::FixedCompilationDatabase>(".",
                                                              CompilerArgs);
  // A database found upward from the sources is used only when it knows the
  // file: a stray compile_commands.json of another project must not decide
  // how a file is parsed.
  if (!Files.empty()) {
    llvm::SmallString<256> First(Files.front());
    llvm::sys::fs::make_absolute(First);
    if (auto Database = tooling::CompilationDatabase::autoDetectFromSource(
            First, ErrorMessage))
      // (getCompileCommands would answer for any file: clang infers
      // commands for files it does not list from their neighbours.)
      if (llvm::is_contained(Database->getAllFiles(), First.str()))
        return Database;
  }
  UsedFallback = true;
  return std::make_unique<tooling::FixedCompilationDatabase>(".",
                                                            FallbackArgs);
}

namespace {

/// Keeps, of a configuration's Checks globs, only those that name pycapi
/// checks. A project's .clang-tidy is written for clang-tidy's own checks
/// ("-*,readability-*" would otherwise switch pycapi off); an entry such as
/// "-pycapi-limited-api" still narrows what the CLI runs.
std::string pycapiGlobsOf(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  std::string Kept;
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    llvm::StringRef Name = Glob;
    if (Name.consume_front("-"))
      Name = Name.ltrim();
    if (!compat::startsWith(Name, "pycapi"))
      continue;
    if (!Kept.empty())
      Kept += ",";
    Kept += Glob.str();
  }
  return Kept;
}

/// Wraps a provider and filters the Checks of every configuration it reads
/// (but not the command line's, which is the user talking to this tool).
class PycapiOptionsProvider : public ClangTidyOptionsProvider {
public:
  explicit PycapiOptionsProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
    for (OptionsSource &Source : Sources)
      if (Source.second != ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary &&
          Source.second != ClangTidyOptionsProvider::OptionsSourceTypeCheckCommandLineOption &&
          Source.first.Checks)
        Source.first.Checks = pycapiGlobsOf(*Source.first.Checks);
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
};

} // namespace

static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeUnfilteredOptionsProvider(const RunSettings &Settings);

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const RunSettings &Settings) {
  auto Inner = makeUnfilteredOptionsProvider(Settings);
  if (!Inner)
    return Inner.takeError();
  return std::make_unique<PycapiOptionsProvider>(std::move(*Inner));
}

static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeUnfilteredOptionsProvider(const RunSettings &Settings) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = "-*,pycapi-*";

  ClangTidyOptions OverrideOptions;
  if (!Settings.Checks.empty())
    OverrideOptions.Checks = Settings.Checks;
  if (!Settings.ExtraArgs.empty())
    OverrideOptions.ExtraArgs = Settings.ExtraArgs;
  // Against 3.13 headers, C++ typo correction would turn a removed name into
  // a present one ("did you mean PyObject_GetBuffer?") and offer its own fix;
  // the checks find the name as written and fix it themselves.
  OverrideOptions.ExtraArgsBefore = std::vector<std::string>{"-fno-spell-checking"};
  OverrideOptions.ExtraArgsBefore->insert(OverrideOptions.ExtraArgsBefore->end(),
                                          Settings.ExtraArgsBefore.begin(),
                                          Settings.ExtraArgsBefore.end());

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
