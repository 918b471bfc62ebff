//===--- FrameAccessCheck.h - pycapi-modernize-frame-access ---------------===//
//
// `f->f_back`, `f->f_code` on a PyFrameObject (opaque since Python 3.11) and
// `ts->interp`, `ts->frame` on a PyThreadState (`frame` gone since 3.11):
// rewritten into the getters. PyFrame_GetBack, PyFrame_GetCode and
// PyThreadState_GetFrame return new references where the fields were
// borrowed, so, as upgrade_pythoncapi.py does, the fix calls
// pythoncapi_compat.h's borrowing helpers (_PyFrame_GetBackBorrow, ...),
// which keep the code's reference counting as it was. Found in the AST,
// also against headers that no longer declare the fields, where clang keeps
// the object in a recovery expression.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_FRAMEACCESSCHECK_H
#define PYCAPI_CHECKS_MODERNIZE_FRAMEACCESSCHECK_H

#include "ModernizeCheckBase.h"

namespace clang::tidy::pycapi::modernize {

class FrameAccessCheck : public ModernizeCheckBase {
public:
  using ModernizeCheckBase::ModernizeCheckBase;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

protected:
  llvm::ArrayRef<llvm::StringRef> matchedNames() const override;

private:
  /// `Object->Field` (or `Object.Field`), written as \p Access.
  void checkAccess(const Expr *Object, bool Arrow, StringRef Field,
                   SourceLocation FieldLoc, const Expr *Access,
                   const ast_matchers::MatchFinder::MatchResult &Result);
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_FRAMEACCESSCHECK_H
