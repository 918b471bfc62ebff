//===--- FrameAccessCheck.cpp - pycapi-modernize-frame-access -------------===//
#include "FrameAccessCheck.h"
#include "SourceFilter.h"
#include "utils/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::modernize {

namespace {

/// The fields of frames and thread states that have getters, by name.
const llvm::StringRef FrameFields[] = {"f_back", "f_code", "interp", "frame"};

constexpr llvm::StringLiteral Check = "frame-access";

constexpr llvm::StringLiteral ReadDirectly = "'%0' is read directly; use %1";
constexpr llvm::StringLiteral AssignedDirectly =
    "'%0' is assigned directly, and Python has no setter for it";

// Why a use gets no fix (read after "no automatic fix: ").
constexpr llvm::StringLiteral NoSetter =
    "rewrite the code so that it does not change the field";
constexpr llvm::StringLiteral NotReadable =
    "the code could not be read back from the file";

/// The struct whose fields \p Field is one of: `_frame` (PyFrameObject) for
/// f_back and f_code, `_ts` (PyThreadState) for interp and frame.
StringRef structOf(StringRef Field) {
  // (Not StringSwitch::Cases, whose signature LLVM 22 deprecates.)
  if (Field == "f_back" || Field == "f_code")
    return "_frame";
  if (Field == "interp" || Field == "frame")
    return "_ts";
  return "";
}

/// Whether \p Object (the object of a `->` access) points to Python's struct
/// \p Struct.
bool pointsToPythonStruct(const Expr *Object, StringRef Struct,
                          const SourceManager &SM) {
  if (!Object || Object->getType().isNull())
    return false;
  const auto *Pointer = Object->getType()->getAs<PointerType>();
  const RecordDecl *Record =
      Pointer ? Pointer->getPointeeType()->getAsRecordDecl() : nullptr;
  return Record && Record->getName() == Struct &&
         ::pycapi::isPythonHeaderPath(
             SM, SM.getFilename(SM.getSpellingLoc(Record->getLocation())));
}

} // namespace

void FrameAccessCheck::registerMatchers(MatchFinder *Finder) {
  // Headers that declare the fields (before 3.11; `interp` still).
  Finder->addMatcher(
      memberExpr(member(fieldDecl(hasAnyName(FrameFields)))).bind("member"),
      this);
  // Headers that do not: C keeps the object in a RecoveryExpr that ends at
  // the field's name, C++ in a dependent member expression.
  Finder->addMatcher(recoveryExpr().bind("recovery"), this);
  Finder->addMatcher(cxxDependentScopeMemberExpr().bind("dependent"), this);
}

void FrameAccessCheck::check(const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  if (const auto *Member = Result.Nodes.getNodeAs<MemberExpr>("member")) {
    checkAccess(Member->getBase(), Member->isArrow(),
                Member->getMemberDecl()->getName(), Member->getMemberLoc(),
                Member, Result);
    return;
  }
  if (const auto *Dependent =
          Result.Nodes.getNodeAs<CXXDependentScopeMemberExpr>("dependent")) {
    if (Dependent->isImplicitAccess() || !Dependent->getMember().isIdentifier())
      return;
    const Expr *Base = Dependent->getBase()->IgnoreParens();
    if (const auto *Recovery = dyn_cast<RecoveryExpr>(Base);
        Recovery && Recovery->subExpressions().size() == 1)
      Base = Recovery->subExpressions().front();
    checkAccess(Base, Dependent->isArrow(),
                Dependent->getMember().getAsIdentifierInfo()->getName(),
                Dependent->getMemberLoc(), Dependent, Result);
    return;
  }
  const auto *Recovery = Result.Nodes.getNodeAs<RecoveryExpr>("recovery");
  if (!Recovery || Recovery->subExpressions().size() != 1)
    return;
  // `f->f_back` in C against headers without the field: the object alone,
  // in a RecoveryExpr that ends at the field's name.
  const Expr *Base = Recovery->subExpressions().front();
  if (!Base)
    return;
  // Written in a file, or as a macro's argument (`Py_INCREF(f->f_code)`).
  auto Written = [&](SourceLocation Loc) {
    if (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
      Loc = SM.getSpellingLoc(Loc);
    return Loc.isFileID() ? Loc : SourceLocation();
  };
  SourceLocation NameLoc = Written(Recovery->getEndLoc());
  SourceLocation BaseEnd = Written(Base->getEndLoc());
  if (NameLoc.isInvalid() || BaseEnd.isInvalid())
    return;
  Token NameTok;
  if (Lexer::getRawToken(NameLoc, NameTok, SM, LO) ||
      !NameTok.is(tok::raw_identifier))
    return;
  SourceLocation AfterBase = Lexer::getLocForEndOfToken(BaseEnd, 0, SM, LO);
  if (AfterBase.isInvalid() ||
      !SM.isBeforeInTranslationUnit(AfterBase, NameLoc))
    return;
  StringRef Between =
      Lexer::getSourceText(CharSourceRange::getCharRange(AfterBase, NameLoc),
                           SM, LO)
          .trim();
  if (Between != "->")
    return;
  checkAccess(Base, /*Arrow=*/true, NameTok.getRawIdentifier(), NameLoc,
              Recovery, Result);
}

void FrameAccessCheck::checkAccess(const Expr *Object, bool Arrow,
                                   StringRef Field, SourceLocation FieldLoc,
                                   const Expr *Access,
                                   const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  StringRef Struct = structOf(Field);
  if (Struct.empty() || !Arrow || !pointsToPythonStruct(Object, Struct, SM))
    return;
  if (FieldLoc.isMacroID()) {
    if (!SM.isMacroArgExpansion(FieldLoc))
      return;
    FieldLoc = SM.getSpellingLoc(FieldLoc);
  }
  if (!isUsersFileCode(FieldLoc, SM) ||
      isArgumentOfAssigningMacro(Access, SM, LO))
    return;
  const ModernizeRow &Row = *findModernizeRow(Check, Field, ModernizeUse::Read);
  const Expr *Parent = enclosingExpr(Access, *Result.Context);
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
      Assign && Assign->isAssignmentOp() &&
      Assign->getLHS()->IgnoreParenImpCasts() == Access) {
    // Py_CLEAR(f->f_code) is the macro's assignment, not the project's.
    if (Assign->getOperatorLoc().isMacroID())
      return;
    report(FieldLoc, Row, AssignedDirectly, {}, NoSetter.str());
    return;
  }
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Parent);
      Unary && Unary->getOpcode() == UO_AddrOf) {
    if (Unary->getOperatorLoc().isMacroID())
      return;
    report(FieldLoc, Row, AssignedDirectly, {}, NoSetter.str());
    return;
  }
  std::string ObjectText =
      fileText(Object->IgnoreParens()->getSourceRange(), SM, LO);
  SourceLocation Begin = Access->getBeginLoc();
  if (Begin.isMacroID() && SM.isMacroArgExpansion(Begin))
    Begin = SM.getSpellingLoc(Begin);
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Begin, FieldLoc), SM, LO);
  if (ObjectText.empty() || Whole.isInvalid()) {
    report(FieldLoc, Row, ReadDirectly, {}, NotReadable.str());
    return;
  }
  report(FieldLoc, Row, ReadDirectly,
         {FixItHint::CreateReplacement(
             Whole, (Row.Replacement + "(" + ObjectText + ")").str())});
}

llvm::ArrayRef<llvm::StringRef> FrameAccessCheck::matchedNames() const {
  return FrameFields;
}

} // namespace clang::tidy::pycapi::modernize
