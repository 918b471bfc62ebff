//===--- LLVMCompat.h - differences between LLVM majors 14..22
//-------------===//
//
// The one place that knows which LLVM/Clang major the project is built
// against. Checks and the CLI use these names instead of spelling an #if.
// This half is what the checks need; the driver's half (diagnostic printing
// and clang-tidy's option queries) is src/cli/DriverCompat.h, so that checks
// do not pull in ClangTidy.h and the text printer.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_LLVMCOMPAT_H
#define PYCAPI_COMMON_LLVMCOMPAT_H

#include "clang-tidy/ClangTidyModule.h"
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
