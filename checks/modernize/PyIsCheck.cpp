//===--- PyIsCheck.cpp - pycapi-modernize-py-is ---------------------------===//
#include "PyIsCheck.h"
#include "SourceFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::modernize {

namespace {

constexpr llvm::StringLiteral ComparedByPointer =
    "'%0' compared by pointer; use %1";
constexpr llvm::StringLiteral NotReadable =
    "the code could not be read back from the file";

/// The singleton \p E is, written as Python's macro (Py_None, Py_True or
/// Py_False) and nothing more; "" for anything else.
StringRef singletonMacro(const Expr *E, const SourceManager &SM,
                         const LangOptions &LO) {
  SourceLocation Begin = E->getBeginLoc(), End = E->getEndLoc();
  SourceLocation MacroBegin, MacroEnd;
  if (!Lexer::isAtStartOfMacroExpansion(Begin, SM, LO, &MacroBegin) ||
      !Lexer::isAtEndOfMacroExpansion(End, SM, LO, &MacroEnd) ||
      MacroBegin.isMacroID() ||
      SM.getExpansionRange(Begin).getBegin() != MacroBegin ||
      SM.getExpansionRange(End).getEnd() != MacroEnd)
    return "";
  Token NameTok;
  if (Lexer::getRawToken(MacroBegin, NameTok, SM, LO) ||
      !NameTok.is(tok::raw_identifier))
    return "";
  StringRef Name = NameTok.getRawIdentifier();
  if (Name != "Py_None" && Name != "Py_True" && Name != "Py_False")
    return "";
  // Python's macro, not a project's of the same name.
  if (!::pycapi::isPythonHeaderPath(SM,
                                    SM.getFilename(SM.getSpellingLoc(Begin))))
    return "";
  return Name;
}

/// Whether \p E is a PyObject pointer, as Py_Is* take.
bool isObjectPointer(const Expr *E) {
  const auto *Pointer =
      E->IgnoreParenImpCasts()->getType()->getAs<PointerType>();
  const RecordDecl *Record =
      Pointer ? Pointer->getPointeeType()->getAsRecordDecl() : nullptr;
  return Record && Record->getName() == "_object";
}

} // namespace

void PyIsCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      binaryOperator(hasAnyOperatorName("==", "!=")).bind("comparison"), this);
}

void PyIsCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Comparison = Result.Nodes.getNodeAs<BinaryOperator>("comparison");
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  if (!isUsersFileCode(Comparison->getOperatorLoc(), SM))
    return;
  const Expr *LHS = Comparison->getLHS()->IgnoreImpCasts();
  const Expr *RHS = Comparison->getRHS()->IgnoreImpCasts();
  StringRef Singleton = singletonMacro(RHS, SM, LO);
  const Expr *Object = LHS;
  if (Singleton.empty()) {
    Singleton = singletonMacro(LHS, SM, LO);
    Object = RHS;
  }
  if (Singleton.empty() || !singletonMacro(Object, SM, LO).empty() ||
      !isObjectPointer(Object))
    return;
  const ModernizeRow &Row =
      *findModernizeRow("py-is", Singleton, ModernizeUse::Compare);
  std::string ObjectText = fileText(Object->getSourceRange(), SM, LO);
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Comparison->getSourceRange()), SM, LO);
  SourceLocation Loc = Comparison->getOperatorLoc();
  if (ObjectText.empty() || Whole.isInvalid()) {
    report(Loc, Row, ComparedByPointer, {}, NotReadable.str());
    return;
  }
  StringRef Not = Comparison->getOpcode() == BO_NE ? "!" : "";
  report(Loc, Row, ComparedByPointer,
         {FixItHint::CreateReplacement(
             Whole, (Not + Row.Replacement + "(" + ObjectText + ")").str())});
}

llvm::ArrayRef<llvm::StringRef> PyIsCheck::matchedNames() const {
  // Python's singletons as the parser receives them (`_Py_NoneStruct`):
  // every comparison the check rewrites holds one.
  static const std::vector<llvm::StringRef> Names = parsedNamesOf("py-is");
  return Names;
}

} // namespace clang::tidy::pycapi::modernize
