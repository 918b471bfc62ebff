//===--- main.cpp - the pycapi-migrate command line
//------------------------===//
//
//   pycapi-migrate [options] [FILE|DIR]... [-- compiler args]
//
// This file declares the options (one block per group, so adding an option
// is a local change) and hands them to Driver.cpp. Exit codes (Options.h):
// 0 success; 1 findings with --check; 2 usage or input error; 3 internal
// error.
//
//===----------------------------------------------------------------------===//
#include "CheckCatalog.h"
#include "Driver.h"
#include "InstallLayout.h"
#include "LLVMCompat.h"
#include "Options.h"
#include "PyprojectConfig.h"
#include "RemovedApi.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <fmt/core.h>
#include <set>

using namespace pycapi::cli;
using namespace clang::tidy::pycapi;

namespace {

std::string versionText() {
  return fmt::format("pycapi-migrate {} (LLVM {})", PYCAPI_VERSION,
                     LLVM_VERSION_STRING);
}

const char Usage[] =
    "Usage: pycapi-migrate [options] [FILE|DIR]... [-- compiler args]";

/// CLI11's help, with our usage line in place of its own.
class HelpFormatter : public CLI::Formatter {
public:
  std::string make_usage(const CLI::App *, std::string) const override {
    return std::string(Usage) + "\n";
  }
};

/// The releases whose removals the data tables list as made (released, or
/// made in the release in development; data/, `removed_in`), oldest and
/// newest; and the newest release that a planned (announced, not yet made)
/// removal names. Computed from the tables, so that new data moves them.
struct KnownReleases {
  ::pycapi::PyVersion Oldest = 0, Newest = 0, NewestPlanned = 0;
};

const KnownReleases &knownReleases() {
  static const KnownReleases Known = [] {
    KnownReleases K;
    for (const ::pycapi::RemovedApi &Api : ::pycapi::allRemovedApis()) {
      if (Api.Planned) {
        K.NewestPlanned = std::max(K.NewestPlanned, Api.RemovedIn);
        continue;
      }
      K.Oldest = K.Oldest ? std::min(K.Oldest, Api.RemovedIn) : Api.RemovedIn;
      K.Newest = std::max(K.Newest, Api.RemovedIn);
    }
    return K;
  }();
  return Known;
}

/// "3.13 to 3.16": the targets --target-python takes.
std::string knownTargetRange() {
  return fmt::format("{} to {}",
                     ::pycapi::formatPyVersion(knownReleases().Oldest),
                     ::pycapi::formatPyVersion(knownReleases().Newest));
}

} // namespace

namespace pycapi::cli {
std::string checkPythonVersion(const CheckOption &Option,
                               const std::string &Value) {
  llvm::StringRef Major, Minor;
  std::tie(Major, Minor) = llvm::StringRef(Value).split('.');
  unsigned M = 0, N = 0;
  if (Major.getAsInteger(10, M) || Minor.getAsInteger(10, N) || M != 3)
    return "expected a Python version such as 3.13, got '" + Value + "'";
  ::pycapi::PyVersion Version = M * 100 + N;
  const KnownReleases &Known = knownReleases();
  // A target outside the releases the tables know would report nothing
  // more (a newer one) or nothing at all (an older one), silently. A
  // removal CPython has only announced is not a release to migrate to yet;
  // the check option still reaches it (docs/user-guide.md, Options).
  if (&Option == &catalog::TargetPythonVersion &&
      (Version < Known.Oldest || Version > Known.Newest)) {
    std::string Message =
        fmt::format("Python {} is not a release that the data tables list "
                    "removals for; use {}",
                    Value, knownTargetRange());
    if (Version > Known.Newest && Known.NewestPlanned > Known.Newest)
      Message += fmt::format(" (the removals announced for up to {} need the "
                             "check option {})",
                             ::pycapi::formatPyVersion(Known.NewestPlanned),
                             Option.Key.str());
    return Message;
  }
  if (Version > Known.Newest)
    return fmt::format("Python {} is not a release that the data tables list "
                       "removals for; the newest is {}",
                       Value, ::pycapi::formatPyVersion(Known.Newest));
  return "";
}
} // namespace pycapi::cli

