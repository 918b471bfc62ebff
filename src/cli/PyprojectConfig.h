//===--- PyprojectConfig.h - [tool.pycapi-migrate] in pyproject.toml
//-------===//
//
// A project's settings live with it: the nearest pyproject.toml above the
// first input (or the current folder) may hold a [tool.pycapi-migrate]
// table. Python's tomllib is not at hand in C++, so this reads the subset
// that the table needs: `key = value` lines, where a value is a string
// ("..." or '...'), an array of strings (over several lines too) or a
// boolean, with comments. Anything else in the table is a one-line error;
// the rest of the file is not read.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_PYPROJECTCONFIG_H
#define PYCAPI_CLI_PYPROJECTCONFIG_H

#include "Options.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <string>
#include <vector>

namespace pycapi::cli {

/// Reads [tool.pycapi-migrate] from the pyproject.toml that governs
/// \p Opts' first input into \p Opts, under what the command line gave:
/// `exclude` (array of strings; --exclude replaces it), and one key per
/// check-option flag of the catalog, named as the flag without its dashes
/// (`target-python`, `min-python`, `compat-header`, `release-strategy`,
/// ...), checked as the flag is. \p WasGiven says whether the command line
/// gave a flag.
llvm::Error
readPyproject(Options &Opts,
              const std::function<bool(llvm::StringRef Flag)> &WasGiven);

/// One `key = value` of a table.
struct TomlEntry {
  std::string Key;
  /// A string's text, a boolean's "true" or "false", or an array's strings.
  std::vector<std::string> Values;
  bool IsArray = false;
  unsigned Line = 0;
};

/// The entries of the table \p Table (e.g. "tool.pycapi-migrate") of the
/// TOML text \p Text; \p FileName names the file in errors
/// ("FILE:LINE: ...").
llvm::Expected<std::vector<TomlEntry>> parseTomlTable(llvm::StringRef Text,
                                                      llvm::StringRef Table,
                                                      llvm::StringRef FileName);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_PYPROJECTCONFIG_H
