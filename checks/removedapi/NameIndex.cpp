//===--- NameIndex.cpp - fast lookup of the names one check reports -------===//
#include "NameIndex.h"

namespace clang::tidy::pycapi::removedapi {

using llvm::StringRef;

using ::pycapi::KindBit::Header;
using ::pycapi::KindBit::StructMember;

NameIndex::NameIndex(::pycapi::CheckScope Scope, ::pycapi::PyVersion Target) {
  for (const ::pycapi::RemovedApi &Api : ::pycapi::allRemovedApis()) {
    if (Api.Scope != Scope || Api.RemovedIn > Target ||
        (Api.RestoredIn && Api.RestoredIn <= Target) || Api.Name.size() < 2)
      continue;
    if (Api.Kinds & Header) {
      Headers.push_back(&Api);
      continue;
    }
    // `PyDictObject.ma_version_tag`: found by the member expressions of the
    // AST, whose object type decides (see RemovedApiMembers.cpp).
    if (Api.Kinds & StructMember) {
      StringRef Member = Api.Name.split('.').second;
      if (!Member.empty())
        Members.insert({Member, &Api});
      if (Member.size() >= 2)
        MemberPrefixes.set(prefixKey(Member));
      continue;
    }
    Names.try_emplace(Api.Name, &Api);
    Prefixes.set(prefixKey(Api.Name));
  }
}

} // namespace clang::tidy::pycapi::removedapi
