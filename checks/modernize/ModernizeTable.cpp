//===--- ModernizeTable.cpp - what the modernization checks rewrite into --===//
#include "ModernizeTable.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::pycapi::modernize {

namespace {

constexpr ModernizeRow Rows[] = {
#define PYCAPI_MODERNIZE(Check, Old, Use, Replacement, Since, InCompat)        \
  {Check, Old, ModernizeUse::Use, Replacement, Since, InCompat},
#include "pycapi/ModernizeTable.inc"
#undef PYCAPI_MODERNIZE
};

} // namespace

const ModernizeRow *findModernizeRow(llvm::StringRef Check, llvm::StringRef Old,
                                     ModernizeUse Use) {
  for (const ModernizeRow &Row : Rows)
    if (Row.Use == Use && Row.Old == Old && Row.Check == Check)
      return &Row;
  return nullptr;
}

} // namespace clang::tidy::pycapi::modernize
