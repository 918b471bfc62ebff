//===--- LLVMCompat.h - differences between LLVM majors 14..22 -------------===//
//
// The one place that knows which LLVM/Clang major the project is built
// against. Checks and the CLI use these names instead of spelling an #if.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_LLVMCOMPAT_H
#define PYCAPI_COMMON_LLVMCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include <optional>

// LLVM 22 moved the registry typedef into ClangTidyModule.h and deprecated
// the old header with a #warning.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#if LLVM_VERSION_MAJOR < 16
#include "llvm/ADT/Optional.h"
#endif

namespace pycapi::compat {

/// The optional type that LLVM's own APIs return (llvm::Optional before 16).
#if LLVM_VERSION_MAJOR < 16
template <typename T> using Optional = llvm::Optional<T>;
#else
template <typename T> using Optional = std::optional<T>;
#endif

/// StringRef::startswith became starts_with in LLVM 16 and the old spelling
/// was removed later; these work on every major.
inline bool startsWith(llvm::StringRef Text, llvm::StringRef Prefix) {
  return Text.size() >= Prefix.size() &&
         Text.substr(0, Prefix.size()) == Prefix;
}
inline bool endsWith(llvm::StringRef Text, llvm::StringRef Suffix) {
  return Text.size() >= Suffix.size() &&
         Text.substr(Text.size() - Suffix.size()) == Suffix;
}

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

namespace detail {
// clang-tidy 22 added an ExperimentalCustomChecks flag to getCheckNames. The
// overloads are chosen by what compiles (int beats long), not by a version
// number, so majors in between need no knowledge here.
template <typename Options>
auto checkNames(const Options &Opts, int)
    -> decltype(clang::tidy::getCheckNames(Opts, false, false)) {
  return clang::tidy::getCheckNames(Opts, false, false);
}
template <typename Options>
auto checkNames(const Options &Opts, long)
    -> decltype(clang::tidy::getCheckNames(Opts, false)) {
  return clang::tidy::getCheckNames(Opts, false);
}
template <typename Options>
auto checkOptions(const Options &Opts, int)
    -> decltype(clang::tidy::getCheckOptions(Opts, false, false)) {
  return clang::tidy::getCheckOptions(Opts, false, false);
}
template <typename Options>
auto checkOptions(const Options &Opts, long)
    -> decltype(clang::tidy::getCheckOptions(Opts, false)) {
  return clang::tidy::getCheckOptions(Opts, false);
}
} // namespace detail

/// Every option that the checks \p Opts enables read, with its value under
/// \p Opts or its default (getCheckOptions gained the same flag in 22).
inline clang::tidy::ClangTidyOptions::OptionMap
checkOptions(const clang::tidy::ClangTidyOptions &Opts) {
  return detail::checkOptions(Opts, 0);
}

/// The checks that \p Opts enables (analyzer alpha checks never).
inline std::vector<std::string>
checkNames(const clang::tidy::ClangTidyOptions &Opts) {
  return detail::checkNames(Opts, 0);
}

/// PPCallbacks with a version-independent hook for an #include whose file
/// was not found: InclusionDirective's signature changed in 15, 16 and 19.
class IncludeCallbacks : public clang::PPCallbacks {
public:
  /// \p FileName as spelled; \p FilenameRange covers it with its delimiters.
  virtual void includeNotFound(clang::SourceLocation HashLoc,
                               llvm::StringRef FileName,
                               clang::CharSourceRange FilenameRange) {}

#if LLVM_VERSION_MAJOR < 15
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef FileName, bool,
                          clang::CharSourceRange FilenameRange,
                          const clang::FileEntry *File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!File)
      includeNotFound(HashLoc, FileName, FilenameRange);
  }
#elif LLVM_VERSION_MAJOR < 16
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef FileName, bool,
                          clang::CharSourceRange FilenameRange,
                          llvm::Optional<clang::FileEntryRef> File,
                          llvm::StringRef, llvm::StringRef,
                          const clang::Module *,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!File)
      includeNotFound(HashLoc, FileName, FilenameRange);
  }
#elif LLVM_VERSION_MAJOR < 19
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef FileName, bool,
                          clang::CharSourceRange FilenameRange,
                          clang::OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!File)
      includeNotFound(HashLoc, FileName, FilenameRange);
  }
#else
  void InclusionDirective(clang::SourceLocation HashLoc, const clang::Token &,
                          llvm::StringRef FileName, bool,
                          clang::CharSourceRange FilenameRange,
                          clang::OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const clang::Module *, bool,
                          clang::SrcMgr::CharacteristicKind) override {
    if (!File)
      includeNotFound(HashLoc, FileName, FilenameRange);
  }
#endif
};

} // namespace pycapi::compat

#endif // PYCAPI_COMMON_LLVMCOMPAT_H
