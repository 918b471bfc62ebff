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

struct MacroExpansion {
  llvm::StringRef Macro;
  llvm::StringRef Identifier;
};

constexpr MacroExpansion Expansions[] = {
#define PYCAPI_MODERNIZE(Check, Old, Use, Replacement, Since, InCompat)
#define PYCAPI_MACRO_EXPANSION(Macro, Identifier) {Macro, Identifier},
#include "pycapi/ModernizeTable.inc"
#undef PYCAPI_MACRO_EXPANSION
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

std::vector<llvm::StringRef> parsedNamesOf(llvm::StringRef Check) {
  std::vector<llvm::StringRef> Names;
  for (const ModernizeRow &Row : Rows)
    if (Row.Check == Check)
      for (const MacroExpansion &Expansion : Expansions)
        if (Expansion.Macro == Row.Old &&
            !llvm::is_contained(Names, Expansion.Identifier))
          Names.push_back(Expansion.Identifier);
  return Names;
}

} // namespace clang::tidy::pycapi::modernize
