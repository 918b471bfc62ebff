//===--- main.cpp - the pycapi-migrate command line ------------------------===//
//
//   pycapi-migrate [options] FILE... [-- compiler args]
//
// Exit codes: 0 success; 1 findings with --check; 2 usage or input error
// (unknown option, missing file, a file that does not compile, bad config);
// 3 internal error.
//
//===----------------------------------------------------------------------===//
#include "DiagnosticReporter.h"
#include "FixWriter.h"
#include "LLVMCompat.h"
#include "LimitedApi.h"
#include "PythonConfig.h"
#include "TidyRunner.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <set>

namespace {

enum ExitCode { Success = 0, Findings = 1, InputError = 2, InternalError = 3 };

struct Options {
  std::vector<std::string> Files;
  std::string BuildPath;
  std::string Checks;
  std::string Config;
  std::string ConfigFile;
  std::string Python = "python3";
  std::string Color = "auto";
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  bool Fix = false;
  bool FixErrors = false;
  bool CheckMode = false;
  bool ListChecks = false;
  bool Quiet = false;
  std::string LimitedApiReport;
};

void error(const std::string &Message) {
  fmt::print(stderr, "pycapi-migrate: error: {}\n", Message);
}

std::string versionText() {
  return fmt::format("pycapi-migrate {} (LLVM {})", PYCAPI_VERSION,
                     LLVM_VERSION_STRING);
}

bool useColor(const std::string &Mode) {
  if (Mode == "always")
    return true;
  if (Mode == "never")
    return false;
  return llvm::sys::Process::StandardOutHasColors();
}

// --limited-api-report VERSION: enables pycapi-limited-api with the option
// LimitedApiAudit set to VERSION, over whatever the configuration says, and
// prints a report grouped from its findings after them.
class LimitedApiReportOptions : public clang::tidy::ClangTidyOptionsProvider {
public:
  LimitedApiReportOptions(
      std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Base,
      const std::string &Version)
      : Base(std::move(Base)) {
    Overrides.Checks = std::string("pycapi-limited-api");
    Overrides.CheckOptions["pycapi-limited-api.LimitedApiAudit"] =
        clang::tidy::ClangTidyOptions::ClangTidyValue(Version);
  }
  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Base->getGlobalOptions();
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Base->getRawOptions(FileName);
    Sources.emplace_back(Overrides, "command-line option '--limited-api-report'");
    return Sources;
  }

private:
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Base;
  clang::tidy::ClangTidyOptions Overrides;
};

bool isCompilerError(const clang::tidy::ClangTidyError &Error) {
  return Error.DiagLevel == clang::tooling::Diagnostic::Error &&
         pycapi::compat::startsWith(Error.DiagnosticName, "clang-diagnostic-");
}

