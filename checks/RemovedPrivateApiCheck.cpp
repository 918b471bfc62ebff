//===--- RemovedPrivateApiCheck.cpp - pycapi-removed-private-api ----------===//
#include "RemovedPrivateApiCheck.h"

namespace clang::tidy::pycapi {

RemovedPrivateApiCheck::RemovedPrivateApiCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : RemovedApiCheckBase(Name, Context, ::pycapi::CheckScope::Private) {}

} // namespace clang::tidy::pycapi
