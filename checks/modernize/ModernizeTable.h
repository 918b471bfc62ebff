//===--- ModernizeTable.h - what the modernization checks rewrite into ----===//
//
// The rows of data/modernize-api.tsv: for each old spelling a check
// rewrites, its replacement and the first Python that has it, so that the
// checks know when a fix needs the compat header without a version written
// in C++.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_MODERNIZETABLE_H
#define PYCAPI_CHECKS_MODERNIZE_MODERNIZETABLE_H

#include "RemovedApi.h"
#include "llvm/ADT/StringRef.h"
#include <vector>

namespace clang::tidy::pycapi::modernize {

/// How the old spelling is used (the data's `use` column).
enum class ModernizeUse { Read, Write, Call, Compare, NewRef, Clear, SetRef };

struct ModernizeRow {
  /// The check's name without "pycapi-modernize-".
  llvm::StringRef Check;
  llvm::StringRef Old;
  ModernizeUse Use;
  llvm::StringRef Replacement;
  /// The first Python that has Replacement; 0 when only the compat header
  /// defines it.
  ::pycapi::PyVersion Since;
  bool InCompatHeader;
};

/// The row of \p Check for \p Old used as \p Use; null when there is none.
const ModernizeRow *findModernizeRow(llvm::StringRef Check, llvm::StringRef Old,
                                     ModernizeUse Use);

/// The identifiers that the parser receives where the user's code spells
/// one of the old spellings of \p Check, once Python's macros are expanded
/// (`_Py_NoneStruct` for Py_None), on any supported Python: the data of
/// python-macro-expansions.tsv for each of the check's rows.
std::vector<llvm::StringRef> parsedNamesOf(llvm::StringRef Check);

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_MODERNIZETABLE_H