namespace {

void addInputOptions(CLI::App &App, Options &Opts) {
  App.add_option("inputs", Opts.Inputs,
                 "Source files, and folders to search for .c .cc .cpp .cxx")
      ->type_name("FILE|DIR");
  App.add_option("-p,--build-path", Opts.BuildPath,
                 "Folder that holds compile_commands.json; without inputs, "
                 "every file it lists")
      ->type_name("DIR");
  App.add_option("--python", Opts.Python,
                 "Python whose headers to use for files that no compilation "
                 "database lists, when there is no '--' (the arguments after "
                 "'--' replace its include folders)")
      ->type_name("PYTHON")
      ->capture_default_str();
  // One value per occurrence: a vector option would otherwise swallow the
  // file names that follow it.
  App.add_option("--extra-arg", Opts.ExtraArgs,
                 "Add an argument to the end of each compile command "
                 "(repeatable)")
      ->type_name("ARG")
      ->allow_extra_args(false);
  App.add_option("--extra-arg-before", Opts.ExtraArgsBefore,
                 "Add an argument to the start of each compile command "
                 "(repeatable)")
      ->type_name("ARG")
      ->allow_extra_args(false);
  App.add_option("--exclude", Opts.Exclude,
                 "Leave out the files whose path relative to the root, or "
                 "one of its folders, matches GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  App.add_flag("--skip-headers", Opts.SkipHeaders,
               "Do not compile the headers among the inputs (.h .hh .hpp "
               ".hxx) on their own: a note names them; their findings come "
               "through the sources that include them (the pre-commit hook "
               "passes it)");
  App.add_option("--root", Opts.Root,
                 "Project root: fixes never leave it, reports name files "
                 "relative to it (default: the Git work tree of the first "
                 "input, else the database's folder, else '.')")
      ->type_name("DIR");
}

/// One flag per option of the check catalog that has one (an option that
/// several checks read is one flag, which sets it for each of them).
void addCheckOptionFlags(CLI::App &App, Options &Opts) {
  std::set<llvm::StringRef> Seen;
  for (const CheckInfo *Check : catalog::AllChecks)
    for (const CheckOption *Option : Check->Options) {
      if (Option->Flag.empty() || !Seen.insert(Option->Flag).second)
        continue;
      std::vector<std::string> Keys = flagKeys(*Option);
      std::string Help = Option->Help.str();
      if (Option == &catalog::TargetPythonVersion)
        Help += fmt::format(", {}", knownTargetRange());
      Help += fmt::format(" (check option {})",
                          Keys.size() == 1 ? Keys.front() : Option->Key.str());
      std::string Flag = Option->Flag.str();
      CLI::Option *Added = App.add_option_function<std::string>(
          Flag,
          [&Opts, Flag](const std::string &Value) {
            Opts.CheckOptionFlags[Flag] = Value;
          },
          Help);
      if (!Option->Default.empty())
        Added->default_str(Option->Default.str());
      switch (Option->Kind) {
      case OptionKind::PythonVersion:
        // "3.N", a release that the data tables know (checkPythonVersion).
        Added->check(CLI::Validator(
            [Option](std::string &Value) {
              return checkPythonVersion(*Option, Value);
            },
            "3.N"));
        break;
      case OptionKind::Choice:
        Added->check(CLI::IsMember(std::vector<std::string>(
            Option->Choices.begin(), Option->Choices.end())));
        break;
      case OptionKind::Text:
      case OptionKind::Boolean:
        Added->type_name(Option->ValueName.str());
        break;
      }
    }
}

void addConfigOptions(CLI::App &App, Options &Opts) {
  App.add_option("--checks", Opts.Checks,
                 fmt::format("Check glob added to '{}', e.g. '-{}'",
                             AllChecksGlob.str(),
                             catalog::LimitedApi.Name.str()))
      ->type_name("GLOB");
  App.add_option("--config", Opts.Config,
                 "Configuration in YAML/JSON, as clang-tidy's --config")
      ->type_name("YAML");
  App.add_option("--config-file", Opts.ConfigFile,
                 "Read the configuration from this file")
      ->type_name("FILE")
      ->excludes("--config");
  addCheckOptionFlags(App, Opts);
  App.add_option("--limited-api-report", Opts.LimitedApiReport,
                 fmt::format("Report, per file and in total, the uses that "
                             "keep the code from the Limited API of this "
                             "version (e.g. 3.12); enables {} in audit mode",
                             catalog::LimitedApi.Name.str()))
      ->type_name("VERSION");
  App.add_flag(
      "--dump-config", Opts.DumpConfig,
      "Print the configuration in effect for the first input and exit");
  App.add_flag("--list-checks", Opts.ListChecks,
               "List the enabled checks and exit");
}

void addModeOptions(CLI::App &App, Options &Opts) {
  auto *Fix = App.add_flag("--fix", Opts.Fix, "Apply the fixes to the files");
  // --fix-errors implies --fix, except with --diff: then the diff shows what
  // --fix-errors would write, so that it can be reviewed first.
  App.add_flag("--fix-errors", Opts.FixErrors,
               "Apply fixes even when the code has compiler errors (with "
               "--diff: show them)");
  App.add_flag("--diff", Opts.Diff,
               "Print the fixes as a unified diff; write nothing")
      ->excludes(Fix);
  App.add_flag("--check", Opts.CheckMode,
               "Exit with 1 when there are findings");
  App.add_option("--export-fixes", Opts.ExportFixes,
                 "Write the fixes to FILE as YAML for clang-apply-replacements")
      ->type_name("FILE");
}

void addRunOptions(CLI::App &App, Options &Opts) {
  App.add_option("-j,--jobs", Opts.Jobs,
                 "Translation units checked at once (default: one per core)")
      ->type_name("N");
  App.add_option("--shard", Opts.Shard,
                 "Check only the K-th of N parts of the sorted file list")
      ->type_name("K/N");
  App.add_option("--format", Opts.FormatName, "Report format on stdout")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  App.add_option("--color", Opts.Color, "Colour the text report")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  App.add_flag("-q,--quiet", Opts.Quiet, "Print no progress and no summary");
}

/// The user guide: at the docs' web address when there is one (docsUrl);
/// else installed with the tool (docsRoot(): share/doc/pycapi-migrate as the
/// package lays it out), or in the source tree it was built from.
std::string guidePath() {
  std::string Url = docsPageUrl("docs/user-guide.md");
  if (!Url.empty())
    return Url;
  llvm::SmallString<256> Guide(docsRoot());
  llvm::sys::path::append(Guide, "docs", "user-guide.md");
  return std::string(Guide.str());
}

/// True for what looks like a compiler flag: it belongs after "--".
bool isCompilerFlag(llvm::StringRef Arg) {
  for (llvm::StringRef Prefix :
       {"-I", "-D", "-U", "-W", "-f", "-m", "-O", "-std=", "-isystem",
        "-include", "-iquote", "-x"})
    if (pycapi::compat::startsWith(Arg, Prefix) &&
        !pycapi::compat::startsWith(Arg, "--"))
      return true;
  return false;
}

/// The error for an option that is not ours: a compiler flag belongs after
/// "--"; else the nearest option, when one is near.
std::string unknownOptionMessage(const CLI::App &App, llvm::StringRef Arg) {
  if (isCompilerFlag(Arg))
    return fmt::format("unknown option '{}'; compiler arguments go after "
                       "'--', as in 'pycapi-migrate [options] FILE... -- {}'",
                       Arg.str(), Arg.str());
  llvm::StringRef Name = Arg.split('=').first;
  std::string Nearest;
  unsigned Best = 3; // further than this is no suggestion
  for (const CLI::Option *Option : App.get_options())
    for (const std::string &Long : Option->get_lnames()) {
      std::string Candidate = "--" + Long;
      unsigned Distance = Name.edit_distance(Candidate, true, Best);
      if (Distance < Best) {
        Best = Distance;
        Nearest = Candidate;
      }
    }
  std::string Message = fmt::format("unknown option '{}'", Arg.str());
  if (!Nearest.empty())
    return Message + fmt::format("; did you mean '{}'?", Nearest);
  return Message + "; run 'pycapi-migrate --help' for the options";
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM InitLLVM(argc, argv);
  // A crash of clang or of a check on one translation unit becomes an
  // internal error for that unit (exit 3), not the end of the whole run.
  llvm::CrashRecoveryContext::Enable();
  Options Opts;

  // Everything after the first "--" is compiler arguments, as with clang-tidy.
  std::vector<char *> ToolArgs;
  for (int I = 0; I < argc; ++I) {
    if (I > 0 && llvm::StringRef(argv[I]) == "--" && !Opts.HaveCompilerArgs) {
      Opts.HaveCompilerArgs = true;
      continue;
    }
    if (Opts.HaveCompilerArgs)
      Opts.CompilerArgs.push_back(argv[I]);
    else
      ToolArgs.push_back(argv[I]);
  }

  CLI::App App{"Finds uses of C APIs that CPython removed and rewrites them.",
               "pycapi-migrate"};
  App.formatter(std::make_shared<HelpFormatter>());
  App.footer(fmt::format(
      "Exit codes: 0 success; 1 findings with --check; 2 usage or input "
      "error; 3 internal error.\n"
      "Guide: {}, 'The pycapi-migrate command line'.",
      guidePath()));
  App.set_version_flag("--version", versionText());
  addInputOptions(App, Opts);
  addConfigOptions(App, Opts);
  addModeOptions(App, Opts);
  addRunOptions(App, Opts);

  try {
    App.parse(static_cast<int>(ToolArgs.size()), ToolArgs.data());
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ExtrasError &) {
    for (const std::string &Extra : App.remaining())
      if (pycapi::compat::startsWith(Extra, "-")) {
        error(unknownOptionMessage(App, Extra));
        return InputError;
      }
    error(fmt::format("unexpected argument '{}'",
                      App.remaining().empty() ? "" : App.remaining().front()));
    return InputError;
  } catch (const CLI::ParseError &E) {
    // One line, as every other usage error: CLI11's own report adds a
    // second ("Run with --help for more information.").
    error(E.what());
    return InputError;
  }
  Opts.PythonGiven = App.count("--python") > 0;
  // The project's own settings, under the command line's.
  if (llvm::Error Err = readPyproject(Opts, [&](llvm::StringRef Flag) {
        return App.count(Flag.str()) > 0;
      })) {
    error(llvm::toString(std::move(Err)));
    return InputError;
  }

  Opts.Format = Opts.FormatName == "json"    ? OutputFormat::Json
                : Opts.FormatName == "sarif" ? OutputFormat::Sarif
                                             : OutputFormat::Text;
  int Code;
  try {
    Code = run(Opts);
  } catch (const std::exception &E) {
    error(fmt::format("internal error: {}", E.what()));
    Code = InternalError;
  }
  if (Code == InternalError) {
    // A unit that crashed left objects behind (timers that LLVM's shutdown
    // would walk, on a stack that is gone): leave without running it.
    llvm::outs().flush();
    llvm::errs().flush();
    std::fflush(nullptr);
    std::_Exit(Code);
  }
  return Code;
}
