//===--- ViewLifetime.h - how long a Py_buffer view must be held
//-----------===//
//
// The removed functions released the buffer at once and handed out a pointer
// that only stayed valid as long as the exporter did nothing. A faithful
// rewrite holds the view while the pointer (or anything derived from it) is
// used, and releases it on every path that leaves that region. When the
// pointer escapes the function, no local region bounds its use: then the
// view is released right after the copy, exactly as before.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_BUFFER_VIEWLIFETIME_H
#define PYCAPI_CHECKS_BUFFER_VIEWLIFETIME_H

#include "BufferCallSite.h"
#include "BufferReasons.h"
#include "NonRetainingFunctions.h"
#include "clang/AST/Decl.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi::buffer {

/// A call that receives the pointer (or an alias, or a pointer derived from
/// it) and may keep it after the view is released: its callee's body is not
/// visible and the function is not known to use the pointer only during the
/// call, or it is called through a function pointer.
struct MayKeepCall {
  const Expr *Call = nullptr; ///< the CallExpr or CXXConstructExpr
  SourceLocation Loc;         ///< where the note goes
  std::string Callee;         ///< its name, or the callee expression as written
  std::string Pointer;        ///< the argument, as written
  unsigned ArgIndex = 0;
};

/// Where the view of one call site is released.
struct ReleasePlan {
  /// Release right after copying pointer and length (the pre-3.13 lifetime).
  bool Immediate = false;
  /// When Lifetime fell back to Immediate: why, and where.
  std::optional<Fallback> FellBack;

  /// Lifetime: the compound statement the view is held in.
  const CompoundStmt *Holding = nullptr;
  /// Lifetime: release before H's closing brace.
  bool ReleaseAtEnd = false;
  /// Lifetime: statements (return, goto, break, continue, throw, or the
  /// statement around a macro that hides a return) to release before.
  std::vector<const Stmt *> ReleaseBefore;
  /// Lifetime: returns whose value reads the pointer or the length.
  std::vector<const ReturnStmt *> ReturnsReadingView;
  /// Lifetime: throw statements whose operand reads the pointer or the
  /// length (the statement: the throw, or the ExprWithCleanups around it).
  std::vector<const Stmt *> ThrowsReadingView;
  /// Lifetime: labels outside H that gotos reach; released right after.
  std::vector<const LabelStmt *> ReleaseAfterLabel;
  /// Calls that may keep the pointer, in source order, one per call. Found
  /// under both strategies; they do not make Lifetime fall back.
  std::vector<MayKeepCall> MayKeepCalls;
};

/// Plans the release of \p Site's view under the Lifetime strategy, falling
/// back to Immediate (with a reason) when the pointer escapes or the control
/// flow is beyond this analysis. \p ViewScope is the compound statement the
/// view is declared in, \p ViewDeclEnd where its declaration ends, and
/// \p OtherSites every other fixable site in the function. Calls of
/// functions in \p NonRetaining use the pointer only during the call.
/// \p Parents has the parents in \p Function, \p ParentMaps those in the
/// functions it calls.
ReleasePlan
planRelease(const BufferCallSite &Site, const FunctionDecl &Function,
            const CompoundStmt *ViewScope, SourceLocation ViewDeclEnd,
            const std::vector<const BufferCallSite *> &OtherSites,
            const NonRetainingFunctions &NonRetaining,
            const ParentLookup &Parents, DeclParentMaps &ParentMaps);

/// Whether another of \p Others is tested in \p Site's condition
/// (`if (A < 0 || B < 0)`): the failure path may then hold \p Site's view.
bool sharesCondition(const BufferCallSite &Site,
                     llvm::ArrayRef<const BufferCallSite *> Others,
                     const ParentLookup &Parents);

} // namespace clang::tidy::pycapi::buffer

#endif // PYCAPI_CHECKS_BUFFER_VIEWLIFETIME_H
