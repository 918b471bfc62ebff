//===--- DiagnosticReporter.h - print findings, collect their fixes --------===//
#ifndef PYCAPI_CLI_DIAGNOSTICREPORTER_H
#define PYCAPI_CLI_DIAGNOSTICREPORTER_H

#include "LLVMCompat.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace pycapi::cli {

/// Prints clang-tidy errors the way clang-tidy does (file:line:col: level:
/// message [check], the source line, a caret) and, when fixing, gathers the
/// replacements of every warning per file, in the order clang-tidy would.
class DiagnosticReporter {
public:
  DiagnosticReporter(llvm::raw_ostream &OS, bool UseColor, bool CollectFixes);
  ~DiagnosticReporter();

  void report(const clang::tidy::ClangTidyError &Error);

  /// Replacements per absolute file path.
  const llvm::StringMap<clang::tooling::Replacements> &fixes() const {
    return FileFixes;
  }
  unsigned totalFixes() const { return TotalFixes; }
  unsigned conflictingFixes() const { return ConflictingFixes; }

private:
  clang::SourceLocation locationOf(llvm::StringRef Path, unsigned Offset);
  clang::CharSourceRange rangeOf(const clang::tooling::FileByteRange &Range);
  void reportNote(const clang::tooling::DiagnosticMessage &Note);

  compat::DiagnosticSetup Setup;
  std::unique_ptr<clang::TextDiagnosticPrinter> Printer;
  std::unique_ptr<clang::DiagnosticsEngine> Diags;
  clang::FileManager Files;
  std::unique_ptr<clang::SourceManager> Sources;
  llvm::StringMap<clang::FileID> FileIDs;
  clang::LangOptions LangOpts;
  bool CollectFixes;
  llvm::StringMap<clang::tooling::Replacements> FileFixes;
  unsigned TotalFixes = 0;
  unsigned ConflictingFixes = 0;
};

} // namespace pycapi::cli

#endif // PYCAPI_CLI_DIAGNOSTICREPORTER_H
