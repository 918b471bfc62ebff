//===--- ScopedTidy.h - clang-tidy's run, matching the user's code only ---===//
//
// What clang::tidy::runClangTidy does for one file, with one difference: the
// AST matchers walk only the top-level declarations where a check may find
// something (checks/utils/MatchDemand.h) or, when a check cannot tell, those
// that may hold the user's code (checks/utils/UserScope.h); never all of
// Python's and the system's headers, which are most of an extension's
// translation unit. The findings are the
// same: no check reports or edits code outside the user's files, and a
// check that must know what those headers declare walks them itself.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CLI_SCOPEDTIDY_H
#define PYCAPI_CLI_SCOPEDTIDY_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <string>
#include <vector>

namespace pycapi::cli {

/// Runs the checks that \p Context enables over \p File, as runClangTidy
/// does without fixes or profiling.
std::vector<clang::tidy::ClangTidyError> runClangTidyOnUserCode(
    clang::tidy::ClangTidyContext &Context,
    const clang::tooling::CompilationDatabase &Database,
    const std::string &File,
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_SCOPEDTIDY_H
