//===--- TableIndex.h - a generated table's entries by name
//----------------===//
#ifndef PYCAPI_COMMON_TABLEINDEX_H
#define PYCAPI_COMMON_TABLEINDEX_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"

namespace pycapi {

/// The entries of \p Table by their Name; of two entries with one name, the
/// first. Built once by the caller, into a function-local static (thread
/// safe: the workers of the CLI look names up at once).
template <typename Entry>
llvm::StringMap<const Entry *> indexByName(llvm::ArrayRef<Entry> Table) {
  llvm::StringMap<const Entry *> Index;
  for (const Entry &E : Table)
    Index.try_emplace(E.Name, &E);
  return Index;
}

} // namespace pycapi

#endif // PYCAPI_COMMON_TABLEINDEX_H