int run(const Options &Opts, bool HaveCompilerArgs,
        const std::vector<std::string> &CompilerArgs) {
  for (const std::string &File : Opts.Files)
    if (!llvm::sys::fs::exists(File)) {
      error(fmt::format("no such file: '{}'", File));
      return InputError;
    }

  pycapi::cli::RunSettings Settings;
  Settings.Checks = Opts.Checks;
  Settings.ExtraArgs = Opts.ExtraArgs;
  Settings.ExtraArgsBefore = Opts.ExtraArgsBefore;
  Settings.ConfigText = Opts.Config;
  if (!Opts.ConfigFile.empty()) {
    auto Text = llvm::MemoryBuffer::getFile(Opts.ConfigFile);
    if (!Text) {
      error(fmt::format("cannot read config file '{}': {}", Opts.ConfigFile,
                        Text.getError().message()));
      return InputError;
    }
    Settings.ConfigText = (*Text)->getBuffer().str();
  }

  auto Provider = pycapi::cli::makeOptionsProvider(Settings);
  if (!Provider) {
    error(llvm::toString(Provider.takeError()));
    return InputError;
  }
  pycapi::PyVersion LimitedApiReport = 0;
  if (!Opts.LimitedApiReport.empty()) {
    LimitedApiReport = pycapi::parseLimitedApiTarget(Opts.LimitedApiReport);
    if (!LimitedApiReport) {
      error(fmt::format("--limited-api-report: invalid version '{}' (expected "
                        "e.g. 3.12 or 0x030C0000)",
                        Opts.LimitedApiReport));
      return InputError;
    }
    *Provider = std::make_unique<LimitedApiReportOptions>(
        std::move(*Provider), Opts.LimitedApiReport);
  }
  if (Opts.ListChecks) {
    fmt::print("Enabled checks:\n");
    for (const std::string &Name :
         pycapi::cli::enabledChecks(std::move(*Provider)))
      fmt::print("    {}\n", Name);
    return Success;
  }
  if (Opts.Files.empty()) {
    error("no input files; run 'pycapi-migrate --help' for usage");
    return InputError;
  }

  // Without a database or compiler arguments, compile against the headers of
  // the Python that would build the extension.
  std::vector<std::string> FallbackArgs;
  bool NeedFallback = Opts.BuildPath.empty() && !HaveCompilerArgs;
  bool UsedFallback = false;
  auto Database = pycapi::cli::loadCompilationDatabase(
      Opts.BuildPath, Opts.Files, HaveCompilerArgs, CompilerArgs,
      FallbackArgs, UsedFallback);
  if (Database && UsedFallback && NeedFallback) {
    auto Dirs = pycapi::cli::pythonIncludeDirs(Opts.Python);
    if (!Dirs) {
      error(llvm::toString(Dirs.takeError()));
      return InputError;
    }
    for (const std::string &Dir : *Dirs)
      FallbackArgs.push_back("-I" + Dir);
    Database = pycapi::cli::loadCompilationDatabase(
        Opts.BuildPath, Opts.Files, HaveCompilerArgs, CompilerArgs,
        FallbackArgs, UsedFallback);
  }
  if (!Database) {
    error(llvm::toString(Database.takeError()));
    return InputError;
  }

  auto Result = pycapi::cli::runChecks(Settings, std::move(*Provider),
                                       **Database, Opts.Files);

  // Code built against 3.13 headers fails to compile exactly where it names
  // a removed API. Such an error, at the very place a pycapi check reports,
  // is explained by that finding and does not stop the fixes.
  std::set<std::pair<std::string, unsigned>> FindingPlaces;
  for (const auto &Error : Result.Errors)
    if (!isCompilerError(Error))
      FindingPlaces.emplace(Error.Message.FilePath, Error.Message.FileOffset);
  auto Explained = [&](const clang::tidy::ClangTidyError &Error) {
    return FindingPlaces.count(
        {Error.Message.FilePath, Error.Message.FileOffset}) != 0;
  };
  bool CompileFailed = false;
  for (const auto &Error : Result.Errors)
    CompileFailed |= isCompilerError(Error) && !Explained(Error);
  // Like clang-tidy, --fix-errors implies --fix.
  bool ApplyFixes = (Opts.Fix && !CompileFailed) || Opts.FixErrors;

  pycapi::cli::DiagnosticReporter Reporter(llvm::outs(), useColor(Opts.Color),
                                           ApplyFixes);
  unsigned FindingCount = 0;
  std::set<std::string> FilesWithFindings;
  for (const auto &Error : Result.Errors) {
    Reporter.report(Error);
    if (!isCompilerError(Error)) {
      ++FindingCount;
      FilesWithFindings.insert(Error.Message.FilePath);
    }
  }
  llvm::outs().flush();

  int Status = Success;
  unsigned FilesChanged = 0;
  if (ApplyFixes) {
    for (const auto &FileAndFixes : Reporter.fixes()) {
      llvm::StringRef Path = FileAndFixes.first();
      std::string Style =
          *Result.Context->getOptionsForFile(Path).FormatStyle;
      auto Contents =
          pycapi::cli::fixedContents(Path, FileAndFixes.second, Style);
      if (!Contents) {
        error(fmt::format("cannot apply fixes to '{}': {}", Path.str(),
                          llvm::toString(Contents.takeError())));
        Status = InputError;
        continue;
      }
      if (auto Err = pycapi::cli::writeFileAtomically(Path, *Contents)) {
        error(llvm::toString(std::move(Err)));
        Status = InputError;
        continue;
      }
      ++FilesChanged;
    }
  }

  if (CompileFailed) {
    error(Opts.Fix && !Opts.FixErrors
              ? "compiler errors found; no fixes were applied (pass "
                "--fix-errors to apply them anyway)"
              : "compiler errors found");
    Status = InputError;
  }
  if (LimitedApiReport) {
    std::vector<std::pair<std::string, std::string>> LimitedFindings;
    for (const auto &Error : Result.Errors)
      if (Error.DiagnosticName == "pycapi-limited-api")
        LimitedFindings.emplace_back(Error.Message.FilePath,
                                     Error.Message.Message);
    // On stderr, with the summary: the report is about the findings above.
    fmt::print(stderr, "{}",
               pycapi::formatLimitedApiReport(LimitedApiReport,
                                              LimitedFindings));
  }
  if (!Opts.Quiet)
    fmt::print(stderr, "pycapi-migrate: {} finding{} in {} file{}{}\n",
               FindingCount, FindingCount == 1 ? "" : "s",
               FilesWithFindings.size(),
               FilesWithFindings.size() == 1 ? "" : "s",
               ApplyFixes ? fmt::format("; {} file{} changed", FilesChanged,
                                        FilesChanged == 1 ? "" : "s")
                          : "");
  if (Status == Success && Opts.CheckMode && FindingCount > 0)
    Status = Findings;
  return Status;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM InitLLVM(argc, argv);

  // Everything after the first "--" is compiler arguments, as with clang-tidy.
  std::vector<char *> ToolArgs;
  std::vector<std::string> CompilerArgs;
  bool HaveCompilerArgs = false;
  for (int I = 0; I < argc; ++I) {
    if (I > 0 && llvm::StringRef(argv[I]) == "--" && !HaveCompilerArgs) {
      HaveCompilerArgs = true;
      continue;
    }
    if (HaveCompilerArgs)
      CompilerArgs.push_back(argv[I]);
    else
      ToolArgs.push_back(argv[I]);
  }

  Options Opts;
  CLI::App App{"Finds uses of C APIs that CPython removed and rewrites them.\n"
               "Usage: pycapi-migrate [options] FILE... [-- compiler args]",
               "pycapi-migrate"};
  App.set_version_flag("--version", versionText());
  App.add_option("files", Opts.Files, "Source files to check");
  App.add_option("-p,--build-path", Opts.BuildPath,
                 "Folder that holds compile_commands.json");
  App.add_option("--checks", Opts.Checks,
                 "Check glob added to 'pycapi-*', e.g. '-pycapi-limited-api'");
  App.add_option("--config", Opts.Config,
                 "Configuration in YAML/JSON, as clang-tidy's --config");
  App.add_option("--config-file", Opts.ConfigFile,
                 "Read the configuration from this file")
      ->excludes("--config");
  App.add_flag("--fix", Opts.Fix, "Apply the fixes to the files");
  App.add_flag("--fix-errors", Opts.FixErrors,
               "Apply fixes even when the code has compiler errors");
  App.add_flag("--check", Opts.CheckMode, "Exit with 1 when there are findings");
  App.add_flag("--list-checks", Opts.ListChecks, "List the enabled checks");
  App.add_option("--python", Opts.Python,
                 "Python whose headers to use when there is no compilation "
                 "database and no '--'")
      ->capture_default_str();
  App.add_option("--extra-arg", Opts.ExtraArgs,
                 "Add an argument to the end of each compile command");
  App.add_option("--extra-arg-before", Opts.ExtraArgsBefore,
                 "Add an argument to the start of each compile command");
  App.add_option("--color", Opts.Color, "Colour the output: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  App.add_flag("-q,--quiet", Opts.Quiet, "Print no summary");
  App.add_option("--limited-api-report", Opts.LimitedApiReport,
                 "Report, per file and in total, the uses that keep the code "
                 "from the Limited API of this version (e.g. 3.12)");

  try {
    App.parse(static_cast<int>(ToolArgs.size()), ToolArgs.data());
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    App.exit(E);
    return InputError;
  }

  try {
    return run(Opts, HaveCompilerArgs, CompilerArgs);
  } catch (const std::exception &E) {
    error(fmt::format("internal error: {}", E.what()));
    return InternalError;
  }
}
