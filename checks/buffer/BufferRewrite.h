//===--- BufferRewrite.h - rewrite the As*Buffer calls of one function
//-----===//
//
// Turns every fixable PyObject_As{Char,Read,Write}Buffer call of a function
// into PyObject_GetBuffer on a zero-initialised Py_buffer view, copies the
// pointer and length out on the success path, and releases the view where
// ViewLifetime says. All calls of one function are rewritten as one fix.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_BUFFER_BUFFERREWRITE_H
#define PYCAPI_CHECKS_BUFFER_BUFFERREWRITE_H

#include "../utils/SourceEdit.h"
#include "BufferCallSite.h"
#include "ViewLifetime.h"
#include <vector>

namespace clang::tidy::pycapi::buffer {

struct RewriteOptions {
  /// ReleaseStrategy=Immediate: release right after the copy, everywhere.
  bool Immediate = false;
  /// Turn any PyObject_GetBuffer failure of a former AsWriteBuffer call into
  /// the TypeError the old function raised.
  bool PreserveWriteBufferTypeError = false;
  /// The functions that use a pointer only during the call (the data table
  /// and the check option); required.
  const NonRetainingFunctions *NonRetaining = nullptr;
};

struct SiteOutcome {
  bool Fixed = false;
  ReleasePlan Plan;
  std::string ObjectText; ///< the exporter, as written
};

struct FunctionRewrite {
  FixBuilder Fix;
  std::vector<SiteOutcome> Outcomes; ///< parallel to the sites
};

/// An edit of another diagnostic inside the function (a
/// PyObject_CheckReadBuffer rename): folded into the text of any statement
/// the rewrite replaces as a whole, see FixBuilder::absorbedForeign().
struct ForeignEdit {
  CharSourceRange Range;
  std::string Text;
};

/// Analyses and rewrites \p Sites (calls in \p Function, in source order).
/// Sites that cannot be fixed get their WhyUnfixable set. \p ParentMaps
/// gives the parents in the function and in those it calls.
FunctionRewrite rewriteFunction(const FunctionDecl &Function,
                                std::vector<BufferCallSite> &Sites,
                                llvm::ArrayRef<ForeignEdit> ForeignEdits,
                                const RewriteOptions &Options,
                                DeclParentMaps &ParentMaps);

} // namespace clang::tidy::pycapi::buffer

#endif // PYCAPI_CHECKS_BUFFER_BUFFERREWRITE_H
