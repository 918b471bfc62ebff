//===--- MatchDemand.h - where the checks' matchers may find something ----===//
//
// The CLI's matchers walk the user's top-level declarations (UserScope.h),
// and on a large file that walk is most of a check's cost, whatever it
// finds: most declarations hold nothing a given check looks for. The buffer
// check matches calls of four functions, the removed-API checks the names of
// their table; the parser receives each of those names as a token while it
// reads the declaration that holds it.
//
// So a check that can tell, from the tokens, where its matchers may find
// something promises to do so when the unit starts (promise()), and marks
// the declaration being read when such a token comes (mark()). When every
// check of the run has promised, the CLI walks only the marked top-level
// declarations: no check can match anything in the others. A run with one
// check that has not promised walks them all, as before.
//
// The marks are by time, not by place. A token marks the top-level
// declaration that the parser is reading when it lexes the token, which
// UserScope learns when the parser hands the declaration over; the parser's
// lookahead is covered as UserScope covers it for file changes. clang's
// recovery from a compiler error (a RecoveryExpr, a typo correction) builds
// nodes from no token of the name a check looks for, so the CLI marks the
// declaration being read when an error comes, and matches the whole unit
// after an error it cannot place (src/cli/ScopedTidy.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_MATCHDEMAND_H
#define PYCAPI_CHECKS_UTILS_MATCHDEMAND_H

#include "DeclGroupLog.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <vector>

namespace clang::tidy::pycapi {

/// The promises and marks of the checks of one translation unit.
class MatchDemand {
public:
  /// The demand of the unit \p PP preprocesses, made on first use; call
  /// from registerPPCallbacks.
  static MatchDemand &of(Preprocessor &PP);
  /// The demand of \p PP's unit, or null when no check has made one.
  static std::shared_ptr<MatchDemand> find(const Preprocessor &PP);

  /// The calling check's matchers find nothing in a top-level declaration
  /// it never marks.
  void promise() { ++Promises; }
  /// Promises, and marks where the parser receives one of \p Names: for a
  /// check whose every match is named in the user's code by one of them.
  void promiseNames(Preprocessor &PP, llvm::ArrayRef<llvm::StringRef> Names);
  /// The top-level declaration being read may hold a match.
  void mark() { Marked = true; }

  /// How many checks promised.
  unsigned promises() const { return Promises; }

  /// Notes the top-level declarations the parser has just finished (what
  /// ASTConsumer::HandleTopLevelDecl receives).
  void handedOver(DeclGroupRef Group) {
    if (Marks.handedOver(Group, Marked))
      Marked = false;
  }
  /// The top-level declarations of \p Context's unit that a check marked,
  /// or may have (those never handed over), in the unit's order.
  std::vector<Decl *> markedDeclarations(ASTContext &Context) const;

private:
  unsigned Promises = 0;
  bool Marked = false;
  DeclGroupLog Marks;
  /// The names of every promiseNames(), which one token listener watches
  /// for (compared by identity: every token of the user's files comes).
  llvm::SmallPtrSet<const IdentifierInfo *, 16> Names;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_MATCHDEMAND_H
