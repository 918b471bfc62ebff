//===--- CheckFindings.cpp - what the checks report, as data
//---------------===//
#include "CheckFindings.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Diagnostic.h"

namespace pycapi {

/// The findings of the translation unit this thread checks, or null.
static thread_local std::vector<CheckFinding> *Collected = nullptr;

CheckFinding removedApiFinding(const RemovedApi &Api, bool Fixable,
                               llvm::StringRef WhyNot) {
  CheckFinding Found;
  Found.Symbol = Api.Name.str();
  Found.Release = Api.RemovedIn;
  Found.Replacement = Api.Replacement.str();
  Found.Fixable = Fixable;
  Found.WhyNot = WhyNot.str();
  return Found;
}

bool collectingCheckFindings() { return Collected != nullptr; }

void recordCheckFinding(llvm::StringRef Check,
                        const clang::SourceManager &Sources,
                        clang::SourceLocation Loc, CheckFinding Finding) {
  if (!Collected)
    return;
  // Placed as clang-tidy places the diagnostic (DiagnosticRenderer turns
  // its location into a file location first), so that the place is the
  // ClangTidyError's to the byte.
  clang::tooling::DiagnosticMessage Place =
      Loc.isValid() ? clang::tooling::DiagnosticMessage("", Sources,
                                                        Sources.getFileLoc(Loc))
                    : clang::tooling::DiagnosticMessage("");
  Finding.Check = Check.str();
  Finding.FilePath = std::move(Place.FilePath);
  Finding.FileOffset = Place.FileOffset;
  Collected->push_back(std::move(Finding));
}

void recordCheckFinding(llvm::StringRef Check,
                        const clang::SourceManager &Sources,
                        clang::SourceLocation Loc, LimitedApiFinding Finding) {
  if (!Collected)
    return;
  CheckFinding Found;
  Found.Symbol = Finding.Name;
  Found.Release = Finding.AdmittedFrom;
  Found.Replacement = Finding.Alternative;
  Found.Limited = std::move(Finding);
  recordCheckFinding(Check, Sources, Loc, std::move(Found));
}

CheckFindingsCollector::CheckFindingsCollector(std::vector<CheckFinding> &Into)
    : Previous(Collected) {
  Collected = &Into;
}

CheckFindingsCollector::~CheckFindingsCollector() { Collected = Previous; }

} // namespace pycapi
