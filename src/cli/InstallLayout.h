//===--- InstallLayout.h - where an installed pycapi-migrate finds its files
//===//
//
// The tool runs from a build tree or installed (cmake --install, the .deb).
// Installed, the source tree it was built from may be gone, so what it
// refers to at run time is found relative to the executable.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_INSTALLLAYOUT_H
#define PYCAPI_CLI_INSTALLLAYOUT_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace pycapi::cli {

/// The folder that holds README.md and docs/ (the check pages are
/// docs/checks/NAME.md under it): the installed documentation folder
/// (<prefix>/share/doc/pycapi-migrate) when this executable is the installed
/// one, else the source tree it was built from.
const std::string &docsRoot();

/// The web address of the same folder, ending in '/', for links that are
/// followed on other machines (SARIF's helpUri): the environment variable
/// PYCAPI_DOCS_URL when it is set, else the build's PYCAPI_DOCS_URL (CMake);
/// empty when neither is set. A value that is not an http:// or https://
/// address is left out, with a warning the first time it is asked for.
const std::string &docsUrl();

/// \p Page ("docs/checks/removed-api.md") under docsUrl(), or "" without
/// one.
std::string docsPageUrl(llvm::StringRef Page);

} // namespace pycapi::cli

#endif
