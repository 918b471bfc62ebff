//===--- DriverCompat.h - LLVM differences the CLI alone meets
//-------------===//
//
// The driver's half of src/common/LLVMCompat.h: diagnostic printing and
// clang-tidy's option queries, which only the CLI uses. Kept apart so that
// the checks never include ClangTidy.h or the text diagnostic printer.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_DRIVERCOMPAT_H
#define PYCAPI_CLI_DRIVERCOMPAT_H

#include "LLVMCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"

namespace pycapi::compat {

/// Owns the DiagnosticOptions that engines and printers share. Until LLVM 21
/// they were reference counted and passed by pointer; since then by reference.
class DiagnosticSetup {
public:
  clang::DiagnosticOptions &options() { return *Options; }

  std::unique_ptr<clang::TextDiagnosticPrinter>
  makeTextPrinter(llvm::raw_ostream &OS) {
#if LLVM_VERSION_MAJOR >= 21
    return std::make_unique<clang::TextDiagnosticPrinter>(OS, *Options);
#else
    return std::make_unique<clang::TextDiagnosticPrinter>(OS, Options.get());
#endif
  }

  /// An engine that reports to \p Client, which the caller keeps owning.
  std::unique_ptr<clang::DiagnosticsEngine>
  makeEngine(clang::DiagnosticConsumer *Client) {
    llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs(
        new clang::DiagnosticIDs());
#if LLVM_VERSION_MAJOR >= 21
    return std::make_unique<clang::DiagnosticsEngine>(IDs, *Options, Client,
                                                      false);
#else
    return std::make_unique<clang::DiagnosticsEngine>(IDs, Options, Client,
                                                      false);
#endif
  }

private:
#if LLVM_VERSION_MAJOR >= 21
  std::unique_ptr<clang::DiagnosticOptions> Options =
      std::make_unique<clang::DiagnosticOptions>();
#else
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> Options =
      new clang::DiagnosticOptions();
#endif
};

/// Gives \p Context a diagnostics engine that reports to \p Client, as
/// clang::tidy::runClangTidy does. The engine must outlive the run. Since
/// LLVM 21 the context owns the engine's options (passed by reference).
inline std::unique_ptr<clang::DiagnosticsEngine>
attachDiagnostics(clang::tidy::ClangTidyContext &Context,
                  clang::DiagnosticConsumer *Client) {
  llvm::IntrusiveRefCntPtr<clang::DiagnosticIDs> IDs(
      new clang::DiagnosticIDs());
#if LLVM_VERSION_MAJOR >= 21
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine =
      std::make_unique<clang::DiagnosticsEngine>(IDs, *Options, Client, false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      IDs, new clang::DiagnosticOptions(), Client, false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

namespace detail {
// clang-tidy 22 added an ExperimentalCustomChecks flag to getCheckNames and
// getCheckOptions. The overloads are chosen by what compiles (int beats
// long), not by a version number, so majors in between need no knowledge
// here: \p Call is called with the extra `false` when it accepts it.
template <typename Query>
auto withTrailingFlag(const Query &Call, int) -> decltype(Call(false, false)) {
  return Call(false, false);
}
template <typename Query>
auto withTrailingFlag(const Query &Call, long) -> decltype(Call(false)) {
  return Call(false);
}
} // namespace detail

/// Every option that the checks \p Opts enables read, with its value under
/// \p Opts or its default (getCheckOptions gained the same flag in 22).
inline clang::tidy::ClangTidyOptions::OptionMap
checkOptions(const clang::tidy::ClangTidyOptions &Opts) {
  return detail::withTrailingFlag(
      [&](auto... Flags) -> decltype(clang::tidy::getCheckOptions(Opts,
                                                                  Flags...)) {
        return clang::tidy::getCheckOptions(Opts, Flags...);
      },
      0);
}

/// The checks that \p Opts enables (analyzer alpha checks never).
inline std::vector<std::string>
checkNames(const clang::tidy::ClangTidyOptions &Opts) {
  return detail::withTrailingFlag(
      [&](auto... Flags) -> decltype(clang::tidy::getCheckNames(Opts,
                                                                Flags...)) {
        return clang::tidy::getCheckNames(Opts, Flags...);
      },
      0);
}

} // namespace pycapi::compat

#endif // PYCAPI_CLI_DRIVERCOMPAT_H
