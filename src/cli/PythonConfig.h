//===--- PythonConfig.h - ask a Python for its include directories
//---------===//
#ifndef PYCAPI_CLI_PYTHONCONFIG_H
#define PYCAPI_CLI_PYTHONCONFIG_H

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace pycapi::cli {

/// Runs \p Python (a name on PATH or a path) and returns sysconfig's
/// "include" and "platinclude" directories, without duplicates.
llvm::Expected<std::vector<std::string>>
pythonIncludeDirs(const std::string &Python);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_PYTHONCONFIG_H
