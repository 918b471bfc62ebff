//===--- RemovedBufferApiCheck.cpp - pycapi-removed-buffer-api -------------===//
#include "RemovedBufferApiCheck.h"
#include "RemovedApi.h"
#include "SourceFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi {

using ::pycapi::findRemovedApi;
using ::pycapi::formatPyVersion;
using ::pycapi::isUserCode;
using ::pycapi::RemovedApi;

RemovedBufferApiCheck::RemovedBufferApiCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {}

void RemovedBufferApiCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(
                   "PyObject_AsCharBuffer", "PyObject_AsReadBuffer",
                   "PyObject_AsWriteBuffer", "PyObject_CheckReadBuffer"))))
          .bind("call"),
      this);
}

void RemovedBufferApiCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const SourceManager &SM = *Result.SourceManager;
  SourceLocation Loc = Call->getBeginLoc();
  if (!isUserCode(SM, Loc))
    return;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const RemovedApi *Api = findRemovedApi(Callee->getName());
  if (!Api)
    return;
  auto Diag = diag(Loc, "'%0' was removed in Python %1; use %2")
              << Callee->getName() << formatPyVersion(Api->RemovedIn)
              << Api->Replacement;
}

} // namespace clang::tidy::pycapi
