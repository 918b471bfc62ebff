//===--- InstallLayout.cpp - where an installed pycapi-migrate finds its files
//===//
#include "InstallLayout.h"
#include "LLVMCompat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <cstdlib>
#include <fmt/core.h>

namespace pycapi::cli {

const std::string &docsRoot() {
  static const std::string Root = [] {
    // getMainExecutable reads /proc/self/exe on Linux: the real file, also
    // when the tool is started through a symbolic link.
    std::string Exe = llvm::sys::fs::getMainExecutable(
        nullptr, reinterpret_cast<void *>(&docsRoot));
    // PYCAPI_DOCS_FROM_BINDIR: the documentation folder relative to the
    // folder the executable is installed in (../share/doc/pycapi-migrate).
    llvm::SmallString<256> Installed(llvm::sys::path::parent_path(Exe));
    llvm::sys::path::append(Installed, PYCAPI_DOCS_FROM_BINDIR);
    llvm::sys::path::remove_dots(Installed, /*remove_dot_dot=*/true);
    llvm::SmallString<256> Pages(Installed);
    llvm::sys::path::append(Pages, "docs", "checks");
    if (!Exe.empty() && llvm::sys::fs::is_directory(Pages))
      return std::string(Installed);
    return std::string(PYCAPI_SOURCE_DIR);
  }();
  return Root;
}

const std::string &docsUrl() {
  static const std::string Url = [] {
    const char *FromEnvironment = std::getenv("PYCAPI_DOCS_URL");
    std::string Value =
        FromEnvironment && *FromEnvironment ? FromEnvironment : PYCAPI_DOCS_URL;
    llvm::StringRef Text(Value);
    if (Text.empty())
      return std::string();
    if (!compat::startsWith(Text, "https://") &&
        !compat::startsWith(Text, "http://")) {
      fmt::print(stderr,
                 "pycapi-migrate: warning: PYCAPI_DOCS_URL '{}' is not an "
                 "http:// or https:// address; the reports do not link to "
                 "the docs\n",
                 Value);
      return std::string();
    }
    if (!compat::endsWith(Text, "/"))
      Value += '/';
    return Value;
  }();
  return Url;
}

std::string docsPageUrl(llvm::StringRef Page) {
  if (docsUrl().empty())
    return "";
  return docsUrl() + Page.str();
}

} // namespace pycapi::cli
