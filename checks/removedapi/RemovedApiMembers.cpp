//===--- RemovedApiMembers.cpp - uses of removed struct members -----------===//
//
// `PyDictObject.ma_version_tag` is not a name on its own: a member named
// `ma_version_tag` is the removed one only when the object is Python's
// PyDictObject. So these rows are found in the AST, where the object's type
// is known: a MemberExpr when the headers still declare the member, and the
// RecoveryExpr that clang builds around the object when they no longer do
// ("no member named ..."; C++, and C from the LLVM majors whose C parser
// keeps recovery expressions).
//
//===----------------------------------------------------------------------===//
#include "RemovedApiCheckBase.h"
#include "SourceFilter.h"
#include "utils/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::removedapi {

namespace {

/// What `d->ma_version_tag` leaves against headers without the member: the
/// object alone (see checkMember).
AST_MATCHER(RecoveryExpr, hasOneSubExpression) {
  return Node.subExpressions().size() == 1;
}

/// Whether \p Record is the struct that row \p Api's `Struct.member` names:
/// by its tag (`struct _ts`), the typedef of an anonymous struct, or a
/// typedef of that name in Python's headers (`typedef struct _ts
/// PyThreadState`). A project's own struct never matches.
bool isRowStruct(const RecordDecl *Record, const RemovedApi &Api,
                 ASTContext &Ctx) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record ||
      ::pycapi::isUserCode(Ctx.getSourceManager(), Record->getLocation()))
    return false;
  StringRef Struct = Api.Name.split('.').first;
  if (Record->getName() == Struct)
    return true;
  if (const TypedefNameDecl *Anon = Record->getTypedefNameForAnonDecl())
    if (Anon->getName() == Struct)
      return true;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Struct)))
    if (const auto *Typedef = dyn_cast<TypedefNameDecl>(D))
      if (const RecordDecl *Named =
              Typedef->getUnderlyingType()->getAsRecordDecl())
        if (Named->getDefinition() == Record)
          return true;
  return false;
}

/// The struct an access `Base.member` (or `Base->member`) reads from.
const RecordDecl *accessedRecord(QualType Base, bool Arrow) {
  if (Base.isNull())
    return nullptr;
  if (Arrow) {
    const auto *Pointer = Base->getAs<PointerType>();
    if (!Pointer)
      return nullptr;
    Base = Pointer->getPointeeType();
  }
  return Base->getAsRecordDecl();
}

} // namespace

void RemovedApiCheckBase::registerMemberMatchers(MatchFinder *Finder) {
  // Rows of this kind exist only from 3.14 on; without one, no AST work.
  if (!Index.hasMembers())
    return;
  // Name tests first: every member access of the unit, Python's inline
  // functions' included, passes through these matchers.
  Finder->addMatcher(
      memberExpr(names::namesRemovedMember(&Index)).bind("member"), this);
  Finder->addMatcher(recoveryExpr(hasOneSubExpression()).bind("recovery"),
                     this);
}

void RemovedApiCheckBase::checkMember(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const SourceManager &SM = *Result.SourceManager;

  if (const auto *Member = Result.Nodes.getNodeAs<MemberExpr>("member")) {
    const IdentifierInfo *Name = Member->getMemberDecl()
                                     ? Member->getMemberDecl()->getIdentifier()
                                     : nullptr;
    if (!Name)
      return;
    auto Rows = Index.members(Name->getName());
    if (Rows.first == Rows.second)
      return;
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    const RecordDecl *Record = Field ? Field->getParent() : nullptr;
    for (auto It = Rows.first; It != Rows.second; ++It)
      if (isRowStruct(Record, *It->second, Ctx)) {
        record(Member->getMemberLoc(), *It->second, UseKind::Member, false);
        return;
      }
    return;
  }

  // `d->ma_version_tag` against headers without the member: clang keeps `d`
  // in a RecoveryExpr that ends at the member's name.
  const auto *Recovery = Result.Nodes.getNodeAs<RecoveryExpr>("recovery");
  if (!Recovery || Recovery->subExpressions().size() != 1)
    return;
  const Expr *Base = Recovery->subExpressions().front();
  SourceLocation NameLoc = Recovery->getEndLoc();
  if (!Base || NameLoc.isInvalid() || NameLoc.isMacroID() ||
      Base->getEndLoc().isMacroID())
    return;
  const LangOptions &Lang = Ctx.getLangOpts();
  Token NameTok;
  if (Lexer::getRawToken(NameLoc, NameTok, SM, Lang) ||
      !NameTok.is(tok::raw_identifier))
    return;
  auto Rows = Index.members(NameTok.getRawIdentifier());
  if (Rows.first == Rows.second)
    return;
  // Only `.` or `->` may stand between the object and the name.
  SourceLocation AfterBase =
      Lexer::getLocForEndOfToken(Base->getEndLoc(), 0, SM, Lang);
  if (AfterBase.isInvalid() ||
      !SM.isBeforeInTranslationUnit(AfterBase, NameLoc))
    return;
  StringRef Between =
      Lexer::getSourceText(CharSourceRange::getCharRange(AfterBase, NameLoc),
                           SM, Lang)
          .trim();
  if (Between != "." && Between != "->")
    return;
  const RecordDecl *Record = accessedRecord(Base->getType(), Between == "->");
  for (auto It = Rows.first; It != Rows.second; ++It)
    if (isRowStruct(Record, *It->second, Ctx)) {
      record(NameLoc, *It->second, UseKind::Member, false);
      return;
    }
}

} // namespace clang::tidy::pycapi::removedapi
