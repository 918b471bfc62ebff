//===--- PycapiTidyModule.cpp - the pycapi clang-tidy module ---------------===//
//
// Registers every pycapi-* check. The same object file is linked into the
// clang-tidy plugin (build/lib/pycapi-tidy.so), where the static registration
// below adds the module to the registry of the clang-tidy that loads it, and
// into the standalone pycapi-migrate CLI (as object files, not an archive, so
// the registration is never dropped by the linker).
//
//===----------------------------------------------------------------------===//
#include "LLVMCompat.h"
#include "LimitedApiCheck.h"
#include "RemovedApiCheck.h"
#include "RemovedBufferApiCheck.h"
#include "RemovedPrivateApiCheck.h"

namespace clang::tidy::pycapi {

class PycapiModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<LimitedApiCheck>("pycapi-limited-api");
    Factories.registerCheck<RemovedBufferApiCheck>("pycapi-removed-buffer-api");
    Factories.registerCheck<RemovedPrivateApiCheck>(
        "pycapi-removed-private-api");
    Factories.registerCheck<RemovedApiCheck>("pycapi-removed-api");
  }
};

} // namespace clang::tidy::pycapi

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<pycapi::PycapiModule>
    X("pycapi-module", "Migrates CPython C extensions off removed C APIs.");

} // namespace clang::tidy
