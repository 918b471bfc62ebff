//===--- MatchDemand.cpp - where the checks' matchers may find something --===//
#include "MatchDemand.h"
#include "PerPreprocessor.h"
#include "TokenWatch.h"

namespace clang::tidy::pycapi {

MatchDemand &MatchDemand::of(Preprocessor &PP) {
  // The preprocessor owns it; a reference stays valid while it runs.
  return *perPreprocessor<MatchDemand>(PP);
}

std::shared_ptr<MatchDemand> MatchDemand::find(const Preprocessor &PP) {
  return findPerPreprocessor<MatchDemand>(PP);
}

void MatchDemand::promiseNames(Preprocessor &PP,
                               llvm::ArrayRef<llvm::StringRef> Names) {
  promise();
  bool First = this->Names.empty();
  for (llvm::StringRef Name : Names)
    this->Names.insert(PP.getIdentifierInfo(Name));
  if (First)
    addIdentifierListener(PP, [this](const Token &Tok) {
      if (this->Names.count(Tok.getIdentifierInfo()))
        mark();
    });
}

std::vector<Decl *> MatchDemand::markedDeclarations(ASTContext &Context) const {
  std::vector<Decl *> Marked;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (Marks.happenedWhileReading(*D) != false)
      Marked.push_back(D);
  return Marked;
}

} // namespace clang::tidy::pycapi
