//===--- Options.h - what the command line asked for
//-----------------------===//
#ifndef PYCAPI_CLI_OPTIONS_H
#define PYCAPI_CLI_OPTIONS_H

#include <map>
#include <string>
#include <vector>

namespace pycapi::cli {

enum ExitCode { Success = 0, Findings = 1, InputError = 2, InternalError = 3 };

enum class OutputFormat { Text, Json, Sarif };

/// Every option of pycapi-migrate, as parsed. main.cpp declares them to CLI11;
/// Driver.cpp acts on them.
struct Options {
  // Input.
  std::vector<std::string> Inputs;
  std::string BuildPath;
  std::string Python = "python3";
  /// --python was on the command line (not its default).
  bool PythonGiven = false;
  std::string Root;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// --exclude GLOB: translation units left out (repeatable).
  std::vector<std::string> Exclude;
  /// --skip-headers: headers among the inputs are named in a note, not
  /// compiled on their own.
  bool SkipHeaders = false;
  bool HaveCompilerArgs = false;
  std::vector<std::string> CompilerArgs;

  // Configuration.
  std::string Checks;
  std::string Config;
  std::string ConfigFile;
  /// The values of the flags that set check options (--target-python and
  /// the others of the check catalog, CheckCatalog.h), by flag; a flag not
  /// given has no entry.
  std::map<std::string, std::string> CheckOptionFlags;
  /// --limited-api-report VERSION: audit against that Limited API.
  std::string LimitedApiReport;

  // Modes.
  bool Fix = false;
  bool FixErrors = false;
  bool Diff = false;
  bool CheckMode = false;
  bool ListChecks = false;
  bool DumpConfig = false;
  std::string ExportFixes;

  // Runs and output.
  unsigned Jobs = 0; // 0: one per core
  std::string Shard; // "K/N", empty for all
  std::string FormatName = "text";
  OutputFormat Format = OutputFormat::Text; // from FormatName
  std::string Color = "auto";
  bool Quiet = false;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_OPTIONS_H
