//===--- Summary.h - what a run found and did, in numbers
//------------------===//
#ifndef PYCAPI_CLI_SUMMARY_H
#define PYCAPI_CLI_SUMMARY_H

#include "Findings.h"
#include <map>
#include <set>

namespace pycapi::cli {

struct Summary {
  /// What it says of one check: its findings, and how many have a fix.
  struct CheckCount {
    unsigned Findings = 0;
    unsigned Fixable = 0;
  };

  unsigned Findings = 0; // check findings, not compiler errors
  unsigned Fixable = 0;
  unsigned CompilerErrors = 0;
  std::set<std::string> FilesWithFindings;
  std::map<std::string, CheckCount> PerCheck;
  unsigned TranslationUnits = 0;
  unsigned FilesChanged = 0;
  /// Findings that a NOLINT comment silenced, once per unit that saw them.
  unsigned Suppressed = 0;
  /// Findings whose every fix --fix wrote (countFixed).
  unsigned Fixed = 0;
  bool Fixing = false;
  double Seconds = 0;

  void count(const std::vector<Finding> &All);
  /// After --fix: the findings whose fixes were all written (\p Applied
  /// holds what was).
  void countFixed(const std::vector<Finding> &All, const FixSet &Applied);
  /// The closing lines for stderr.
  std::string text() const;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_SUMMARY_H
