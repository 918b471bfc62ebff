//===--- Findings.h - the diagnostics of a run, once each
//------------------===//
#ifndef PYCAPI_CLI_FINDINGS_H
#define PYCAPI_CLI_FINDINGS_H

#include "FixSet.h"
#include "ParallelRunner.h"
#include <functional>
#include <map>

namespace pycapi::cli {

struct Finding {
  /// As clang-tidy produced it: paths as the compile command named them
  /// (what the text report prints, a compiler error's fix-it included).
  clang::tidy::ClangTidyError Original;
  /// The same with every path (message, notes, ranges, fixes) absolute, and
  /// only the fixes the tool applies: a compiler diagnostic's fix-its
  /// (clang-diagnostic-*) are dropped, so that --fix, --fix-errors, --diff,
  /// JSON, SARIF and --export-fixes, which all read these, never offer them.
  clang::tidy::ClangTidyError Absolute;
  /// A compiler diagnostic (clang-diagnostic-*) of level error.
  bool CompilerError = false;
  /// The finding's own message carries a fix (one of a pycapi check).
  bool Fixable = false;
};

/// The findings of all translation units in their order, each once: a
/// finding in a header that several units include is reported by each.
/// The fixes of every occurrence (not of notes, as in clang-tidy; and of
/// pycapi checks only) go into \p Fixes: two units that report the same
/// finding with different fixes are a conflict. \p FixTarget, if given,
/// names the file that an edit of an (absolute) path writes: a symbolic
/// link's target, so that a file reached through two names is one file,
/// reported and fixed once. The fixes of a unit that \p FixesKept (indexed
/// as \p Results, when not empty) says false of are not added: its findings
/// are still reported.
std::vector<Finding> mergeFindings(
    const std::vector<UnitResult> &Results, FixSet &Fixes,
    const std::function<std::string(const std::string &)> &FixTarget = {},
    const std::vector<bool> &FixesKept = {});

/// Compiler errors that no finding explains. Code compiled against 3.13's
/// headers fails exactly where it names a removed API; such an error, at the
/// place where a pycapi check reports, is explained by that finding.
unsigned unexplainedCompilerErrors(const std::vector<Finding> &Findings);

/// Per unit of \p Results: true when it has a compiler error that no
/// finding of \p Findings (as mergeFindings made them) explains. Such a unit
/// did not compile: its fixes were computed from a broken AST.
std::vector<bool> unitsThatFailed(const std::vector<UnitResult> &Results,
                                  const std::vector<Finding> &Findings);

/// The first unexplained compiler error of the unit \p Unit, or null.
const clang::tidy::ClangTidyError *
firstUnexplainedError(const UnitResult &Unit,
                      const std::vector<Finding> &Findings);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FINDINGS_H
