//===--- UserScope.cpp - the top-level declarations that may hold user code
//===//
#include "UserScope.h"
#include "SourceFilter.h"
#include "clang/AST/DeclBase.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Config/llvm-config.h"
#include <algorithm>

namespace clang::tidy::pycapi {

class UserScopeRecorder : public PPCallbacks {
public:
  explicit UserScopeRecorder(std::shared_ptr<UserScope> Shared)
      : Shared(std::move(Shared)), Scope(*this->Shared) {}

  void MacroExpands(const Token &NameTok, const MacroDefinition &Definition,
                    SourceRange, const MacroArgs *) override {
    // Called for every expansion, mostly of the headers' own macros: the
    // definition's file is tested first, from offsets alone.
    const MacroInfo *Info = Definition.getMacroInfo();
    if (!Info || !Scope.inUserFile(Info->getDefinitionLoc()))
      return;
    SourceLocation At = Scope.SM.getExpansionLoc(NameTok.getLocation());
    const UserScope::FileSpan *Span = Scope.spanOf(At);
    if (Span && !Span->User) {
      Scope.Crossings.push_back(At.getRawEncoding());
      Scope.EventPending = true;
    }
  }

  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    Scope.EventPending = true;
    if (Reason == EnterFile)
      Scope.entered(Scope.SM.getFileID(Loc));
  }

private:
  // The consumer that reads the scope may go before the preprocessor.
  std::shared_ptr<UserScope> Shared;
  UserScope &Scope;
};

std::unique_ptr<PPCallbacks>
UserScope::recorder(std::shared_ptr<UserScope> Scope) {
  return std::make_unique<UserScopeRecorder>(std::move(Scope));
}

void UserScope::entered(FileID File) {
  if (File.isInvalid())
    return;
  SourceLocation Start = SM.getLocForStartOfFile(File);
  bool User = ::pycapi::isUserCode(SM, Start);
  // The offsets of a file run to its end-of-file position, inclusive.
  Files.push_back({Start.getRawEncoding(),
                   Start.getRawEncoding() + SM.getFileIDSize(File) + 1, User});
  // A file of the user's included from one that is not.
  SourceLocation Include = SM.getIncludeLoc(File);
  if (User && Include.isValid()) {
    Include = SM.getExpansionLoc(Include);
    const FileSpan *From = spanOf(Include);
    if (From && !From->User)
      Crossings.push_back(Include.getRawEncoding());
  }
}

const UserScope::FileSpan *UserScope::spanOf(SourceLocation Loc) {
  if (Loc.isInvalid() || !Loc.isFileID() || Files.empty())
    return nullptr;
  SourceLocation::UIntTy Offset = Loc.getRawEncoding();
  auto Holds = [&](const FileSpan &Span) {
    return Span.Begin <= Offset && Offset < Span.End;
  };
  if (LastFound < Files.size() && Holds(Files[LastFound]))
    return &Files[LastFound];
  auto After =
      std::upper_bound(Files.begin(), Files.end(), Offset,
                       [](SourceLocation::UIntTy Offset, const FileSpan &Span) {
                         return Offset < Span.Begin;
                       });
  if (After == Files.begin() || !Holds(*std::prev(After)))
    return nullptr;
  LastFound = std::prev(After) - Files.begin();
  return &Files[LastFound];
}

void UserScope::handedOver(DeclGroupRef Group) {
  if (Events.handedOver(Group, EventPending))
    EventPending = false;
}

bool UserScope::readInOneFile(const Decl &D) const {
  return Events.happenedWhileReading(D) == false;
}

bool UserScope::mayHoldUserCode(const Decl &D) {
  // A declaration with no text of its own (a builtin typedef, C's implicit
  // declaration of a called function) costs nothing to keep.
  SourceRange Range = D.getSourceRange();
  if (D.isImplicit() || Range.isInvalid() || D.getLocation().isInvalid())
    return true;
  // Where the declaration's text is, as the preprocessor read it: the name
  // first, then the end, then the beginning (a macro such as PyAPI_FUNC,
  // the costly one to place).
  const FileSpan *Span = spanOf(SM.getExpansionLoc(D.getLocation()));
  if (!Span || Span->User)
    return true;
  if (readInOneFile(D))
    return false;
  SourceLocation End = Range.getEnd();
  if (End.isMacroID())
    End = SM.getExpansionRange(End).getEnd();
  if (spanOf(End) != Span)
    return true;
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  if (spanOf(Begin) != Span || End < Begin)
    return true;
  // One file that is not the user's, from Begin to End: the user's code is
  // there only if it reaches in.
  auto First = std::lower_bound(Crossings.begin(), Crossings.end(),
                                Begin.getRawEncoding());
  return First != Crossings.end() && *First <= End.getRawEncoding();
}

std::vector<Decl *> UserScope::declarations(ASTContext &Context) {
  TranslationUnitDecl *Unit = Context.getTranslationUnitDecl();
  if (Context.getExternalSource())
    return {Unit};
  llvm::sort(Files, [](const FileSpan &A, const FileSpan &B) {
    return A.Begin < B.Begin;
  });
  llvm::sort(Crossings);
  // Last to first: the source manager finds a macro's location fastest
  // just before the one it found last (see getFileIDLocal).
  std::vector<Decl *> All(Unit->decls_begin(), Unit->decls_end());
  std::vector<bool> Keep(All.size());
  for (size_t I = All.size(); I-- > 0;)
    Keep[I] = mayHoldUserCode(*All[I]);
  std::vector<Decl *> Kept;
  for (size_t I = 0; I < All.size(); ++I)
    if (Keep[I])
      Kept.push_back(All[I]);
  return Kept;
}

ast_matchers::MatchFinder::MatchFinderOptions tidyMatchFinderOptions() {
  ast_matchers::MatchFinder::MatchFinderOptions Options;
#if LLVM_VERSION_MAJOR >= 22
  // Since 22, clang-tidy does not match in system headers unless the
  // configuration sets SystemHeaders (the CLI then keeps the whole unit).
  Options.IgnoreSystemHeaders = true;
#endif
  return Options;
}

bool traversalIsLimited(const ASTContext &Context) {
  std::vector<Decl *> Scope = Context.getTraversalScope();
  return Scope.size() != 1 || !isa<TranslationUnitDecl>(Scope.front());
}

std::vector<Decl *> outsideTraversalScope(ASTContext &Context) {
  if (!traversalIsLimited(Context))
    return {};
  std::vector<Decl *> Scope = Context.getTraversalScope();
  llvm::DenseSet<const Decl *> Inside(Scope.begin(), Scope.end());
  std::vector<Decl *> Outside;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (!Inside.count(D))
      Outside.push_back(D);
  return Outside;
}

} // namespace clang::tidy::pycapi
