//===--- NonRetainingFunctions.h - callees that use a pointer briefly -----===//
//
// A buffer pointer passed to a function whose body the analysis cannot see
// may be kept by it (cairo_image_surface_create_for_data keeps its data), so
// such a call gets a note. The functions known to use the pointer only
// during the call (memcpy, PyBytes_FromStringAndSize, crc32, ...) come from
// data/buffer-nonretaining-functions.tsv, which users extend with the check
// option NonRetainingFunctions.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_BUFFER_NONRETAININGFUNCTIONS_H
#define PYCAPI_CHECKS_BUFFER_NONRETAININGFUNCTIONS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::pycapi::buffer {

class NonRetainingFunctions {
public:
  /// The data table plus the names of \p Extra, a semicolon-separated list
  /// (the clang-tidy convention for list options; blanks around a name and
  /// empty entries are ignored).
  explicit NonRetainingFunctions(llvm::StringRef Extra = "");

  /// Whether \p Name uses its pointer arguments only during the call.
  bool contains(llvm::StringRef Name) const { return Names.count(Name); }
  /// Whether \p Name returns a pointer into its argument (memchr, strstr):
  /// the result then stands for the pointer.
  bool resultPointsIntoArgument(llvm::StringRef Name) const {
    auto It = Names.find(Name);
    return It != Names.end() && It->second;
  }

private:
  llvm::StringMap<bool> Names;
};

} // namespace clang::tidy::pycapi::buffer

#endif // PYCAPI_CHECKS_BUFFER_NONRETAININGFUNCTIONS_H
