//===--- MatchDemand.cpp - where the checks' matchers may find something --===//
#include "MatchDemand.h"
#include "PerPreprocessor.h"
#include "TokenWatch.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

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
  // Compared by identity: every token of the user's files comes here.
  llvm::SmallVector<const IdentifierInfo *, 4> Identifiers;
  for (llvm::StringRef Name : Names)
    Identifiers.push_back(PP.getIdentifierInfo(Name));
  addTokenListener(PP, [this, Identifiers](const Token &Tok) {
    if (llvm::is_contained(Identifiers, Tok.getIdentifierInfo()))
      mark();
  });
}

std::vector<Decl *>
MatchDemand::markedDeclarations(ASTContext &Context) const {
  std::vector<Decl *> Marked;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (Marks.happenedWhileReading(*D) != false)
      Marked.push_back(D);
  return Marked;
}

} // namespace clang::tidy::pycapi
