//===--- Driver.cpp - one run of pycapi-migrate, from options to exit code -===//
//
//   inputs ─▶ translation units (FileCollector) ─▶ compile commands
//   (CompileDatabase) ─▶ checks on -j threads (ParallelRunner) ─▶ findings,
//   each once (Findings) ─▶ fixes merged per file (FixSet) ─▶ which files
//   --fix writes (WritePlan) ─▶ --fix (FixWriter) ─▶ text, JSON or SARIF;
//   --diff, --export-fixes ─▶ summary and exit code
//
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "CheckCatalog.h"
#include "CompileDatabase.h"
#include "DiagnosticReporter.h"
#include "DiffWriter.h"
#include "FileCollector.h"
#include "Findings.h"
#include "FixWriter.h"
#include "HostTool.h"
#include "Interrupts.h"
#include "ParallelRunner.h"
#include "Progress.h"
#include "PythonConfig.h"
#include "ReportWriters.h"
#include "SourceText.h"
#include "Summary.h"
#include "LimitedApi.h"
#include "TestHooks.h"
#include "TidyRunner.h"
#include "WritePlan.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <functional>
#include <optional>
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

/// The options that the command line sets for the checks, under the keys of
/// the check catalog. Options the checks read with getLocalOrGlobal are set
/// globally (no check prefix), so that every check that reads them sees them.
std::map<std::string, std::string> checkOptionsOf(const Options &Opts) {
  using namespace clang::tidy::pycapi;
  std::map<std::string, std::string> Set;
  for (const auto &FlagAndValue : Opts.CheckOptionFlags)
    if (const CheckOption *Option = findFlagOption(FlagAndValue.first))
      if (!FlagAndValue.second.empty())
        for (const std::string &Key : flagKeys(*Option))
          Set[Key] = FlagAndValue.second;
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

/// --fix's write phase: the planned files in turn (FixWriter), with SIGINT,
/// SIGTERM and SIGHUP deferred (Interrupts.h), so that a signal lets the
/// file being written be finished and stops before the next. A file found
/// changed or unwritable is \p Failed and taken out of \p Fixes. Counts the
/// files written in \p Written; returns the signal that stopped it, or 0.
int writePlannedFiles(const WritePlan &Plan, FixSet &Fixes, bool Quiet,
                      unsigned &Written,
                      const std::function<void(const std::string &)> &Failed) {
  DeferSignals Deferred;
  auto Interrupted = [] { return DeferSignals::received() != 0; };
  FixWriter Writer(Quiet, Interrupted);
  pauseForTest(PausePoint::Planned, Interrupted);
  for (const PlannedWrite &File : Plan.Writes) {
    if (Interrupted())
      break;
    WriteResult Result = Writer.write(File);
    if (Result.Kind == WriteResult::Written) {
      ++Written;
    } else if (Result.Kind == WriteResult::Refused) {
      Failed(Result.Message);
      Fixes.refuse(File.Path);
    }
  }
  return DeferSignals::received();
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
    using namespace clang::tidy::pycapi;
    Settings.Checks +=
        (Settings.Checks.empty() ? "" : ",") + catalog::LimitedApi.Name.str();
    Settings.CheckOptions[localKey(catalog::LimitedApi,
                                   catalog::LimitedApiAudit)] =
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
  // An option value that no check takes stops the run before it starts.
  if (llvm::Error Invalid = checkOptionChoices(Settings, *Files)) {
    error(llvm::toString(std::move(Invalid)));
    return InputError;
  }
  std::string Root = projectRoot(Opts, *Files, Database->Directory);
  // What the checks need to know to place an edit that several units share
  // (see HostTool.h): the files --fix may write (as WritePlan decides), and
  // that identical fixes are merged (FixSet).
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

  pauseForTest(PausePoint::AllChecked);

  // A fix names the file it edits as the compile command reached it; one
  // that edits a symbolic link edits the link's target (WritePlan.h).
  std::map<std::string, std::string> Targets;
  auto FixTarget = [&](const std::string &Path) -> const std::string & {
    auto It = Targets.find(Path);
    if (It == Targets.end())
      It = Targets.emplace(Path, fileWrittenFor(Path, Root)).first;
    return It->second;
  };
  FixSet Fixes;
  std::vector<Finding> All = mergeFindings(Results, Fixes, FixTarget);
  ContentIds Read;
  for (const UnitResult &Unit : Results)
    for (const auto &PathAndId : Unit.Read)
      recordContent(Read, PathAndId.first, PathAndId.second);
  unsigned Unexplained = unexplainedCompilerErrors(All);
  bool CompileFailed = Unexplained > 0;
  // Like clang-tidy, --fix-errors implies --fix (but not with --diff, which
  // writes nothing: it then shows what --fix-errors would write).
  bool Fixing = (Opts.Fix || Opts.FixErrors) && !Opts.Diff;
  // Compiler errors that no finding explains hold every fix back, unless
  // --fix-errors: what --fix would then write is nothing.
  bool FixesHeldBack = CompileFailed && !Opts.FixErrors;
  bool ApplyFixes = Fixing && !FixesHeldBack;
  bool Exporting = !Opts.ExportFixes.empty();

  Summary Totals;
  Totals.count(All);
  Totals.TranslationUnits = Files->size();
  Totals.Fixing = Fixing;

  int Status = SkippedListedFiles ? InputError : Success;
  auto Failed = [&](const std::string &Message) {
    error(Message);
    Status = InputError;
  };

  // Which files --fix writes, decided once for every output that says so
  // (only the text report without --fix says nothing about it). The modes
  // that write or describe writes (--fix, --diff, --export-fixes) name each
  // file left alone and exit with 2.
  WritePlan Plan;
  if (Fixing || Opts.Diff || Exporting || Opts.Format != OutputFormat::Text) {
    auto Options = makeOptionsProvider(Settings);
    auto StyleOf = [&](llvm::StringRef Path) -> std::string {
      if (Options)
        if (auto FormatStyle = (*Options)->getOptions(Path).FormatStyle)
          return *FormatStyle;
      return "none";
    };
    Plan = planWrites(Fixes, Read, Root, StyleOf,
                      /*WithContents=*/ApplyFixes || Opts.Diff);
    if (!Options)
      llvm::consumeError(Options.takeError());
    // Every output then says so: no hunk, no export, "applicable": false.
    if (FixesHeldBack) {
      for (const PlannedWrite &Write : Plan.Writes)
        Fixes.refuse(Write.Path);
      Plan.Writes.clear();
    }
    if (ApplyFixes || Opts.Diff || Exporting)
      for (const Refusal &Refused : Plan.Refusals)
        Failed(Refused.Message);
  }

  // The reports name lines and show source as the checks read it: the files
  // are read before --fix rewrites them, the reports printed after, so that
  // they say what was written.
  std::optional<DiagnosticReporter> Reporter;
  if (!Opts.Diff && Opts.Format == OutputFormat::Text)
    Reporter.emplace(llvm::outs(), useColor(Opts.Color),
                     Fixing ? &Fixes : nullptr);
  SourceText Text;
  if (ApplyFixes)
    for (const Finding &F : All) {
      if (Reporter) {
        Reporter->readFiles(F);
        continue;
      }
      auto ReadMessage = [&](const clang::tooling::DiagnosticMessage &M) {
        Text.read(M.FilePath);
        for (const auto &FileAndFixes : M.Fix)
          Text.read(FileAndFixes.first());
      };
      ReadMessage(F.Absolute.Message);
      for (const auto &Note : F.Absolute.Notes)
        ReadMessage(Note);
    }

  if (ApplyFixes)
    if (int Signal = writePlannedFiles(Plan, Fixes, Opts.Quiet,
                                       Totals.FilesChanged, Failed)) {
      error(fmt::format("interrupted by {} while writing the fixes: {} of {} "
                        "{} written, the others were left as they were (run "
                        "pycapi-migrate again)",
                        signalName(Signal), Totals.FilesChanged,
                        Plan.Writes.size(),
                        Plan.Writes.size() == 1 ? "file" : "files"));
      return 128 + Signal; // no report: it would not say what was written
    }

  // Findings (or the diff) on stdout.
  if (Opts.Diff) {
    for (const PlannedWrite &File : Plan.Writes)
      writeUnifiedDiff(llvm::outs(), relativeTo(Root, File.Path), File.Original,
                       File.Fixed);
  } else if (Reporter) {
    for (const Finding &F : All)
      Reporter->report(F);
    Reporter.reset();
  }
  llvm::outs().flush();

  std::set<std::string> Refused;
  for (const Refusal &R : Plan.Refusals)
    Refused.insert(R.Path);
  if (Fixing || Opts.Diff || Exporting)
    for (const std::string &File : Fixes.conflictingFiles())
      if (!Refused.count(File))
        Failed(fmt::format("conflicting fixes for '{}' (the translation "
                           "units that include it disagree); none was "
                           "applied to it",
                           File));

  if (Exporting) {
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
      // What --fix would not apply is not exported at all.
      std::set<std::tuple<std::string, unsigned, unsigned, std::string>>
          Exported;
      for (const Finding &F : All) {
        clang::tidy::ClangTidyError Error = F.Absolute;
        for (auto &FileAndFixes : Error.Message.Fix) {
          clang::tooling::Replacements Kept;
          for (const clang::tooling::Replacement &R : FileAndFixes.second)
            if (Fixes.willApply(R) &&
                Exported
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
    Failed(!FixesHeldBack ? "compiler errors found"
           : Fixing       ? "compiler errors found; no fixes were applied (pass "
                            "--fix-errors to apply them anyway)"
           : Opts.Diff || Exporting
               ? "compiler errors found; --fix would apply no fixes, so none "
                 "is shown (pass --fix-errors to show them anyway)"
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
    ReportContext Context{Root, EnabledChecks, &Fixes, &Totals, &Text};
    if (Opts.Format == OutputFormat::Json)
      writeJson(llvm::outs(), All, Context);
    else
      writeSarif(llvm::outs(), All, Context);
    llvm::outs().flush();
  }
  if (LimitedApiReport) {
    // The check recorded each finding as data; its diagnostic says which.
    std::vector<std::pair<std::string, ::pycapi::LimitedApiFinding>>
        LimitedFindings;
    for (const Finding &F : All) {
      ::pycapi::LimitedApiFinding Limited;
      if (F.Absolute.DiagnosticName ==
              clang::tidy::pycapi::catalog::LimitedApi.Name &&
          ::pycapi::recordedLimitedApiFinding(F.Absolute.Message.Message,
                                              Limited))
        LimitedFindings.emplace_back(F.Absolute.Message.FilePath,
                                     std::move(Limited));
    }
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
