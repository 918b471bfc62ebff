//===--- CheckFindings.h - what the checks report, as data
//-----------------===//
//
// A diagnostic is text, and the CLI's reports must never read a name or a
// version back out of it. So a check that emits a diagnostic also records
// what it is about, as data: the symbol, the release that matters for it,
// its replacement, whether there is a fix and why not, and its check's own
// details (LimitedApiFinding). Each record carries the place that clang-tidy
// gives the diagnostic (the file as the SourceManager names it and the byte
// offset in it, like tooling::DiagnosticMessage), so that the CLI joins a
// ClangTidyError to its record by (DiagnosticName, FilePath, FileOffset).
//
// The records are kept per translation unit: the CLI opens a
// CheckFindingsCollector on the thread that checks a unit (ParallelRunner
// runs several units at once, each on one thread from start to end) and
// hands the unit's records over with its diagnostics (UnitResult). Under
// clang-tidy nothing collects, and recording costs the test of a
// thread-local pointer.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_CHECKFINDINGS_H
#define PYCAPI_COMMON_CHECKFINDINGS_H

#include "RemovedApi.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace pycapi {

/// A finding of pycapi-limited-api: a use that a Py_LIMITED_API target does
/// not admit, as data and as the text of its diagnostic.
struct LimitedApiFinding {
  /// What the use names: a name (PyTuple_GET_ITEM), a member
  /// (PyTypeObject.tp_name) or objects of an opaque struct
  /// (PyTypeObject objects).
  std::string Name;
  /// The lowest target that admits the use; 0 when none does.
  PyVersion AdmittedFrom = 0;
  /// A Limited API name that does the same job, or empty, and the lowest
  /// target that admits it.
  std::string Alternative;
  PyVersion AlternativeFrom = 0;
  /// The diagnostic: 'NAME' is not part of the Limited API; use ALT ...
  std::string Message;
};

/// What one diagnostic of a check is about.
struct CheckFinding {
  /// The check that emitted it, as ClangTidyError::DiagnosticName.
  std::string Check;
  /// Where the diagnostic is, as its tooling::DiagnosticMessage says.
  std::string FilePath;
  unsigned FileOffset = 0;
  /// The C API name it is about (a member as Struct.member).
  std::string Symbol;
  /// The release that matters: the one that removed the symbol; for
  /// pycapi-limited-api, the lowest target that admits it. 0 when none.
  PyVersion Release = 0;
  /// What to use instead, or empty.
  std::string Replacement;
  /// The diagnostic carries a fix.
  bool Fixable = false;
  /// Why it carries none, when the check says.
  std::string WhyNot;
  /// pycapi-limited-api's own data.
  std::optional<LimitedApiFinding> Limited;
};

/// The record of a use of \p Api, a row of the removed-API table: its name,
/// the release that removed it and its replacement (empty when it has
/// none), with \p Fixable and \p WhyNot as the check decided them.
CheckFinding removedApiFinding(const RemovedApi &Api, bool Fixable,
                               llvm::StringRef WhyNot = "");

/// True while a CheckFindingsCollector is open on this thread, so that a
/// check may skip making a record that nothing reads.
bool collectingCheckFindings();

/// Records \p Finding for the diagnostic that \p Check emitted at \p Loc
/// (the location given to diag()), if a collector is open on this thread.
/// Sets its Check, FilePath and FileOffset.
void recordCheckFinding(llvm::StringRef Check,
                        const clang::SourceManager &Sources,
                        clang::SourceLocation Loc, CheckFinding Finding);

/// The same for a finding of pycapi-limited-api: its Symbol, Release and
/// Replacement are the use's name, the target that admits it and its
/// alternative; it has no fix.
void recordCheckFinding(llvm::StringRef Check,
                        const clang::SourceManager &Sources,
                        clang::SourceLocation Loc, LimitedApiFinding Finding);

/// The same, called from a check (a ClangTidyCheck): the name is the one its
/// diagnostics carry. LLVM 14 keeps ClangTidyCheck::getID private; the
/// matcher callback it derives from offers it publicly.
template <typename CheckType, typename FindingType,
          typename = typename CheckType::MatchCallback>
void recordCheckFinding(const CheckType &Check,
                        const clang::SourceManager &Sources,
                        clang::SourceLocation Loc, FindingType Finding) {
  if (!collectingCheckFindings())
    return;
  const auto &Callback =
      static_cast<const typename CheckType::MatchCallback &>(Check);
  recordCheckFinding(Callback.getID(), Sources, Loc, std::move(Finding));
}

/// While it lives, the findings recorded on the thread that made it go into
/// \p Into. Collectors nest: the previous one is restored when it dies.
class CheckFindingsCollector {
public:
  explicit CheckFindingsCollector(std::vector<CheckFinding> &Into);
  ~CheckFindingsCollector();
  CheckFindingsCollector(const CheckFindingsCollector &) = delete;
  CheckFindingsCollector &operator=(const CheckFindingsCollector &) = delete;

private:
  std::vector<CheckFinding> *Previous;
};

} // namespace pycapi

#endif // PYCAPI_COMMON_CHECKFINDINGS_H
