//===--- ObjectFieldsCheck.cpp - pycapi-modernize-object-fields -----------===//
#include "ObjectFieldsCheck.h"
#include "CheckCatalog.h"
#include "SourceFilter.h"
#include "utils/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::modernize {

namespace {

/// PyObject's and PyVarObject's fields, by name.
const llvm::StringRef ObjectFields[] = {"ob_type", "ob_size", "ob_refcnt"};

constexpr llvm::StringLiteral Check = "object-fields";

constexpr llvm::StringLiteral ReadDirectly = "'%0' is read directly; use %1";
constexpr llvm::StringLiteral AssignedDirectly =
    "'%0' is assigned directly; use %1";
constexpr llvm::StringLiteral AddressOf =
    "a pointer to '%0' is taken; use %1 and its setter";
constexpr llvm::StringLiteral AssignedThroughGetter =
    "'%0' is assigned through its getter, which current Pythons reject; use "
    "%1";
constexpr llvm::StringLiteral ModifiedThroughGetter =
    "'%0' is modified through its getter, which current Pythons reject; use "
    "%1";

// Why a use gets no fix (read after "no automatic fix: ").
constexpr llvm::StringLiteral ModifiedInPlace =
    "the field is modified in place; write {0} with the new value";
constexpr llvm::StringLiteral AddressTaken =
    "the field's address is taken; the object's header is not the "
    "extension's to point into";
constexpr llvm::StringLiteral ValueUsed =
    "the assignment's value is used, and {0} returns nothing";
constexpr llvm::StringLiteral SideEffects =
    "the object's expression has side effects, and the rewrite reads it "
    "twice";
constexpr llvm::StringLiteral NotReadable =
    "the code could not be read back from the file";

/// The field a getter reads (Py_TYPE -> ob_type); "" for another name.
/// 3.10's Py_REFCNT macro calls the function _Py_REFCNT.
StringRef getterField(StringRef Getter) {
  return llvm::StringSwitch<StringRef>(Getter)
      .Case("Py_TYPE", "ob_type")
      .Case("Py_SIZE", "ob_size")
      .Case("Py_REFCNT", "ob_refcnt")
      .Case("_Py_REFCNT", "ob_refcnt")
      .Default("");
}

/// Where \p Loc is written when it is written in a file, directly or as
/// (a part of) macro arguments; invalid when a macro's body writes it.
SourceLocation writtenLoc(SourceLocation Loc, const SourceManager &SM) {
  while (Loc.isMacroID()) {
    if (!SM.isMacroArgExpansion(Loc))
      return {};
    Loc = SM.getImmediateSpellingLoc(Loc);
  }
  return Loc;
}

/// The object whose header holds the field that \p Member reads, as a
/// pointer's text: `op` for `op->ob_type` or `((PyObject *)op)->ob_type`,
/// `self` for `self->ob_base.ob_type`, `&obj` for `obj.ob_type`.
std::string objectPointerText(const MemberExpr *Member, const SourceManager &SM,
                              const LangOptions &LO) {
  const Expr *Base = Member->getBase();
  bool Arrow = Member->isArrow();
  // From Python 3.12 on ob_refcnt is in an anonymous union of PyObject.
  while (const auto *Anonymous = dyn_cast<MemberExpr>(Base->IgnoreParens())) {
    const auto *Field = dyn_cast<FieldDecl>(Anonymous->getMemberDecl());
    if (!Field || !Field->isAnonymousStructOrUnion())
      break;
    Arrow = Anonymous->isArrow();
    Base = Anonymous->getBase();
  }
  // `self->ob_base.ob_type`, `self->ob_base.ob_base.ob_type`: the header is
  // the first member, so the object itself is the pointer.
  while (!Arrow) {
    const auto *Header = dyn_cast<MemberExpr>(Base->IgnoreParens());
    const auto *Field =
        Header ? dyn_cast<FieldDecl>(Header->getMemberDecl()) : nullptr;
    if (!Field || Field->getName() != "ob_base" || Field->getFieldIndex() != 0)
      break;
    Arrow = Header->isArrow();
    Base = Header->getBase();
  }
  if (Arrow)
    return fileText(objectArgument(Base)->getSourceRange(), SM, LO);
  const Expr *Object = Base->IgnoreParens();
  std::string Text = fileText(Object->getSourceRange(), SM, LO);
  if (Text.empty())
    return "";
  if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr>(Object))
    return "&" + Text;
  return "&(" + Text + ")";
}

} // namespace

ObjectFieldsCheck::ObjectFieldsCheck(StringRef Name, ClangTidyContext *Context)
    : ModernizeCheckBase(Name, Context),
      FieldAccess(Options.get(catalog::FieldAccess.Key,
                              catalog::FieldAccess.defaultFlag())) {}

void ObjectFieldsCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  ModernizeCheckBase::storeOptions(Opts);
  Options.store(Opts, catalog::FieldAccess.Key, FieldAccess);
}

void ObjectFieldsCheck::registerMatchers(MatchFinder *Finder) {
  // The fields themselves still compile on every supported Python: their
  // reads and writes are a style change, made when asked (FieldAccess).
  if (FieldAccess)
    Finder->addMatcher(
        memberExpr(member(fieldDecl(hasAnyName(ObjectFields)))).bind("member"),
        this);
  // `Py_TYPE(op) = t` against headers whose Py_TYPE is a function (3.11
  // on): clang keeps the getter's call and the value in a RecoveryExpr.
  Finder->addMatcher(recoveryExpr().bind("recovery"), this);
  // The same against older headers (3.9, 3.10), whose Py_TYPE and Py_SIZE
  // (and 3.9's Py_REFCNT) are macros that expand to the field: it compiles
  // there, and no longer on 3.11.
  auto HeaderField = ignoringParens(memberExpr(
      member(fieldDecl(hasAnyName("ob_type", "ob_size", "ob_refcnt")))));
  // Two matchers, not anyOf under expr(): each runs on its node kind only.
  Finder->addMatcher(binaryOperator(isAssignmentOperator(), hasLHS(HeaderField))
                         .bind("macroAssign"),
                     this);
  Finder->addMatcher(unaryOperator(hasAnyOperatorName("++", "--"),
                                   hasUnaryOperand(HeaderField))
                         .bind("macroAssign"),
                     this);
}

void ObjectFieldsCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Member = Result.Nodes.getNodeAs<MemberExpr>("member"))
    checkField(Member, Result);
  else if (const auto *Recovery =
               Result.Nodes.getNodeAs<RecoveryExpr>("recovery"))
    checkGetterAssignment(Recovery, Result);
  else if (const auto *Change = Result.Nodes.getNodeAs<Expr>("macroAssign"))
    checkMacroAssignment(Change, Result);
}

void ObjectFieldsCheck::checkField(const MemberExpr *Member,
                                   const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  const auto *Field = cast<FieldDecl>(Member->getMemberDecl());
  // The field of Python's PyObject or PyVarObject, not a project's struct
  // that has a field of the same name.
  if (!::pycapi::isPythonHeaderPath(
          SM, SM.getFilename(SM.getSpellingLoc(Field->getLocation()))))
    return;
  SourceLocation Loc = writtenLoc(Member->getMemberLoc(), SM);
  if (!isUsersFileCode(Loc, SM) || isArgumentOfAssigningMacro(Member, SM, LO))
    return;
  StringRef Name = Field->getName();
  std::string Object = objectPointerText(Member, SM, LO);

  const Expr *Parent = enclosingExpr(Member, *Result.Context);
  auto IsOperand = [&](const Expr *Operand) {
    return Operand->IgnoreParenImpCasts() == Member;
  };
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Parent);
      Assign && Assign->isAssignmentOp() && IsOperand(Assign->getLHS())) {
    // Py_CLEAR(op->ob_type) and other macros that assign their argument are
    // theirs, not the project's.
    if (Assign->getOperatorLoc().isMacroID())
      return;
    const ModernizeRow &Row =
        *findModernizeRow(Check, Name, ModernizeUse::Write);
    if (Assign->getOpcode() != BO_Assign) {
      report(Loc, Row, AssignedDirectly, {},
             llvm::formatv(ModifiedInPlace.data(), Row.Replacement).str());
      return;
    }
    if (!isStatementOfItsOwn(Assign, *Result.Context)) {
      report(Loc, Row, AssignedDirectly, {},
             llvm::formatv(ValueUsed.data(), Row.Replacement).str());
      return;
    }
    std::string Value = fileText(Assign->getRHS()->getSourceRange(), SM, LO);
    CharSourceRange Whole = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Assign->getSourceRange()), SM, LO);
    if (Object.empty() || Value.empty() || Whole.isInvalid()) {
      report(Loc, Row, AssignedDirectly, {}, NotReadable.str());
      return;
    }
    report(Loc, Row, AssignedDirectly,
           {FixItHint::CreateReplacement(
               Whole,
               (Row.Replacement + "(" + Object + ", " + Value + ")").str())});
    return;
  }
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Parent);
      Unary &&
      (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)) {
    if (Unary->getOperatorLoc().isMacroID())
      return;
    if (Unary->getOpcode() == UO_AddrOf) {
      report(Loc, *findModernizeRow(Check, Name, ModernizeUse::Read), AddressOf,
             {}, AddressTaken.str());
      return;
    }
    const ModernizeRow &Row =
        *findModernizeRow(Check, Name, ModernizeUse::Write);
    report(Loc, Row, AssignedDirectly, {},
           llvm::formatv(ModifiedInPlace.data(), Row.Replacement).str());
    return;
  }
  const ModernizeRow &Row = *findModernizeRow(Check, Name, ModernizeUse::Read);
  CharSourceRange Whole = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Member->getSourceRange()), SM, LO);
  if (Object.empty() || Whole.isInvalid()) {
    report(Loc, Row, ReadDirectly, {}, NotReadable.str());
    return;
  }
  report(Loc, Row, ReadDirectly,
         {FixItHint::CreateReplacement(
             Whole, (Row.Replacement + "(" + Object + ")").str())});
}

