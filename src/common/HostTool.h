//===--- HostTool.h - the front end's rules for shared edits --------------===//
//
// The checks run inside clang-tidy (the plugin) or inside pycapi-migrate.
// Both apply the fixes of every translation unit together at the end, but
// they differ in two ways that decide where a fix may put an edit shared by
// several units (the compat header's #include in a project header):
//
// - pycapi-migrate writes only files under its project root that are not
//   read-only; clang-tidy writes any file a fix names;
// - pycapi-migrate keeps an edit that several units make identically once
//   (FixSet); clang-tidy merges two identical insertions at one place into a
//   double one, so with several files on its command line an edit must be
//   made by the first unit that needs it and not again.
//
// clang-tidy knows nothing of this: the defaults describe it.
// pycapi-migrate sets its own once, before it parses any translation unit.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_HOSTTOOL_H
#define PYCAPI_COMMON_HOSTTOOL_H

#include "llvm/ADT/StringRef.h"
#include <functional>

namespace pycapi {

struct HostTool {
  /// Besides isUserCode, which files (absolute paths) a fix may change;
  /// unset: any. Called from the threads that check translation units.
  std::function<bool(llvm::StringRef AbsolutePath)> MayEdit;
  /// The tool applies an edit that several translation units make once.
  bool MergesIdenticalEdits = false;
  /// Notes name an option by the tool's command-line flag (--compat-header)
  /// where it has one; else by the option's key (CompatHeader), as a
  /// clang-tidy configuration spells it.
  bool NamesOptionsByFlag = false;
};

const HostTool &hostTool();
/// Not thread-safe: call before the checks run.
void setHostTool(HostTool Tool);

} // namespace pycapi

#endif // PYCAPI_COMMON_HOSTTOOL_H
