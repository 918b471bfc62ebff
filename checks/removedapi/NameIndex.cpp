//===--- NameIndex.cpp - fast lookup of the names one check reports -------===//
#include "NameIndex.h"

namespace clang::tidy::pycapi::removedapi {

using ::pycapi::KindBit::Header;
using ::pycapi::KindBit::StructMember;

NameIndex::NameIndex(::pycapi::CheckScope Scope, ::pycapi::PyVersion Target) {
  for (const ::pycapi::RemovedApi &Api : ::pycapi::allRemovedApis()) {
    // Headers and struct members are not identifiers in the user's code.
    if (Api.Scope != Scope || (Api.Kinds & (Header | StructMember)) ||
        Api.RemovedIn > Target || (Api.RestoredIn && Api.RestoredIn <= Target) ||
        Api.Name.size() < 2)
      continue;
    Names.try_emplace(Api.Name, &Api);
    Prefixes.set(prefixKey(Api.Name));
  }
}

} // namespace clang::tidy::pycapi::removedapi
