//===--- RemovedBufferApiCheck.h - pycapi-removed-buffer-api ---------------===//
#ifndef PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H
#define PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H

#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::pycapi {

/// Finds uses of the old buffer functions that Python 3.13 removed
/// (PyObject_AsCharBuffer, PyObject_AsReadBuffer, PyObject_AsWriteBuffer,
/// PyObject_CheckReadBuffer) and rewrites them to PyObject_GetBuffer and
/// PyBuffer_Release.
///
/// For the user-facing documentation see docs/checks/removed-buffer-api.md.
class RemovedBufferApiCheck : public ClangTidyCheck {
public:
  RemovedBufferApiCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_REMOVEDBUFFERAPICHECK_H
