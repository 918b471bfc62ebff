//===--- NonRetainingFunctions.cpp - callees that use a pointer briefly ---===//
#include "NonRetainingFunctions.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::pycapi::buffer {

namespace {

struct TableRow {
  const char *Name;
  bool ResultIntoArgument;
};

const TableRow Table[] = {
#define PYCAPI_NONRETAINING(Name, ResultIntoArgument)                          \
  {Name, ResultIntoArgument},
#include "pycapi/BufferNonRetainingFunctions.inc"
#undef PYCAPI_NONRETAINING
};

} // namespace

NonRetainingFunctions::NonRetainingFunctions(llvm::StringRef Extra) {
  for (const TableRow &Row : Table)
    Names[Row.Name] = Row.ResultIntoArgument;
  llvm::SmallVector<llvm::StringRef, 8> Listed;
  Extra.split(Listed, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Name : Listed)
    if (!(Name = Name.trim()).empty())
      Names.try_emplace(Name, false);
}

} // namespace clang::tidy::pycapi::buffer
