//===--- Driver.h - one run of pycapi-migrate, from options to exit code
//---===//
#ifndef PYCAPI_CLI_DRIVER_H
#define PYCAPI_CLI_DRIVER_H

#include "Options.h"

namespace pycapi::cli {

/// Prints a one-line error on stderr ("pycapi-migrate: error: ...").
void error(const std::string &Message);

/// Runs what \p Opts asks for and returns the exit code.
int run(const Options &Opts);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_DRIVER_H
