//===--- BufferCallSite.h - one call of a removed buffer function
//----------===//
//
// What a call of PyObject_As{Char,Read,Write}Buffer(obj, &ptr, &len) looks
// like to the rewrite: where ptr and len live, and how the caller tests the
// returned status, which decides where the success path starts.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_BUFFER_BUFFERCALLSITE_H
#define PYCAPI_CHECKS_BUFFER_BUFFERCALLSITE_H

#include "BufferReasons.h"
#include "utils/StmtParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi::buffer {

/// An out-argument of the old call: the lvalue that receives the pointer or
/// the length.
struct OutTarget {
  enum Kind {
    LocalVariable, ///< &p where p is a local (non-static) variable
    Lvalue,        ///< &s->member, &global, &array[i]
    Deref,         ///< pp, an out-parameter: the target is *pp
  };
  Kind K = Lvalue;
  const VarDecl *Var = nullptr; ///< for LocalVariable
  std::string Text;             ///< the lvalue, as it is assigned to
  QualType Type;                ///< the lvalue's type
  std::string BaseName;         ///< what the view is named after
  const Expr *Arg = nullptr;    ///< the argument as written
};

/// How the caller uses the returned status.
enum class StatusUse {
  /// `if (COND)` where COND true means the call failed (CALL < 0, CALL,
  /// CALL != 0, CALL == -1, or a || chain of such tests).
  IfTrueMeansFailure,
  /// `if (COND)` where COND true means success (!CALL, CALL == 0, or a &&
  /// chain of such tests).
  IfTrueMeansSuccess,
  /// `int r = CALL;` or `r = CALL;`, tested later through r.
  Stored,
  /// `CALL;` or `(void)CALL;`.
  Ignored,
  Unsupported,
};

struct BufferCallSite {
  const Expr *Call = nullptr; ///< CallExpr, or RecoveryExpr when undeclared
  std::string Name;           ///< the function name as spelled
  SourceLocation NameLoc;
  const Expr *Object = nullptr;
  OutTarget Pointer, Length;
  bool Writable = false; ///< PyObject_AsWriteBuffer

  StatusUse Use = StatusUse::Unsupported;
  /// The if statement for IfTrueMeans*, the statement that stores or
  /// ignores the status for Stored and Ignored.
  const Stmt *UseStmt = nullptr;
  /// For Stored: the variable that holds the status.
  const VarDecl *StatusVar = nullptr;
  /// For Stored: the status variable's name as written.
  std::string StatusText;
  /// For Stored: the if statement that tests the status next (`if (r < 0)`,
  /// `if (r)`, `if (!r)`), when only statements that leave the pointer, the
  /// length and the status alone come between: the copies then go where
  /// that test says the call succeeded, and its failure branch is the call's
  /// own. Null when there is no such test.
  const IfStmt *StatusTest = nullptr;
  /// For Stored with a StatusTest: whether its condition is true when the
  /// call failed.
  bool StatusTestTrueMeansFailure = false;
  /// For IfTrueMeans*: the test of this call's status (the comparison, the
  /// negation or the call itself) as it joins the condition.
  const Expr *Test = nullptr;
  /// For IfTrueMeans*: the operands of the ||/&& chain that are evaluated
  /// after this call's test. Fixable only when each is a test of another
  /// buffer call (`if (A < 0 || B < 0)`); see requireOnlySiteTestsAfter().
  std::vector<const Expr *> TestsAfter;
  /// Why the site cannot be fixed, when it cannot (with where the note
  /// goes, when not at the call).
  std::optional<Unfixable> WhyUnfixable;

  bool fixable() const { return !WhyUnfixable; }
  void markUnfixable(UnfixableReason Reason, std::string Name = {},
                     SourceLocation Loc = {}) {
    WhyUnfixable = Unfixable{Reason, std::move(Name), Loc};
  }

  /// The if statement whose condition is this call's own test (the one the
  /// call sits in, or the StatusTest of a stored status), or null.
  const IfStmt *ownTest() const;
  /// Whether ownTest()'s condition is true when the call failed.
  bool ownTestTrueMeansFailure() const {
    return Use == StatusUse::IfTrueMeansFailure ||
           (Use == StatusUse::Stored && StatusTestTrueMeansFailure);
  }
};

/// Fills \p Site's targets and status use from its call and arguments;
/// \p Parents knows the parents in the call's function.
void analyzeCallSite(BufferCallSite &Site, const ParentLookup &Parents);

/// Marks as unfixable the sites whose condition tests something other than
/// another fixable site after their own test: that test would run, and its
/// branch be taken, before the copies, with the view held and the pointer
/// not yet set. Repeats until no site changes, since a site made unfixable
/// disqualifies the tests that precede it.
void requireOnlySiteTestsAfter(std::vector<BufferCallSite> &Sites);

/// What a test of the status says when it is true.
enum class TestTruth {
  Failure, ///< true exactly when the call failed
  Success, ///< true exactly when the call succeeded
  Neither, ///< true for both outcomes, or for neither
};

/// What `STATUS <Op> Value` (or `Value <Op> STATUS` when \p StatusOnLeft is
/// false) says when it is true. The buffer functions return 0 or -1.
TestTruth comparisonTruth(BinaryOperatorKind Op, int64_t Value,
                          bool StatusOnLeft);

/// A comparison of a stored status with something: `r OP X` or `X OP r`.
struct StatusComparison {
  const BinaryOperator *Compare = nullptr;
  bool StatusOnLeft = false;
  const Expr *Other = nullptr; ///< X
  /// X's value when it is an integer constant.
  std::optional<int64_t> Value;
};

/// \p Cond as a comparison of the variable \p Status (parentheses and
/// implicit casts aside), or nothing when it is not one.
std::optional<StatusComparison>
statusComparison(const Expr *Cond, const VarDecl *Status, ASTContext &Context);

} // namespace clang::tidy::pycapi::buffer

#endif // PYCAPI_CHECKS_BUFFER_BUFFERCALLSITE_H