void ObjectFieldsCheck::checkGetterAssignment(
    const RecoveryExpr *Recovery, const MatchFinder::MatchResult &Result) {
  // `Py_SIZE(op) = n` and `Py_SIZE(op) += n` keep the getter's call and the
  // value; `Py_SIZE(op)++` and `--Py_SIZE(op)` the call only.
  auto Parts = Recovery->subExpressions();
  if (Parts.empty() || Parts.size() > 2)
    return;
  const auto *Getter = dyn_cast<CallExpr>(Parts[0]->IgnoreImplicit());
  const FunctionDecl *Callee = Getter ? Getter->getDirectCallee() : nullptr;
  if (!Callee || !Callee->getIdentifier() || Getter->getNumArgs() != 1)
    return;
  StringRef Field = getterField(Callee->getName());
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  if (Field.empty() ||
      !::pycapi::isPythonHeaderPath(
          SM, SM.getFilename(SM.getSpellingLoc(Callee->getLocation()))))
    return;
  CharSourceRange GetterRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Getter->getSourceRange()), SM, LO);
  if (GetterRange.isInvalid() || !isUsersFileCode(GetterRange.getBegin(), SM))
    return;
  auto Text = [&](SourceLocation Begin, SourceLocation End) {
    return Lexer::getSourceText(CharSourceRange::getCharRange(Begin, End), SM,
                                LO)
        .trim();
  };
  GetterChange Change;
  CharSourceRange WholeRange;
  if (Parts.size() == 2) {
    CharSourceRange ValueRange = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Parts[1]->getSourceRange()), SM, LO);
    if (ValueRange.isInvalid() || SM.getFileID(ValueRange.getBegin()) !=
                                      SM.getFileID(GetterRange.getEnd()))
      return;
    // Only an assignment operator between the getter and the value:
    // `Py_TYPE(o) == t` is not this.
    StringRef Operator = Text(GetterRange.getEnd(), ValueRange.getBegin());
    if (!Operator.consume_back("=") ||
        !llvm::is_contained(llvm::ArrayRef<StringRef>{"", "+", "-", "*", "/",
                                                      "%", "&", "|", "^", "<<",
                                                      ">>"},
                            Operator))
      return;
    Change.Kind =
        Operator.empty() ? GetterChange::Assign : GetterChange::Compound;
    Change.Operator = Operator.str();
    Change.Value = Lexer::getSourceText(ValueRange, SM, LO).str();
    WholeRange = CharSourceRange::getCharRange(GetterRange.getBegin(),
                                               ValueRange.getEnd());
  } else {
    WholeRange = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Recovery->getSourceRange()), SM, LO);
    if (WholeRange.isInvalid())
      return;
    StringRef Before = Text(WholeRange.getBegin(), GetterRange.getBegin());
    StringRef After = Text(GetterRange.getEnd(), WholeRange.getEnd());
    StringRef Step = Before.empty() ? After : Before;
    if (!(Before.empty() != After.empty()) || (Step != "++" && Step != "--"))
      return;
    Change.Kind = Before.empty() ? GetterChange::Postfix : GetterChange::Prefix;
    Change.Operator = Step.take_front(1).str();
    Change.Value = "1";
  }
  reportGetterChange(Field, GetterRange, WholeRange, Change, Recovery,
                     Getter->getArg(0), *Result.Context);
}

