//===--- RemovedApi.cpp - generated table of removed CPython symbols
//-------===//
#include "RemovedApi.h"
#include "TableIndex.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>

namespace pycapi {
namespace {

const RemovedApi Table[] = {
#define PYCAPI_REMOVED_API(Name, Kinds, RemovedIn, Private, Replacement,       \
                           Since, Rewrite, Compat, Condition, Notes, Scope,    \
                           Fix, RestoredIn, LimitedOnly, FixWhen, Advice,      \
                           Planned, Caveat, Buffer)                            \
  {Name,        static_cast<uint16_t>(Kinds),                                  \
   RemovedIn,   Private,                                                       \
   Replacement, Since,                                                         \
   Rewrite,     Compat,                                                        \
   Condition,   Notes,                                                         \
   Scope,       Fix,                                                           \
   RestoredIn,  LimitedOnly,                                                   \
   FixWhen,     Advice,                                                        \
   Planned,     Caveat,                                                        \
   Buffer},
#include "pycapi/RemovedApiTable.inc"
#undef PYCAPI_REMOVED_API
};

} // namespace

const RemovedApi *findRemovedApi(llvm::StringRef Name) {
  static const auto Index = indexByName<RemovedApi>(Table);
  return Index.lookup(Name);
}

llvm::ArrayRef<RemovedApi> allRemovedApis() { return Table; }

PyVersion parsePyVersion(llvm::StringRef Text) {
  auto [Major, Minor] = Text.trim().split('.');
  unsigned MajorValue = 0, MinorValue = 0;
  if (Major.getAsInteger(10, MajorValue) ||
      Minor.getAsInteger(10, MinorValue) || MinorValue > 99)
    return 0;
  return MajorValue * 100 + MinorValue;
}

std::string formatPyVersion(PyVersion Version) {
  return std::to_string(Version / 100) + "." + std::to_string(Version % 100);
}

} // namespace pycapi
