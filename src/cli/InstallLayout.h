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

#include <string>

namespace pycapi::cli {

/// The folder that holds README.md and docs/ (the check pages are
/// docs/checks/NAME.md under it): the installed documentation folder
/// (<prefix>/share/doc/pycapi-migrate) when this executable is the installed
/// one, else the source tree it was built from.
const std::string &docsRoot();

} // namespace pycapi::cli

#endif
