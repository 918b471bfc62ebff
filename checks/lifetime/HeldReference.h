//===--- HeldReference.h - where a strong reference must be released -----===//
//
// A migration that replaces a borrowed reference by a strong one (the
// weakref check's PyWeakref_GetRef) must release it on every path that
// leaves the region where the variable is still read, once, and never where
// it is NULL. The plan is read off the function's CFG (FunctionFlow):
//
//   1. which paths may see the variable NULL, from the tests the code makes
//      of it (the caller says how each test reads after its rewrite);
//   2. where the variable is still read (a backward liveness of the one
//      variable);
//   3. a release after the statement of each last read, and before the
//      statement that starts each path the variable is dead on but still
//      held.
//
// The plan is then checked by running it over the CFG: every read must see
// the reference held, every path must release it exactly once before the
// function returns, and a release must not run where it may not be held.
// A plan that fails the check is not offered; the reason is.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_LIFETIME_HELDREFERENCE_H
#define PYCAPI_CHECKS_LIFETIME_HELDREFERENCE_H

#include "FunctionFlow.h"
#include "utils/StmtParents.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi::lifetime {

/// What the code knows of the variable at a point.
enum class Nullness : unsigned char { Unreached, Null, NonNull, Maybe };

/// How a branch condition reads after the rewrite: the variable's state on
/// its true branch and on its false branch.
struct NullTest {
  Nullness IfTrue = Nullness::Maybe;
  Nullness IfFalse = Nullness::Maybe;
};

/// One release: before or after a statement of a block (or the single
/// statement of a branch, which then needs braces).
struct ReleaseEdit {
  const Stmt *Statement = nullptr;
  bool Before = false;
  /// The reference may be NULL there: Py_XDECREF rather than Py_DECREF.
  bool MayBeNull = false;
  /// Statement is a return whose value reads the variable: the value goes
  /// into a temporary, then the release, then the temporary is returned.
  bool ThroughTemporary = false;
  /// Statement is a return that hands the reference to the caller: it
  /// releases it for the function, and no text is written for it.
  bool Transfer = false;
};

struct HeldReferencePlan {
  std::vector<ReleaseEdit> Releases;
  /// Every read of the variable after the acquisition, and what the code
  /// knows of it there (filled when there is no plan too).
  std::vector<std::pair<const Stmt *, Nullness>> Reads;
  /// Why there is no plan (empty when there is one), and where.
  std::string Fallback;
  SourceLocation FallbackLoc;
  bool ok() const { return Fallback.empty(); }
};

/// Plans the releases of the strong reference that \p Names[0] holds from
/// the element \p Acquisition (its declaration, or an assignment to it) on;
/// the other names are locals that hold the same object (aliases), whose
/// reads keep it alive too. \p TestOf says how a branch condition tests the
/// variable (nothing when it does not); \p Parents has the parents in the
/// function. \p Transfers are the returns that hand the reference to the
/// caller (`return obj;` where the old code returned a new reference).
HeldReferencePlan planHeldReference(
    const FunctionFlow &Flow, llvm::ArrayRef<const VarDecl *> Names,
    const Stmt &Acquisition,
    llvm::function_ref<std::optional<NullTest>(const Expr &Condition)> TestOf,
    const ParentLookup &Parents,
    llvm::ArrayRef<const ReturnStmt *> Transfers = {});

} // namespace clang::tidy::pycapi::lifetime

#endif // PYCAPI_CHECKS_LIFETIME_HELDREFERENCE_H
