//===--- RemovedPrivateApiCheck.h - pycapi-removed-private-api ------------===//
#ifndef PYCAPI_CHECKS_REMOVEDPRIVATEAPICHECK_H
#define PYCAPI_CHECKS_REMOVEDPRIVATEAPICHECK_H

#include "removedapi/RemovedApiCheckBase.h"

namespace clang::tidy::pycapi {

/// Finds uses of the private `_Py` symbols that CPython removed from its public
/// headers in 3.13 (and, by option, in later releases) and rewrites them to
/// their public replacements where that is mechanical.
/// The finding, options and fixes are shared with the other removed-API
/// check; see removedapi/RemovedApiCheckBase.h.
///
/// For the user-facing documentation see docs/checks/removed-private-api.md.
class RemovedPrivateApiCheck : public removedapi::RemovedApiCheckBase {
public:
  RemovedPrivateApiCheck(StringRef Name, ClangTidyContext *Context);
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_REMOVEDPRIVATEAPICHECK_H
