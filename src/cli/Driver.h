//===--- Driver.h - one run of pycapi-migrate, from options to exit code
//---===//
#ifndef PYCAPI_CLI_DRIVER_H
#define PYCAPI_CLI_DRIVER_H

#include "Options.h"

namespace clang::tidy::pycapi {
struct CheckOption;
} // namespace clang::tidy::pycapi

namespace pycapi::cli {

/// Prints a one-line error on stderr ("pycapi-migrate: error: ...").
void error(const std::string &Message);
/// Prints a one-line warning on stderr ("pycapi-migrate: warning: ...").
void warning(const std::string &Message);

/// "" when \p Value is a Python version that the check option \p Option
/// takes, else what is wrong with it: "3.N", no newer than the newest
/// release whose removals the data tables list; for TargetPythonVersion
/// also no older than the oldest.
std::string checkPythonVersion(const clang::tidy::pycapi::CheckOption &Option,
                               const std::string &Value);

/// Runs what \p Opts asks for and returns the exit code.
int run(const Options &Opts);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_DRIVER_H
