//===--- DiagnosticReporter.h - print findings, collect their fixes
//--------===//
#ifndef PYCAPI_CLI_DIAGNOSTICREPORTER_H
#define PYCAPI_CLI_DIAGNOSTICREPORTER_H

#include "DriverCompat.h"
#include "Findings.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace pycapi::cli {

/// Prints clang-tidy errors the way clang-tidy does, which is gcc's format
/// (file:line:col: level: message [check], the source line, a caret) and,
/// when fixing, says after each finding whether its fix is applied.
class DiagnosticReporter {
public:
  /// \p Applied: the fixes that --fix writes, or null when not fixing.
  /// Files inside \p Root are named relative to it, others absolutely, as
  /// every output of a run names them.
  DiagnosticReporter(llvm::raw_ostream &OS, bool UseColor,
                     const FixSet *Applied, llvm::StringRef Root);
  ~DiagnosticReporter();

  void report(const Finding &Found);

  /// Reads now every file that the report of \p Found shows, so that it
  /// shows them as the checks read them even after --fix has rewritten them.
  void readFiles(const Finding &Found);

private:
  /// \p Found.Original with its paths resolved as this report names them.
  clang::tidy::ClangTidyError resolved(const Finding &Found) const;
  /// How the report names \p Path: relative to the root when inside it.
  std::string shown(llvm::StringRef BuildDirectory, llvm::StringRef Path) const;

  clang::SourceLocation locationOf(llvm::StringRef Path, unsigned Offset);
  clang::CharSourceRange rangeOf(const clang::tooling::FileByteRange &Range);
  /// Shows the replacements of \p Message as fix-it hints of \p Diag.
  void addFixIts(const clang::DiagnosticBuilder &Diag,
                 const clang::tooling::DiagnosticMessage &Message);
  void reportNote(const clang::tooling::DiagnosticMessage &Note);

  compat::DiagnosticSetup Setup;
  std::unique_ptr<clang::TextDiagnosticPrinter> Printer;
  std::unique_ptr<clang::DiagnosticsEngine> Diags;
  clang::FileManager Files;
  std::unique_ptr<clang::SourceManager> Sources;
  llvm::StringMap<clang::FileID> FileIDs;
  clang::LangOptions LangOpts;
  const FixSet *Applied;
  std::string Root;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_DIAGNOSTICREPORTER_H
