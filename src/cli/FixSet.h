//===--- FixSet.h - the fixes of a run, merged per file --------------------===//
#ifndef PYCAPI_CLI_FIXSET_H
#define PYCAPI_CLI_FIXSET_H

#include "clang/Tooling/Core/Replacement.h"
#include <map>
#include <set>
#include <string>

namespace pycapi::cli {

/// The replacements of every finding, per file (absolute paths). A project
/// header that several translation units include gets the same fix from each
/// of them: an identical replacement is kept once. Two different ones that
/// overlap make the file conflicting, and no fix at all is applied to it.
class FixSet {
public:
  void add(const clang::tooling::Replacement &Replacement);

  /// The files that can be fixed, with their replacements.
  std::map<std::string, clang::tooling::Replacements> applicable() const;
  const std::set<std::string> &conflictingFiles() const { return Conflicts; }
  /// Takes \p File out of what is applied (it may not be written).
  void refuse(const std::string &File) { Refused.insert(File); }
  /// True when \p Replacement will be applied.
  bool willApply(const clang::tooling::Replacement &Replacement) const;

private:
  std::map<std::string, clang::tooling::Replacements> Files;
  std::set<std::string> Conflicts;
  std::set<std::string> Refused;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FIXSET_H
