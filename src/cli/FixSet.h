//===--- FixSet.h - the fixes of a run, merged per file
//--------------------===//
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
///
/// A file's edits are kept sorted by offset, so that adding one and asking
/// whether one is applied cost O(log n) in the edits of its file: a
/// generated file can carry hundreds of thousands.
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
  /// A replacement without its file path (the key it is filed under),
  /// ordered as clang::tooling::Replacements orders them.
  struct Edit {
    unsigned Offset;
    unsigned Length;
    std::string Text;
    bool operator<(const Edit &Other) const {
      if (Offset != Other.Offset)
        return Offset < Other.Offset;
      if (Length != Other.Length)
        return Length < Other.Length;
      return Text < Other.Text;
    }
  };
  /// What clang::tooling::Replacements would hold after the same adds.
  using FileEdits = std::set<Edit>;

  std::map<std::string, FileEdits> Files;
  std::set<std::string> Conflicts;
  std::set<std::string> Refused;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FIXSET_H
