//===--- Driver.cpp - one run of pycapi-migrate, from options to exit code -===//
//
//   inputs ─▶ translation units (FileCollector) ─▶ compile commands
//   (CompileDatabase) ─▶ checks on -j threads (ParallelRunner) ─▶ findings,
//   each once (Findings) ─▶ fixes merged per file (FixSet) ─▶ text, JSON or
//   SARIF; --diff, --fix, --export-fixes ─▶ summary and exit code
//
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "CompileDatabase.h"
#include "DiagnosticReporter.h"
#include "DiffWriter.h"
#include "FileCollector.h"
#include "Findings.h"
#include "FixWriter.h"
#include "HostTool.h"
#include "ParallelRunner.h"
#include "Progress.h"
#include "PythonConfig.h"
#include "ReportWriters.h"
#include "SourceText.h"
#include "Summary.h"
#include "LimitedApi.h"
#include "TidyRunner.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <set>
#include <tuple>
#include <fmt/core.h>
#include <thread>

namespace pycapi::cli {

void error(const std::string &Message) {
  fmt::print(stderr, "pycapi-migrate: error: {}\n", Message);
}

namespace {

bool useColor(const std::string &Mode) {
  if (Mode == "always")
    return true;
  if (Mode == "never")
    return false;
  return llvm::sys::Process::StandardOutHasColors();
}

/// The options that the command line sets for the checks. Options the
/// checks read with getLocalOrGlobal are set globally (no check prefix), so
/// that every check that reads them sees them.
std::map<std::string, std::string> checkOptionsOf(const Options &Opts) {
  std::map<std::string, std::string> Set;
  if (!Opts.TargetPython.empty())
    for (const char *Check : {"pycapi-removed-api", "pycapi-removed-private-api"})
      Set[std::string(Check) + ".TargetPythonVersion"] = Opts.TargetPython;
  if (!Opts.MinPython.empty())
    Set["MinimumPythonVersion"] = Opts.MinPython;
  if (!Opts.CompatHeader.empty())
    Set["CompatHeader"] = Opts.CompatHeader;
  if (!Opts.ReleaseStrategy.empty())
    Set["pycapi-removed-buffer-api.ReleaseStrategy"] = Opts.ReleaseStrategy;
  return Set;
}

/// The folder that fixes may not leave and that reports name files
/// relative to: --root; else the Git work tree of the first input; else the
/// compile database's folder when every file is inside it; else the current
/// folder.
std::string projectRoot(const Options &Opts, const std::vector<std::string> &Files,
                        const std::string &DatabaseDir) {
  if (!Opts.Root.empty())
    return absolutePath(Opts.Root);
  llvm::StringRef First = !Opts.Inputs.empty() ? llvm::StringRef(Opts.Inputs.front())
                          : !Files.empty()     ? llvm::StringRef(Files.front())
                                               : llvm::StringRef(".");
  std::string Git = gitTopLevel(First);
  if (!Git.empty())
    return Git;
  if (!DatabaseDir.empty() &&
      llvm::all_of(Files, [&](const std::string &File) {
        return isInside(absolutePath(File), DatabaseDir);
      }))
    return DatabaseDir;
  return absolutePath(".");
}

/// The file whose configuration --dump-config shows.
std::string configProbe(const Options &Opts) {
  llvm::SmallString<256> Probe(Opts.Inputs.empty() ? "." : Opts.Inputs.front());
  if (llvm::sys::fs::is_directory(Probe))
    llvm::sys::path::append(Probe, "dummy.c");
  return absolutePath(Probe);
}

} // namespace

int run(const Options &Opts) {
  auto Started = std::chrono::steady_clock::now();

  RunSettings Settings;
  Settings.Checks = Opts.Checks;
  Settings.ExtraArgs = Opts.ExtraArgs;
  Settings.ExtraArgsBefore = Opts.ExtraArgsBefore;
  Settings.ConfigText = Opts.Config;
  Settings.CheckOptions = checkOptionsOf(Opts);
  // --limited-api-report turns pycapi-limited-api on in audit mode, over
  // whatever the configuration and --checks say.
  ::pycapi::PyVersion LimitedApiReport = 0;
  if (!Opts.LimitedApiReport.empty()) {
    LimitedApiReport = ::pycapi::parseLimitedApiTarget(Opts.LimitedApiReport);
    if (!LimitedApiReport) {
      error(fmt::format("--limited-api-report: invalid version '{}' (expected "
                        "e.g. 3.12 or 0x030C0000)",
                        Opts.LimitedApiReport));
      return InputError;
    }
    Settings.Checks += Settings.Checks.empty() ? "pycapi-limited-api"
                                               : ",pycapi-limited-api";
    Settings.CheckOptions["pycapi-limited-api.LimitedApiAudit"] =
        Opts.LimitedApiReport;
  }
  if (!Opts.ConfigFile.empty()) {
    auto Text = llvm::MemoryBuffer::getFile(Opts.ConfigFile);
    if (!Text) {
      error(fmt::format("cannot read config file '{}': {}", Opts.ConfigFile,
                        Text.getError().message()));
      return InputError;
    }
    Settings.ConfigText = (*Text)->getBuffer().str();
  }

  auto Provider = makeOptionsProvider(Settings);
  if (!Provider) {
    error(llvm::toString(Provider.takeError()));
    return InputError;
  }
  if (Opts.DumpConfig) {
    fmt::print("{}", effectiveConfig(**Provider, configProbe(Opts)));
    return Success;
  }
  std::vector<std::string> EnabledChecks =
      enabledChecks(std::move(*Provider));
  if (Opts.ListChecks) {
    fmt::print("Enabled checks:\n");
    for (const std::string &Name : EnabledChecks)
      fmt::print("    {}\n", Name);
    return Success;
  }
  if (Opts.Inputs.empty() && Opts.BuildPath.empty()) {
    error("no input files; run 'pycapi-migrate --help' for usage");
    return InputError;
  }

  // Translation units, and how each is compiled.
  auto Files = collectTranslationUnits(Opts.Inputs);
  if (!Files) {
    error(llvm::toString(Files.takeError()));
    return InputError;
  }
  bool NeedFallback = Opts.BuildPath.empty() && !Opts.HaveCompilerArgs;
  auto Database = loadDatabase(
      Opts.BuildPath, Opts.HaveCompilerArgs, Opts.CompilerArgs, *Files,
      [&]() -> llvm::Expected<std::vector<std::string>> {
        std::vector<std::string> Args;
        if (!NeedFallback)
          return Args;
        auto Dirs = pythonIncludeDirs(Opts.Python);
        if (!Dirs)
          return Dirs.takeError();
        for (const std::string &Dir : *Dirs)
          Args.push_back("-I" + Dir);
        return Args;
      });
  if (!Database) {
    error(llvm::toString(Database.takeError()));
    return InputError;
  }
  if (Opts.Inputs.empty()) { // -p alone: every file of the database
    *Files = Database->Database->getAllFiles();
    std::sort(Files->begin(), Files->end());
  }
  if (!Opts.Shard.empty()) {
    auto Shard = selectShard(*Files, Opts.Shard);
    if (!Shard) {
      error(llvm::toString(Shard.takeError()));
      return InputError;
    }
    *Files = std::move(*Shard);
  }
  // A file that the database lists but that is gone (a stale database) is
  // one error line (from the shard it falls in); the other files are still
  // checked and fixed, and the run ends with exit 2. Compiled, it would
  // give clang's "no such file" errors, which would hold back the fixes of
  // every other file.
  bool SkippedListedFiles = false;
  if (Opts.Inputs.empty())
    llvm::erase_if(*Files, [&](const std::string &File) {
      if (llvm::sys::fs::exists(File))
        return false;
      error(fmt::format("'{}', listed in '{}', does not exist; it was not "
                        "checked",
                        File, Database->File));
      SkippedListedFiles = true;
      return true;
    });
  std::string Root = projectRoot(Opts, *Files, Database->Directory);
  // What the checks need to know to place an edit that several units share
  // (see HostTool.h): the files --fix may write, as checked below, and that
  // identical fixes are merged (FixSet).
  HostTool Tool;
  Tool.MayEdit = [Root](llvm::StringRef Path) {
    llvm::sys::fs::file_status FileStatus;
    return isInside(Path, Root) &&
           (llvm::sys::fs::status(Path, FileStatus) ||
            (FileStatus.permissions() & llvm::sys::fs::owner_write));
  };
  Tool.MergesIdenticalEdits = true;
  setHostTool(std::move(Tool));

  // The checks, on -j threads.
  unsigned Jobs =
      Opts.Jobs ? Opts.Jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<UnitResult> Results;
  {
    Progress Shown(llvm::errs(), Files->size(),
                   !Opts.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
    Results = runInParallel(Settings, *Database->Database, *Files, Jobs,
                            [&](const std::string &File, bool Done) {
                              Shown.update(File, Done);
                            });
  }

  FixSet Fixes;
  std::vector<Finding> All = mergeFindings(Results, Fixes);
  unsigned Unexplained = unexplainedCompilerErrors(All);
  bool CompileFailed = Unexplained > 0;
  // Like clang-tidy, --fix-errors implies --fix.
  bool Fixing = Opts.Fix || Opts.FixErrors;
  bool ApplyFixes = Fixing && (!CompileFailed || Opts.FixErrors);

  Summary Totals;
  Totals.count(All);
  Totals.TranslationUnits = Files->size();
  Totals.Fixing = Fixing;

  int Status = SkippedListedFiles ? InputError : Success;
  auto Failed = [&](const std::string &Message) {
    error(Message);
    Status = InputError;
  };

  // Files that --fix may not write are known before anything is printed, so
  // that the report does not say their fixes were applied.
  if (ApplyFixes)
    for (const auto &FileAndFixes : Fixes.applicable()) {
      const std::string &Path = FileAndFixes.first;
      llvm::sys::fs::file_status FileStatus;
      if (!isInside(Path, Root)) {
        llvm::SmallString<256> Real;
        bool Link = !llvm::sys::fs::real_path(Path, Real) && Real != Path;
        Failed(fmt::format("'{}'{} is outside the project root '{}'; it was "
                           "not changed (see --root)",
                           Path,
                           Link ? fmt::format(" (a link to '{}')", Real.str())
                                : "",
                           Root));
        Fixes.refuse(Path);
      } else if (!llvm::sys::fs::status(Path, FileStatus) &&
                 !(FileStatus.permissions() & llvm::sys::fs::owner_write)) {
        Failed(fmt::format("'{}' is read-only; it was left as it was", Path));
        Fixes.refuse(Path);
      }
    }

  // New contents of every file that the fixes change (for --fix and --diff).
  std::map<std::string, std::string> NewContents;
  if (ApplyFixes || Opts.Diff) {
    auto Options = makeOptionsProvider(Settings);
    for (const auto &FileAndFixes : Fixes.applicable()) {
      const std::string &Path = FileAndFixes.first;
      std::string Style = "none";
      if (Options)
        if (auto FormatStyle = (*Options)->getOptions(Path).FormatStyle)
          Style = *FormatStyle;
      auto Contents = fixedContents(Path, FileAndFixes.second, Style);
      if (!Contents) {
        Failed(fmt::format("cannot apply fixes to '{}': {}", Path,
                           llvm::toString(Contents.takeError())));
        continue;
      }
      NewContents[Path] = std::move(*Contents);
    }
    if (!Options)
      llvm::consumeError(Options.takeError());
  }

  // Findings (or the diff) on stdout.
  if (Opts.Diff) {
    for (const auto &PathAndContents : NewContents) {
      auto Old = llvm::MemoryBuffer::getFile(PathAndContents.first);
      if (Old)
        writeUnifiedDiff(llvm::outs(),
                         relativeTo(Root, PathAndContents.first),
                         (*Old)->getBuffer(), PathAndContents.second);
    }
  } else if (Opts.Format == OutputFormat::Text) {
    DiagnosticReporter Reporter(llvm::outs(), useColor(Opts.Color),
                                ApplyFixes ? &Fixes : nullptr);
    for (const Finding &F : All)
      Reporter.report(F);
  }
  llvm::outs().flush();

  if (ApplyFixes) {
    for (const auto &PathAndContents : NewContents) {
      const std::string &Path = PathAndContents.first;
      if (auto Err = writeFileAtomically(Path, PathAndContents.second)) {
        Failed(llvm::toString(std::move(Err)));
        continue;
      }
      ++Totals.FilesChanged;
    }
  }
  if (Fixing || Opts.Diff)
    for (const std::string &File : Fixes.conflictingFiles())
      Failed(fmt::format("conflicting fixes for '{}' (the translation units "
                         "that include it disagree); none was applied to it",
                         File));

  if (!Opts.ExportFixes.empty()) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      Failed(fmt::format("cannot write '{}': {}", Opts.ExportFixes,
                         EC.message()));
    } else {
      std::vector<clang::tidy::ClangTidyError> Errors;
      // An edit that several findings make (the compat header's #include
      // that the fixes of several units need) is applied once by --fix
      // (FixSet); clang-apply-replacements would apply each copy of it that
      // one export holds, so it is exported with the first finding only.
      std::set<std::tuple<std::string, unsigned, unsigned, std::string>>
          Exported;
      for (const Finding &F : All) {
        clang::tidy::ClangTidyError Error = F.Absolute;
        for (auto &FileAndFixes : Error.Message.Fix) {
          clang::tooling::Replacements Kept;
          for (const clang::tooling::Replacement &R : FileAndFixes.second)
            if (Exported
                    .emplace(R.getFilePath().str(), R.getOffset(),
                             R.getLength(), R.getReplacementText().str())
                    .second)
              llvm::consumeError(Kept.add(R));
          FileAndFixes.second = std::move(Kept);
        }
        Errors.push_back(std::move(Error));
      }
      clang::tidy::exportReplacements("", Errors, OS);
    }
  }

