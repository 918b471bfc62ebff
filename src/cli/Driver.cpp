//===--- Driver.cpp - one run of pycapi-migrate, from options to exit code
//-===//
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
#include "LimitedApi.h"
#include "ParallelRunner.h"
#include "Progress.h"
#include "PythonConfig.h"
#include "ReportWriters.h"
#include "SourceText.h"
#include "Summary.h"
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
#include <cstdlib>
#include <fmt/core.h>
#include <functional>
#include <optional>
#include <set>
#include <thread>
#include <tuple>

namespace pycapi::cli {

void error(const std::string &Message) {
  fmt::print(stderr, "pycapi-migrate: error: {}\n", Message);
}

void warning(const std::string &Message) {
  fmt::print(stderr, "pycapi-migrate: warning: {}\n", Message);
}

void note(const std::string &Message) {
  fmt::print(stderr, "pycapi-migrate: note: {}\n", Message);
}

namespace {

/// --color; when it is "auto", NO_COLOR and then FORCE_COLOR (set and not
/// empty, as no-color.org and force-color.org say), then the terminal.
bool useColor(const std::string &Mode) {
  if (Mode == "always")
    return true;
  if (Mode == "never")
    return false;
  auto IsSet = [](const char *Name) {
    const char *Value = std::getenv(Name);
    return Value && *Value;
  };
  if (IsSet("NO_COLOR"))
    return false;
  if (IsSet("FORCE_COLOR"))
    return true;
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
std::string projectRoot(const Options &Opts,
                        const std::vector<std::string> &Files,
                        const std::string &DatabaseDir) {
  if (!Opts.Root.empty())
    return absolutePath(Opts.Root);
  llvm::StringRef First = !Opts.Inputs.empty()
                              ? llvm::StringRef(Opts.Inputs.front())
                          : !Files.empty() ? llvm::StringRef(Files.front())
                                           : llvm::StringRef(".");
  std::string Git = gitTopLevel(First);
  if (!Git.empty())
    return Git;
  if (!DatabaseDir.empty() && llvm::all_of(Files, [&](const std::string &File) {
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
                      const std::string &Root, unsigned &Written,
                      const std::function<void(const std::string &)> &Failed) {
  DeferSignals Deferred;
  auto Interrupted = [] { return DeferSignals::received() != 0; };
  FixWriter Writer(Quiet, Interrupted, Root);
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

/// One run, as the steps of the file comment, in order. Each step reads
/// what the steps before it left in the fields; one that ends the run
/// returns its exit code.
class Run {
public:
  explicit Run(const Options &Opts) : Opts(Opts) {}

  int exitCode() {
    if (auto Exit = readSettings())
      return *Exit;
    if (auto Exit = showConfiguration())
      return *Exit;
    if (auto Exit = collectUnits())
      return *Exit;
    setUpHostTool();
    checkUnits();
    mergeResults();
    decideWrites();
    makeTextReporter();
    if (auto Exit = applyFixes())
      return *Exit;
    printFindings();
    reportConflicts();
    if (Exporting)
      exportFixes();
    reportCompilerErrors();
    reportCrashes();
    writeStructuredReport();
    if (LimitedApiReport)
      writeLimitedApiReport();
    return finish();
  }

private:
  std::optional<int> readSettings();
  std::optional<int> showConfiguration();
  std::optional<int> collectUnits();
  void noteSkippedHeaders(const std::vector<std::string> &Headers) const;
  llvm::Expected<LoadedDatabase> loadUnitsDatabase();
  void dropMissingListedFiles();
  void setUpHostTool();
  void checkUnits();
  void mergeResults();
  void decideWrites();
  void makeTextReporter();
  std::optional<int> applyFixes();
  void readReportedFiles();
  void printFindings();
  void reportConflicts();
  void exportFixes();
  void reportCompilerErrors();
  std::string compileFlagsHint(llvm::StringRef File,
                               llvm::StringRef FirstError) const;
  void reportCrashes();
  void writeStructuredReport();
  void writeLimitedApiReport();
  int finish();

  /// One error line, and the run exits with 2.
  void failed(const std::string &Message) {
    error(shownPaths(Message));
    Status = InputError;
  }

  /// \p Message with the quoted paths inside the root named relative to it,
  /// as the reports name them: a run never mixes the two forms.
  std::string shownPaths(std::string Message) const {
    if (Root.empty())
      return Message;
    std::string Quoted = "'" + Root + "/";
    for (size_t At = Message.find(Quoted); At != std::string::npos;
         At = Message.find(Quoted, At + 1))
      Message.replace(At, Quoted.size(), "'");
    return Message;
  }

  const Options &Opts;
  std::chrono::steady_clock::time_point Started =
      std::chrono::steady_clock::now();
  RunSettings Settings;
  ::pycapi::PyVersion LimitedApiReport = 0;
  std::vector<std::string> EnabledChecks;
  std::vector<std::string> Files;
  LoadedDatabase Database;
  /// --python was asked for its include folders (some file needed them).
  bool AskedPython = false;
  std::string Root;
  std::vector<UnitResult> Results;
  FixSet Fixes;
  std::vector<Finding> All;
  ContentIds Read;
  bool CompileFailed = false;
  /// Like clang-tidy, --fix-errors implies --fix (but not with --diff, which
  /// writes nothing: it then shows what --fix-errors would write).
  bool Fixing = false;
  /// Per unit of Results: it has compiler errors that no finding explains.
  /// Unless --fix-errors, its fixes are held back (those of the others are
  /// not), and every output says so: no hunk, no export, "applicable": false.
  std::vector<bool> UnitFailed;
  bool ApplyFixes = false;
  bool Exporting = false;
  Summary Totals;
  int Status = Success;
  WritePlan Plan;
  std::optional<DiagnosticReporter> Reporter;
  SourceText Text;
};

/// Settings, the configuration file and the limited-report setup.
std::optional<int> Run::readSettings() {
  Settings.Checks = Opts.Checks;
  Settings.ExtraArgs = Opts.ExtraArgs;
  Settings.ExtraArgsBefore = Opts.ExtraArgsBefore;
  Settings.ConfigText = Opts.Config;
  Settings.CheckOptions = checkOptionsOf(Opts);
  // --limited-api-report turns pycapi-limited-api on in audit mode, over
  // whatever the configuration and --checks say.
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
    Settings
        .CheckOptions[localKey(catalog::LimitedApi, catalog::LimitedApiAudit)] =
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
  return std::nullopt;
}

/// --dump-config and --list-checks, which end the run; else the enabled
/// checks, and the inputs must name something.
std::optional<int> Run::showConfiguration() {
  auto Provider = makeOptionsProvider(Settings);
  if (!Provider) {
    error(llvm::toString(Provider.takeError()));
    return InputError;
  }
  if (Opts.DumpConfig) {
    fmt::print("{}", effectiveConfig(**Provider, configProbe(Opts)));
    return Success;
  }
  EnabledChecks = enabledChecks(std::move(*Provider));
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
  return std::nullopt;
}

/// Translation units, and how each is compiled; --shard; the project root.
std::optional<int> Run::collectUnits() {
  // --skip-headers: a header named as an input is not compiled alone.
  std::vector<std::string> Inputs, SkippedHeaders;
  for (const std::string &Input : Opts.Inputs) {
    if (Opts.SkipHeaders && isHeaderFile(Input) &&
        llvm::sys::fs::is_regular_file(Input))
      SkippedHeaders.push_back(Input);
    else
      Inputs.push_back(Input); // a missing one is an error below
  }
  if (!SkippedHeaders.empty() && Inputs.empty()) {
    // Only headers: nothing to compile, which is no mistake (a commit of a
    // header alone); the note says so, with --check too.
    Root = projectRoot(Opts, {}, "");
    noteSkippedHeaders(SkippedHeaders);
    return Success;
  }
  auto Collected = collectTranslationUnits(Inputs);
  if (!Collected) {
    error(llvm::toString(Collected.takeError()));
    return InputError;
  }
  Files = std::move(*Collected);
  // A run that checks nothing must not pass quietly.
  if (!Opts.Inputs.empty() && Files.empty()) {
    if (Opts.CheckMode) {
      error("no C or C++ files found (.c .cc .cpp .cxx) in the inputs");
      return InputError;
    }
    warning("no C or C++ files found (.c .cc .cpp .cxx) in the inputs");
    return Success;
  }
  auto Loaded = loadUnitsDatabase();
  if (!Loaded) {
    error(llvm::toString(Loaded.takeError()));
    return InputError;
  }
  Database = std::move(*Loaded);
  if (Opts.PythonGiven && !AskedPython)
    warning(fmt::format(
        "--python '{}' was not used: {}", Opts.Python,
        Opts.HaveCompilerArgs ? "the arguments after '--' replace it"
        : !Opts.BuildPath.empty()
            ? "-p gives every file its compile command"
            : fmt::format("'{}' gives every file its compile command",
                          Database.File)));
  if (Opts.Inputs.empty()) { // -p alone: every file of the database
    Files = Database.Database->getAllFiles();
    std::sort(Files.begin(), Files.end());
  }
  if (!Opts.Shard.empty()) {
    auto Shard = selectShard(Files, Opts.Shard);
    if (!Shard) {
      error(llvm::toString(Shard.takeError()));
      return InputError;
    }
    Files = std::move(*Shard);
  }
  Root = projectRoot(Opts, Files, Database.Directory);
  noteSkippedHeaders(SkippedHeaders);
  if (!Opts.Exclude.empty()) {
    auto Kept = withoutExcluded(std::move(Files), Opts.Exclude, Root);
    if (!Kept) {
      error(llvm::toString(Kept.takeError()));
      return InputError;
    }
    Files = std::move(*Kept);
  }
  dropMissingListedFiles();
  // An option value that no check takes stops the run before it starts.
  if (llvm::Error Invalid = checkOptionChoices(Settings, Files)) {
    error(llvm::toString(std::move(Invalid)));
    return InputError;
  }
  return std::nullopt;
}

/// One note for the headers that --skip-headers left out, named as the
/// reports name files.
void Run::noteSkippedHeaders(const std::vector<std::string> &Headers) const {
  if (Headers.empty())
    return;
  std::string Names;
  for (const std::string &Header : Headers)
    Names += (Names.empty() ? "'" : ", '") +
             relativeTo(Root, absolutePath(Header)) + "'";
  bool One = Headers.size() == 1;
  note(fmt::format("{} {} not checked on {} own (--skip-headers): {} findings "
                   "come through the sources that include {}",
                   One ? "header" : "headers", Names, One ? "its" : "their",
                   One ? "its" : "their", One ? "it" : "them"));
}

/// The compile commands (CompileDatabase.h), with --python asked for its
/// include folders only when some file has no other command.
llvm::Expected<LoadedDatabase> Run::loadUnitsDatabase() {
  bool NeedFallback = Opts.BuildPath.empty() && !Opts.HaveCompilerArgs;
  return loadDatabase(Opts.BuildPath, Opts.HaveCompilerArgs, Opts.CompilerArgs,
                      Files, [&]() -> llvm::Expected<std::vector<std::string>> {
                        std::vector<std::string> Args;
                        if (!NeedFallback)
                          return Args;
                        AskedPython = true;
                        auto Dirs = pythonIncludeDirs(Opts.Python);
                        if (!Dirs)
                          return Dirs.takeError();
                        for (const std::string &Dir : *Dirs)
                          Args.push_back("-I" + Dir);
                        return Args;
                      });
}

/// A file that the database lists but that is gone (a stale database) is
/// one error line (from the shard it falls in); the other files are still
/// checked and fixed, and the run ends with exit 2. Compiled, it would give
/// clang's "no such file" errors, which would hold back the fixes of every
/// other file.
void Run::dropMissingListedFiles() {
  if (!Opts.Inputs.empty())
    return;
  llvm::erase_if(Files, [&](const std::string &File) {
    if (llvm::sys::fs::exists(File))
      return false;
    failed(fmt::format("'{}', listed in '{}', does not exist; it was not "
                       "checked",
                       File, Database.File));
    return true;
  });
}

/// What the checks need to know to place an edit that several units share
/// (see HostTool.h): the files --fix may write (as WritePlan decides), and
/// that identical fixes are merged (FixSet).
void Run::setUpHostTool() {
  HostTool Tool;
  Tool.MayEdit = [Root = Root](llvm::StringRef Path) {
    llvm::sys::fs::file_status FileStatus;
    return isInside(Path, Root) &&
           (llvm::sys::fs::status(Path, FileStatus) ||
            (FileStatus.permissions() & llvm::sys::fs::owner_write));
  };
  Tool.MergesIdenticalEdits = true;
  Tool.NamesOptionsByFlag = true;
  setHostTool(std::move(Tool));
}

/// The checks, on -j threads.
void Run::checkUnits() {
  unsigned Jobs =
      Opts.Jobs ? Opts.Jobs : std::max(1u, std::thread::hardware_concurrency());
  {
    Progress Shown(llvm::errs(), Files.size(),
                   !Opts.Quiet && llvm::sys::Process::StandardErrIsDisplayed());
    Results = runInParallel(
        Settings, *Database.Database, Files, Jobs,
        [&](const std::string &File, bool Done) { Shown.update(File, Done); });
  }
  pauseForTest(PausePoint::AllChecked);
}

/// Each finding once, the fixes in one FixSet, what the units read, and
/// what the run does with the fixes.
void Run::mergeResults() {
  // A fix names the file it edits as the compile command reached it; one
  // that edits a symbolic link edits the link's target (WritePlan.h).
  std::map<std::string, std::string> Targets;
  auto FixTarget = [&](const std::string &Path) -> const std::string & {
    auto It = Targets.find(Path);
    if (It == Targets.end())
      It = Targets.emplace(Path, fileWrittenFor(Path, Root)).first;
    return It->second;
  };
  All = mergeFindings(Results, Fixes, FixTarget);
  for (const UnitResult &Unit : Results)
    for (const auto &PathAndId : Unit.Read)
      recordContent(Read, PathAndId.first, PathAndId.second);
  UnitFailed = unitsThatFailed(Results, All);
  CompileFailed = llvm::is_contained(UnitFailed, true);
  Fixing = (Opts.Fix || Opts.FixErrors) && !Opts.Diff;
  // One unit that does not compile holds back its own fixes, not those of
  // the others: a fix from a broken AST may be wrong, one from a unit that
  // compiled is not, even in a header that the broken unit includes too.
  if (CompileFailed && !Opts.FixErrors) {
    Fixes = FixSet();
    std::vector<bool> Kept;
    for (bool Failed : UnitFailed)
      Kept.push_back(!Failed);
    All = mergeFindings(Results, Fixes, FixTarget, Kept);
  }
  ApplyFixes = Fixing;
  Exporting = !Opts.ExportFixes.empty();

  Totals.count(All);
  for (const UnitResult &Unit : Results)
    Totals.Suppressed += Unit.Suppressed;
  Totals.TranslationUnits = Files.size();
  Totals.Fixing = Fixing;
}

/// Which files --fix writes, decided once for every output that says so
/// (only the text report without --fix says nothing about it). The modes
/// that write or describe writes (--fix, --diff, --export-fixes) name each
/// file left alone and exit with 2.
void Run::decideWrites() {
  if (!Fixing && !Opts.Diff && !Exporting && Opts.Format == OutputFormat::Text)
    return;
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
  if (ApplyFixes || Opts.Diff || Exporting)
    for (const Refusal &Refused : Plan.Refusals)
      failed(Refused.Message);
}

/// The text report, which says which fixes --fix applies.
void Run::makeTextReporter() {
  if (!Opts.Diff && Opts.Format == OutputFormat::Text)
    Reporter.emplace(llvm::outs(), useColor(Opts.Color),
                     Fixing ? &Fixes : nullptr, Root);
}

/// --fix's writes, after the files that the reports show are read. A
/// signal ends the run there, with no report: it would not say what was
/// written.
std::optional<int> Run::applyFixes() {
  if (!ApplyFixes)
    return std::nullopt;
  readReportedFiles();
  auto Failed = [&](const std::string &Message) { failed(Message); };
  int Signal = writePlannedFiles(Plan, Fixes, Opts.Quiet, Root,
                                 Totals.FilesChanged, Failed);
  if (!Signal)
    return std::nullopt;
  error(fmt::format("interrupted by {} while writing the fixes: {} of {} "
                    "{} written, the others were left as they were (run "
                    "pycapi-migrate again)",
                    signalName(Signal), Totals.FilesChanged, Plan.Writes.size(),
                    Plan.Writes.size() == 1 ? "file" : "files"));
  return 128 + Signal;
}

/// The reports name lines and show source as the checks read it: the files
/// are read before --fix rewrites them, the reports printed after, so that
/// they say what was written.
void Run::readReportedFiles() {
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
}

/// Findings (or the diff) on stdout.
void Run::printFindings() {
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
}

/// A file whose fixes conflict, unless it was refused for a better reason.
void Run::reportConflicts() {
  if (!Fixing && !Opts.Diff && !Exporting)
    return;
  std::set<std::string> Refused;
  for (const Refusal &R : Plan.Refusals)
    Refused.insert(R.Path);
  for (const std::string &File : Fixes.conflictingFiles())
    if (!Refused.count(File))
      failed(fmt::format("conflicting fixes for '{}' (the translation "
                         "units that include it disagree); none was "
                         "applied to it",
                         File));
}

/// --export-fixes, with clang-tidy's own exportReplacements.
void Run::exportFixes() {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Opts.ExportFixes, EC, llvm::sys::fs::OF_None);
  if (EC) {
    failed(
        fmt::format("cannot write '{}': {}", Opts.ExportFixes, EC.message()));
    return;
  }
  std::vector<clang::tidy::ClangTidyError> Errors;
  // An edit that several findings make (the compat header's #include
  // that the fixes of several units need) is applied once by --fix
  // (FixSet); clang-apply-replacements would apply each copy of it that
  // one export holds, so it is exported with the first finding only.
  // What --fix would not apply is not exported at all.
  std::set<std::tuple<std::string, unsigned, unsigned, std::string>> Exported;
  for (const Finding &F : All) {
    clang::tidy::ClangTidyError Error = F.Absolute;
    for (auto &FileAndFixes : Error.Message.Fix) {
      clang::tooling::Replacements Kept;
      for (const clang::tooling::Replacement &R : FileAndFixes.second)
        if (Fixes.willApply(R) &&
            Exported
                .emplace(R.getFilePath().str(), R.getOffset(), R.getLength(),
                         R.getReplacementText().str())
                .second)
          llvm::consumeError(Kept.add(R));
      FileAndFixes.second = std::move(Kept);
    }
    Errors.push_back(std::move(Error));
  }
  clang::tidy::exportReplacements("", Errors, OS);
}

/// One line per unit that did not compile, whatever the number of its
/// errors (clang printed them above).
void Run::reportCompilerErrors() {
  for (size_t I = 0; I < Results.size(); ++I) {
    if (!UnitFailed[I])
      continue;
    std::string Message =
        fmt::format("compiler errors found in '{}'",
                    relativeTo(Root, absolutePath(Results[I].File)));
    if (Fixing && !Opts.FixErrors)
      Message += "; its fixes were not applied (pass --fix-errors to apply "
                 "them anyway)";
    else if ((Opts.Diff || Exporting) && !Opts.FixErrors)
      Message += "; --fix would not apply its fixes, so none is shown (pass "
                 "--fix-errors to show them anyway)";
    if (const auto *First = firstUnexplainedError(Results[I], All))
      Message += compileFlagsHint(Results[I].File, First->Message.Message);
    failed(Message);
  }
}

/// What to do when a unit failed for want of the project's compiler flags:
/// \p FirstError is the first error that no finding explains in \p File.
/// Where the unit's command came from decides what to say: the arguments
/// after '--', the Python headers only (no database lists it), or a
/// database (stale, or guessing for a file it does not list).
std::string Run::compileFlagsHint(llvm::StringRef File,
                                  llvm::StringRef FirstError) const {
  bool MissingPython = FirstError.contains("'Python.h' file not found");
  if (Opts.HaveCompilerArgs && MissingPython)
    return "; the arguments after '--' replace the include folders that "
           "--python gives: add -I for Python's headers";
  bool MissingFlags = FirstError.contains("file not found") ||
                      FirstError.contains("unknown type name") ||
                      FirstError.contains("undeclared identifier") ||
                      FirstError.contains("implicit declaration");
  if (!MissingFlags || Opts.HaveCompilerArgs)
    return "";
  // --force: setuptools recompiles every file, and Bear records only the
  // compilers that run.
  const char *Record =
      "record the build's flags with 'bear -- python3 setup.py build_ext "
      "--force'";
  bool Listed = false;
  if (!Database.File.empty())
    for (const std::string &Path : Database.Database->getAllFiles())
      if (Path == absolutePath(File)) {
        Listed = true;
        break;
      }
  if (Database.File.empty())
    return "; without a compilation database it was compiled with Python's "
           "include folders only: record the build's flags with 'bear -- "
           "python3 setup.py build_ext' and pass -p DIR, or add the missing "
           "-I/-D with --extra-arg";
  // Only a missing header says clearly that the flags are wrong: with a
  // database's command, an undeclared name is more likely the code's.
  if (!FirstError.contains("file not found"))
    return "";
  if (Listed)
    return fmt::format("; its command comes from '{}', which may be out of "
                       "date: {} again, or add the missing -I/-D with "
                       "--extra-arg",
                       Database.File, Record);
  if (!Opts.BuildPath.empty())
    return fmt::format("; '{}' does not list it, so its command was guessed "
                       "from a file it lists: {} so that it lists the file, "
                       "or add the missing -I/-D with --extra-arg",
                       Database.File, Record);
  return fmt::format("; '{}' does not list it, so it was compiled with "
                     "Python's include folders only: {} so that it lists the "
                     "file, or add the missing -I/-D with --extra-arg",
                     Database.File, Record);
}

void Run::reportCrashes() {
  for (const UnitResult &Unit : Results)
    if (Unit.Crashed) {
      error(fmt::format("internal error: clang crashed on '{}'; its findings "
                        "are missing (please report this)",
                        relativeTo(Root, absolutePath(Unit.File))));
      Status = InternalError;
    }
}

/// --format json or sarif, on stdout.
void Run::writeStructuredReport() {
  Totals.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Started)
          .count();
  if (Opts.Format == OutputFormat::Text || Opts.Diff)
    return;
  CheckFindingIndex Recorded(Results);
  ReportContext Context{Root, EnabledChecks, &Fixes, &Totals, &Text, &Recorded};
  if (Opts.Format == OutputFormat::Json)
    writeJson(llvm::outs(), All, Context);
  else
    writeSarif(llvm::outs(), All, Context);
  llvm::outs().flush();
}

/// --limited-api-report: the data that pycapi-limited-api recorded for each
/// of its findings (CheckFindings.h), grouped; on stderr, before the
/// summary, for the report is about the findings above.
void Run::writeLimitedApiReport() {
  CheckFindingIndex Recorded(Results);
  std::vector<std::pair<std::string, ::pycapi::LimitedApiFinding>>
      LimitedFindings;
  for (const Finding &F : All)
    if (const ::pycapi::CheckFinding *Found = Recorded.find(F.Original))
      if (Found->Limited)
        LimitedFindings.emplace_back(
            relativeTo(Root, F.Absolute.Message.FilePath), *Found->Limited);
  fmt::print(
      stderr, "{}",
      ::pycapi::formatLimitedApiReport(LimitedApiReport, LimitedFindings));
}

/// The summary on stderr, and the exit code.
int Run::finish() {
  if (ApplyFixes)
    Totals.countFixed(All, Fixes);
  if (!Opts.Quiet)
    fmt::print(stderr, "{}", Totals.text());
  // After --fix, what is left to do: the findings it did not fix.
  unsigned Left = ApplyFixes ? Totals.Findings - Totals.Fixed : Totals.Findings;
  if (Status == Success && Opts.CheckMode && Left > 0)
    Status = Findings;
  return Status;
}

} // namespace

int run(const Options &Opts) { return Run(Opts).exitCode(); }

} // namespace pycapi::cli
