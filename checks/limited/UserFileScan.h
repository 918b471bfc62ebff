//===--- UserFileScan.h - raw scan of the user's files
//---------------------===//
//
// What pycapi-limited-api reads from the text of the user's files rather than
// from the AST: names the limited headers leave undeclared (the parser keeps
// no node for an undeclared type or variable), and preprocessor guards that
// refuse Py_LIMITED_API with Py_TRACE_REFS (usually in a branch the build
// skips, so the preprocessor never reports them).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_LIMITED_USERFILESCAN_H
#define PYCAPI_CHECKS_LIMITED_USERFILESCAN_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang::tidy::pycapi::limited {

struct ScanCallbacks {
  /// An identifier of the code the compiler saw: outside directives, comments,
  /// string literals and skipped #if branches, and not a member name after
  /// '.' or '->'.
  llvm::function_ref<void(StringRef Name, SourceLocation Loc)> Identifier;
  /// The same for the code of skipped #if branches (optional).
  llvm::function_ref<void(StringRef Name, SourceLocation Loc)>
      SkippedIdentifier;
  /// An #error inside conditionals that test Py_TRACE_REFS, and Py_LIMITED_API
  /// too or with an error text about the limited API; \p TestsVersion when
  /// they also test the Python version (PY_VERSION_HEX, PY_MINOR_VERSION). A
  /// #define or #undef of Py_LIMITED_API there is not one: it falls back to
  /// the full API, which builds (cffi's output does).
  llvm::function_ref<void(SourceLocation Directive, bool TestsVersion)>
      TraceRefsGuard;
};

/// Lexes \p File raw; \p Skipped are the #if branches the preprocessor
/// skipped (in any file).
void scanUserFile(const SourceManager &SM, const LangOptions &LangOpts,
                  FileID File, llvm::ArrayRef<SourceRange> Skipped,
                  const ScanCallbacks &Callbacks);

} // namespace clang::tidy::pycapi::limited

#endif // PYCAPI_CHECKS_LIMITED_USERFILESCAN_H
