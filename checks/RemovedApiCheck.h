//===--- RemovedApiCheck.h - pycapi-removed-api ---------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPICHECK_H
#define PYCAPI_CHECKS_REMOVEDAPICHECK_H

#include "removedapi/RemovedApiCheckBase.h"

namespace clang::tidy::pycapi {

/// Finds uses of the public C API that CPython removed from its headers in
/// 3.13 (and, by option, in later releases), except the old buffer functions
/// (pycapi-removed-buffer-api), and rewrites them where that is mechanical.
/// The finding, options and fixes are shared with the other removed-API
/// check; see removedapi/RemovedApiCheckBase.h.
///
/// For the user-facing documentation see docs/checks/removed-api.md.
class RemovedApiCheck : public removedapi::RemovedApiCheckBase {
public:
  RemovedApiCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_REMOVEDAPICHECK_H
