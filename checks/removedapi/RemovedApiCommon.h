//===--- RemovedApiCommon.h - what the removed-API files share ------------===//
//
// The names of src/common that every file of the removed-API engine uses,
// brought into its namespace once; how a step of planning a fix says that the
// use gets none; and the reasons more than one file gives.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICOMMON_H
#define PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICOMMON_H

#include "LLVMCompat.h"
#include "RemovedApi.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <utility>

namespace clang::tidy::pycapi::removedapi {

namespace KindBit = ::pycapi::KindBit;
using ::pycapi::formatPyVersion;
using ::pycapi::PyVersion;
using ::pycapi::RemovedApi;
using ::pycapi::RewriteKind;
using ::pycapi::compat::endsWith;
using ::pycapi::compat::startsWith;

/// Why a use gets no automatic fix: one sentence, which the user reads after
/// "no automatic fix: ". A step of planning a fix that only edits returns
/// std::nullopt when it succeeded, and is tested the way an llvm::Error is:
/// `if (NoFixReason Why = step(...)) return Why;`.
using NoFixReason = std::optional<std::string>;

/// Whether \p Cond is true exactly when \p Var is NULL: `!var`,
/// `var == NULL`, `NULL == var` (through parentheses and casts).
bool isNullTestOf(const clang::Expr *Cond, const clang::VarDecl *Var,
                  clang::ASTContext &Ctx);

/// The reason of a step that gives up: `return NoFix{CallNotRead};`.
struct NoFix {
  std::string Why;
};

/// What a step gives the fix (the call as written, a filled template), or
/// why the use gets none: the shape of llvm::Expected, with a sentence the
/// user reads in place of an llvm::Error that must be consumed.
template <typename T> class OrNoFix {
public:
  OrNoFix(T Value) : Value(std::move(Value)) {}
  OrNoFix(NoFix Failed) : Why(std::move(Failed.Why)) {}

  explicit operator bool() const { return Value.has_value(); }
  T &operator*() { return *Value; }
  const T &operator*() const { return *Value; }
  T *operator->() { return &*Value; }
  const T *operator->() const { return &*Value; }
  /// Why there is no value (only when there is none).
  const std::string &why() const { return Why; }

private:
  std::optional<T> Value;
  std::string Why;
};

// The reasons that more than one step gives.
constexpr llvm::StringLiteral CallNotRead =
    "the call's arguments could not be read";
constexpr llvm::StringLiteral ArgumentsDiffer =
    "the call does not have the arguments of the removed function";

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_REMOVEDAPICOMMON_H