void ObjectFieldsCheck::checkMacroAssignment(
    const Expr *Change, const MatchFinder::MatchResult &Result) {
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  const auto *Assign = dyn_cast<BinaryOperator>(Change);
  const auto *Step = dyn_cast<UnaryOperator>(Change);
  const Expr *Target = Assign ? Assign->getLHS() : Step->getSubExpr();
  const auto *Member = cast<MemberExpr>(Target->IgnoreParens());
  const auto *FieldDeclaration = cast<FieldDecl>(Member->getMemberDecl());
  SourceLocation Begin = Target->getBeginLoc();
  SourceLocation OperatorLoc =
      Assign ? Assign->getOperatorLoc() : Step->getOperatorLoc();
  // The target is the whole expansion of Python's getter macro, written in
  // the user's file; the operator is the user's too.
  if (!Begin.isMacroID() || OperatorLoc.isMacroID() ||
      !::pycapi::isPythonHeaderPath(
          SM,
          SM.getFilename(SM.getSpellingLoc(FieldDeclaration->getLocation()))) ||
      !::pycapi::isPythonHeaderPath(SM,
                                    SM.getFilename(SM.getSpellingLoc(Begin))))
    return;
  StringRef Field = getterField(Lexer::getImmediateMacroName(Begin, SM, LO));
  if (Field != FieldDeclaration->getName())
    return;
  CharSourceRange GetterRange =
      Lexer::makeFileCharRange(SM.getImmediateExpansionRange(Begin), SM, LO);
  if (GetterRange.isInvalid() || !isUsersFileCode(GetterRange.getBegin(), SM))
    return;
  GetterChange Description;
  CharSourceRange WholeRange = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Change->getSourceRange()), SM, LO);
  if (WholeRange.isInvalid())
    return;
  if (Assign) {
    CharSourceRange ValueRange = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Assign->getRHS()->getSourceRange()), SM,
        LO);
    if (ValueRange.isInvalid())
      return;
    Description.Value = Lexer::getSourceText(ValueRange, SM, LO).str();
    if (Assign->isCompoundAssignmentOp()) {
      Description.Kind = GetterChange::Compound;
      Description.Operator =
          BinaryOperator::getOpcodeStr(
              BinaryOperator::getOpForCompoundAssignment(Assign->getOpcode()))
              .str();
    }
  } else {
    Description.Kind =
        Step->isPrefix() ? GetterChange::Prefix : GetterChange::Postfix;
    Description.Operator = Step->isIncrementOp() ? "+" : "-";
    Description.Value = "1";
  }
  reportGetterChange(Field, GetterRange, WholeRange, Description, Change,
                     Member->getBase(), *Result.Context);
}

void ObjectFieldsCheck::reportGetterChange(
    StringRef Field, CharSourceRange GetterRange, CharSourceRange WholeRange,
    const GetterChange &Change, const Expr *Whole, const Expr *Object,
    ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const ModernizeRow &Row =
      *findModernizeRow(Check, Field, ModernizeUse::Write);
  SourceLocation Loc = GetterRange.getBegin();
  StringRef Message = Change.Kind == GetterChange::Assign
                          ? AssignedThroughGetter
                          : ModifiedThroughGetter;
  bool OwnStatement = isStatementOfItsOwn(Whole, Context);
  if (Change.Kind == GetterChange::Assign && !OwnStatement) {
    report(Loc, Row, Message, {},
           llvm::formatv(ValueUsed.data(), Row.Replacement).str());
    return;
  }
  StringRef GetterText = Lexer::getSourceText(GetterRange, SM, LO);
  StringRef GetterName = GetterText.take_until([](char C) { return C == '('; });
  StringRef ObjectText = GetterText.drop_front(GetterName.size());
  if (!ObjectText.consume_front("(") || !ObjectText.consume_back(")")) {
    report(Loc, Row, Message, {}, NotReadable.str());
    return;
  }
  ObjectText = ObjectText.trim();
  GetterName = GetterName.trim();
  if (Change.Kind == GetterChange::Assign) {
    report(Loc, Row, Message,
           {FixItHint::CreateReplacement(
               WholeRange,
               (Row.Replacement + "(" + ObjectText + ", " + Change.Value + ")")
                   .str())});
    return;
  }
  // The getter is read again: the object must be the same each time.
  if (Object->HasSideEffects(Context)) {
    report(Loc, Row, Message, {}, SideEffects.str());
    return;
  }
  bool Simple = llvm::all_of(
      Change.Value, [](char C) { return llvm::isAlnum(C) || C == '_'; });
  std::string Read = (GetterName + "(" + ObjectText + ")").str();
  std::string NewValue = Read + " " + Change.Operator + " " +
                         (Simple ? Change.Value : "(" + Change.Value + ")");
  std::string Set =
      (Row.Replacement + "(" + ObjectText + ", " + NewValue + ")").str();
  // Its value used: a comma expression sets, then yields what the operator
  // yielded (the old value for a postfix step).
  std::string Text = Set;
  if (!OwnStatement) {
    std::string Value = Read;
    if (Change.Kind == GetterChange::Postfix)
      Value += Change.Operator == "+" ? " - 1" : " + 1";
    Text = "(" + Set + ", " + Value + ")";
  }
  report(Loc, Row, Message, {FixItHint::CreateReplacement(WholeRange, Text)});
}

llvm::ArrayRef<llvm::StringRef> ObjectFieldsCheck::matchedNames() const {
  return ObjectFields;
}

} // namespace clang::tidy::pycapi::modernize