  if (CompileFailed)
    Failed(Fixing && !Opts.FixErrors
               ? "compiler errors found; no fixes were applied (pass "
                 "--fix-errors to apply them anyway)"
               : "compiler errors found");

  for (const UnitResult &Unit : Results)
    if (Unit.Crashed) {
      error(fmt::format("internal error: clang crashed on '{}'; its findings "
                        "are missing (please report this)",
                        Unit.File));
      Status = InternalError;
    }

  Totals.Seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - Started)
                       .count();
  if (Opts.Format != OutputFormat::Text && !Opts.Diff) {
    ReportContext Context{Root, EnabledChecks, &Fixes, &Totals};
    if (Opts.Format == OutputFormat::Json)
      writeJson(llvm::outs(), All, Context);
    else
      writeSarif(llvm::outs(), All, Context);
    llvm::outs().flush();
  }
  if (LimitedApiReport) {
    std::vector<std::pair<std::string, std::string>> LimitedFindings;
    for (const Finding &F : All)
      if (F.Absolute.DiagnosticName == "pycapi-limited-api")
        LimitedFindings.emplace_back(F.Absolute.Message.FilePath,
                                     F.Absolute.Message.Message);
    // On stderr, before the summary: the report is about the findings above.
    fmt::print(stderr, "{}",
               ::pycapi::formatLimitedApiReport(LimitedApiReport,
                                                LimitedFindings));
  }
  if (!Opts.Quiet)
    fmt::print(stderr, "{}", Totals.text());
  if (Status == Success && Opts.CheckMode && Totals.Findings > 0)
    Status = Findings;
  return Status;
}

} // namespace pycapi::cli
