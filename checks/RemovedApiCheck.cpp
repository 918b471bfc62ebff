//===--- RemovedApiCheck.cpp - pycapi-removed-api -------------------------===//
#include "RemovedApiCheck.h"

namespace clang::tidy::pycapi {

RemovedApiCheck::RemovedApiCheck(StringRef Name, ClangTidyContext *Context)
    : RemovedApiCheckBase(Name, Context, ::pycapi::CheckScope::Public) {}

} // namespace clang::tidy::pycapi
