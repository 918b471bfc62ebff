//===--- ReportWriters.h - findings as JSON and as SARIF
//-------------------===//
#ifndef PYCAPI_CLI_REPORTWRITERS_H
#define PYCAPI_CLI_REPORTWRITERS_H

#include "Findings.h"
#include "ParallelRunner.h"
#include "SourceText.h"
#include "Summary.h"
#include "llvm/Support/raw_ostream.h"

namespace pycapi::cli {

struct ReportContext {
  /// Absolute; file names in the report are relative to it.
  std::string Root;
  std::vector<std::string> EnabledChecks;
  /// Whether each fix is applied (null: none is).
  const FixSet *Fixes = nullptr;
  const Summary *Totals = nullptr;
  /// The files' text as the checks read it (null: read them when needed).
  SourceText *Text = nullptr;
  /// What the checks recorded of their findings (null: nothing).
  const CheckFindingIndex *Recorded = nullptr;
};

/// The JSON report; its schema is in docs/user-guide.md ("--format json").
void writeJson(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
               const ReportContext &Context);

/// A SARIF 2.1.0 log with one run, as GitHub code scanning reads it. A
/// result's fixes are the replacements that --fix applies (FixSet).
void writeSarif(llvm::raw_ostream &OS, const std::vector<Finding> &Findings,
                const ReportContext &Context);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_REPORTWRITERS_H
