//===--- PycapiTidyModule.cpp - the pycapi clang-tidy module
//---------------===//
//
// Registers every pycapi-* check, under the names of the check catalog
// (CheckCatalog.h). The same object file is linked into the clang-tidy
// plugin (build/lib/pycapi-tidy.so), where the static registration below
// adds the module to the registry of the clang-tidy that loads it, and into
// the standalone pycapi-migrate CLI (as object files, not an archive, so the
// registration is never dropped by the linker).
//
//===----------------------------------------------------------------------===//
#include "CheckCatalog.h"
#include "LLVMCompat.h"
#include "LimitedApiCheck.h"
#include "RemovedBufferApiCheck.h"
#include "modernize/FrameAccessCheck.h"
#include "modernize/MemorySpellingsCheck.h"
#include "modernize/ObjectFieldsCheck.h"
#include "modernize/PyIsCheck.h"
#include "modernize/RefcountIdiomsCheck.h"
#include "removedapi/RemovedApiCheckBase.h"

namespace clang::tidy::pycapi {

class PycapiModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<LimitedApiCheck>(catalog::LimitedApi.Name);
    Factories.registerCheck<modernize::FrameAccessCheck>(
        catalog::ModernizeFrameAccess.Name);
    Factories.registerCheck<modernize::MemorySpellingsCheck>(
        catalog::ModernizeMemorySpellings.Name);
    Factories.registerCheck<modernize::ObjectFieldsCheck>(
        catalog::ModernizeObjectFields.Name);
    Factories.registerCheck<modernize::PyIsCheck>(catalog::ModernizePyIs.Name);
    Factories.registerCheck<modernize::RefcountIdiomsCheck>(
        catalog::ModernizeRefcountIdioms.Name);
    Factories.registerCheck<RemovedBufferApiCheck>(
        catalog::RemovedBufferApi.Name);
    // The two removed-API checks are one engine over different rows of the
    // data table: the public API, and the private `_Py` names.
    registerRemovedApi(Factories, catalog::RemovedPrivateApi,
                       ::pycapi::CheckScope::Private);
    registerRemovedApi(Factories, catalog::RemovedApi,
                       ::pycapi::CheckScope::Public);
  }

private:
  static void registerRemovedApi(ClangTidyCheckFactories &Factories,
                                 const CheckInfo &Check,
                                 ::pycapi::CheckScope Scope) {
    Factories.registerCheckFactory(
        Check.Name, [Scope](StringRef Name, ClangTidyContext *Context) {
          return std::make_unique<removedapi::RemovedApiCheckBase>(
              Name, Context, Scope);
        });
  }
};

} // namespace clang::tidy::pycapi

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<pycapi::PycapiModule>
    X("pycapi-module", "Migrates CPython C extensions off removed C APIs.");

} // namespace clang::tidy
