//===--- RefcountIdiomsCheck.cpp - pycapi-modernize-refcount-idioms -------===//
#include "RefcountIdiomsCheck.h"
#include "SourceFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
#include <optional>

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::modernize {

namespace {

constexpr llvm::StringLiteral Check = "refcount-idioms";

constexpr llvm::StringLiteral HandedOn =
    "'%0' followed by a use of the same object; use %1";
constexpr llvm::StringLiteral Cleared =
    "'%0' followed by setting the variable to NULL; use %1";
constexpr llvm::StringLiteral Replaced =
    "'%0' followed by an assignment to the same variable; use %1";
constexpr llvm::StringLiteral ReplacedByHand =
    "'%0' of the old value after the assignment; use %1";

/// A statement that is a call of Python's reference counting macro, as
/// written: `Py_INCREF(x);`.
struct RefcountCall {
  StringRef Macro;
  /// The argument's text and expression (none for Py_CLEAR, whose argument
  /// is an lvalue the macro assigns).
  std::string Argument;
  const Expr *Object = nullptr;
};

/// The statements of a block as written in the file: each one's range, its
/// ';' included.
CharSourceRange writtenStatement(const Stmt *S, const SourceManager &SM,
                                 const LangOptions &LO) {
  CharSourceRange Range = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S->getSourceRange()), SM, LO);
  if (Range.isInvalid() || isa<DeclStmt>(S))
    return Range;
  Token Semi;
  SourceLocation After = Range.getEnd();
  // Skip whitespace to the ';' that ends an expression or return statement.
  StringRef Rest = SM.getCharacterData(After);
  size_t Skip = Rest.find_first_not_of(" \t");
  After = After.getLocWithOffset(Skip);
  if (Lexer::getRawToken(After, Semi, SM, LO) || !Semi.is(tok::semi))
    return {};
  return CharSourceRange::getCharRange(Range.getBegin(),
                                       After.getLocWithOffset(1));
}

std::optional<RefcountCall> refcountCall(const Stmt *S, const SourceManager &SM,
                                         const LangOptions &LO) {
  if (!S->getBeginLoc().isMacroID())
    return std::nullopt;
  const auto *E = dyn_cast<Expr>(S);
  const auto *Call = E ? dyn_cast<CallExpr>(E->IgnoreParenImpCasts()) : nullptr;
  // Py_CLEAR is a statement (do ... while (0)); the others are calls.
  if (!isa<DoStmt>(S) && (!Call || Call->getNumArgs() != 1))
    return std::nullopt;
  CharSourceRange Written = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(S->getSourceRange()), SM, LO);
  if (Written.isInvalid())
    return std::nullopt;
  Token Name;
  if (Lexer::getRawToken(Written.getBegin(), Name, SM, LO) ||
      !Name.is(tok::raw_identifier))
    return std::nullopt;
  StringRef Macro = Name.getRawIdentifier();
  if (isa<DoStmt>(S) ? Macro != "Py_CLEAR"
                     : Macro != "Py_INCREF" && Macro != "Py_XINCREF" &&
                           Macro != "Py_DECREF" && Macro != "Py_XDECREF")
    return std::nullopt;
  // Python's macro: its expansion is spelled in Python's headers.
  if (!::pycapi::isPythonHeaderPath(
          SM, SM.getFilename(SM.getSpellingLoc(S->getBeginLoc()))))
    return std::nullopt;
  StringRef Text = Lexer::getSourceText(Written, SM, LO);
  StringRef Argument = Text.drop_front(Macro.size()).trim();
  if (!Argument.consume_front("(") || !Argument.consume_back(")"))
    return std::nullopt;
  // The object: the argument past the macro's cast to PyObject *.
  const Expr *Object = nullptr;
  if (Call) {
    Object = Call->getArg(0)->IgnoreParenImpCasts();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Object))
      Object = Cast->getSubExpr()->IgnoreParenImpCasts();
  }
  return RefcountCall{Macro, Argument.trim().str(), Object};
}

/// Whether \p E is a PyObject pointer.
bool isObjectPointer(QualType Type) {
  const auto *Pointer = Type->getAs<PointerType>();
  const RecordDecl *Record =
      Pointer ? Pointer->getPointeeType()->getAsRecordDecl() : nullptr;
  return Record && Record->getName() == "_object";
}

/// `Target = Value` as a statement of its own.
const BinaryOperator *plainAssignment(const Stmt *S) {
  const auto *Assign = dyn_cast<BinaryOperator>(S);
  return Assign && Assign->getOpcode() == BO_Assign ? Assign : nullptr;
}

/// The one variable that \p S declares with an initializer.
const VarDecl *singleDeclaration(const Stmt *S) {
  const auto *Decl = dyn_cast<DeclStmt>(S);
  const auto *Var = Decl && Decl->isSingleDecl()
                        ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                        : nullptr;
  return Var && Var->hasInit() ? Var : nullptr;
}

/// How many times \p Body names \p Var.
unsigned countReferences(const Stmt *Body, const VarDecl *Var) {
  struct Counter : RecursiveASTVisitor<Counter> {
    const VarDecl *Var;
    unsigned Count = 0;
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      if (Ref->getDecl() == Var)
        ++Count;
      return true;
    }
  } Visitor;
  Visitor.Var = Var;
  Visitor.TraverseStmt(const_cast<Stmt *>(Body));
  return Visitor.Count;
}

/// The statement of a block of \p Body that declares \p Var alone; null
/// when it is declared with others or elsewhere (a parameter, a for loop).
const DeclStmt *ownDeclaration(const Stmt *Body, const VarDecl *Var) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *Var;
    const DeclStmt *Found = nullptr;
    bool VisitCompoundStmt(CompoundStmt *Block) {
      for (Stmt *S : Block->body())
        if (const auto *Decl = dyn_cast<DeclStmt>(S);
            Decl && Decl->isSingleDecl() && Decl->getSingleDecl() == Var)
          Found = Decl;
      return !Found;
    }
  } Visitor;
  Visitor.Var = Var;
  Visitor.TraverseStmt(const_cast<Stmt *>(Body));
  return Visitor.Found;
}

/// \p Range widened to its whole line when nothing else is written on it:
/// from the end of the line before (the line end and the indentation) to the
/// statement's end, so that removing it leaves no blank line. (Not to the
/// next line's start: clang's fix-it merging would then take one more space,
/// seeing whitespace on both sides of the removal.)
CharSourceRange wholeLine(CharSourceRange Range, const SourceManager &SM) {
  const char *Begin = SM.getCharacterData(Range.getBegin());
  const char *End = SM.getCharacterData(Range.getEnd());
  StringRef Buffer = SM.getBufferData(SM.getFileID(Range.getBegin()));
  const char *BufferEnd = Buffer.data() + Buffer.size();
  const char *LineBegin = Begin;
  while (LineBegin > Buffer.data() &&
         (LineBegin[-1] == ' ' || LineBegin[-1] == '\t'))
    --LineBegin;
  const char *LineEnd = End;
  while (LineEnd < BufferEnd && (*LineEnd == ' ' || *LineEnd == '\t'))
    ++LineEnd;
  if (LineBegin == Buffer.data() || LineBegin[-1] != '\n' ||
      LineEnd == BufferEnd || (*LineEnd != '\n' && *LineEnd != '\r'))
    return Range;
  const char *PreviousLineEnd = LineBegin - 1;
  if (PreviousLineEnd > Buffer.data() && PreviousLineEnd[-1] == '\r')
    --PreviousLineEnd;
  return CharSourceRange::getCharRange(
      Range.getBegin().getLocWithOffset(PreviousLineEnd - Begin),
      Range.getEnd().getLocWithOffset(LineEnd - End));
}

} // namespace

void RefcountIdiomsCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(
      compoundStmt(hasAncestor(functionDecl().bind("function"))).bind("block"),
      this);
}

void RefcountIdiomsCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Block = Result.Nodes.getNodeAs<CompoundStmt>("block");
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LO = Result.Context->getLangOpts();
  ASTContext &Ctx = *Result.Context;
  if (!Function || !Function->hasBody())
    return;
  std::vector<const Stmt *> Stmts(Block->body_begin(), Block->body_end());
  // An expression's text as written. A macro whose body is one parenthesised
  // expression (Py_None is `(&_Py_NoneStruct)`, Py_False casts it first) is
  // written only whole: its name is the text of the parentheses and casts
  // around the expression, which denote the same object.
  auto TextOf = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    std::string Text = fileText(E->getSourceRange(), SM, LO);
    while (Text.empty()) {
      auto Parents = Ctx.getParents(*E);
      const auto *Up = Parents.size() == 1 ? Parents[0].get<Expr>() : nullptr;
      if (!Up || !isa<ParenExpr, CastExpr>(Up))
        break;
      E = Up;
      Text = fileText(E->getSourceRange(), SM, LO);
    }
    return Text;
  };
  auto Pure = [&](const Expr *E) { return E && !E->HasSideEffects(Ctx); };
  // The replacement of statements First..Last by Text, when nothing but
  // whitespace stands between them.
  auto Rewrite = [&](size_t First, size_t Last,
                     const std::string &Text) -> std::optional<FixItHint> {
    CharSourceRange Begin = writtenStatement(Stmts[First], SM, LO);
    if (Begin.isInvalid() || !isUsersFileCode(Begin.getBegin(), SM))
      return std::nullopt;
    SourceLocation End = Begin.getEnd();
    for (size_t I = First + 1; I <= Last; ++I) {
      CharSourceRange Next = writtenStatement(Stmts[I], SM, LO);
      if (Next.isInvalid() ||
          SM.getFileID(Next.getBegin()) != SM.getFileID(End) ||
          !Lexer::getSourceText(
               CharSourceRange::getCharRange(End, Next.getBegin()), SM, LO)
               .trim()
               .empty())
        return std::nullopt;
      End = Next.getEnd();
    }
    return FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(Begin.getBegin(), End), Text);
  };
  auto IsIncref = [](const std::optional<RefcountCall> &C) {
    return C && (C->Macro == "Py_INCREF" || C->Macro == "Py_XINCREF");
  };
  auto IsDecref = [](const std::optional<RefcountCall> &C) {
    return C && (C->Macro == "Py_DECREF" || C->Macro == "Py_XDECREF");
  };
  // The new reference's call around \p Value for a target of type \p To:
  // `Py_NewRef(v)`, or `(T *)Py_NewRef(v)` for `(T *)v` into a T *; the
  // object's text goes to \p Object. Empty when the types do not allow it.
  auto NewRefFor = [&](const ModernizeRow &Row, const Expr *Value, QualType To,
                       std::string &Object) -> std::string {
    if (!Pure(Value))
      return "";
    if (isObjectPointer(To)) {
      Object = TextOf(objectArgument(Value));
      return Object.empty() ? "" : (Row.Replacement + "(" + Object + ")").str();
    }
    const auto *Cast = dyn_cast<ExplicitCastExpr>(Value->IgnoreParenImpCasts());
    if (!Cast || !To->isPointerType() || !Ctx.hasSameType(Cast->getType(), To))
      return "";
    const Expr *Operand = Cast->getSubExpr()->IgnoreParenImpCasts();
    CharSourceRange CastRange = Lexer::makeFileCharRange(
        CharSourceRange::getCharRange(Cast->getBeginLoc(),
                                      Operand->getBeginLoc()),
        SM, LO);
    Object = TextOf(Operand);
    if (CastRange.isInvalid() || Object.empty())
      return "";
    return (Lexer::getSourceText(CastRange, SM, LO) + Row.Replacement + "(" +
            Object + ")")
        .str();
  };
  auto Loc = [&](size_t Index) {
    return SM.getExpansionLoc(Stmts[Index]->getBeginLoc());
  };
  for (size_t I = 0; I + 1 < Stmts.size(); ++I) {
    std::optional<RefcountCall> First = refcountCall(Stmts[I], SM, LO);
    std::optional<RefcountCall> Second = refcountCall(Stmts[I + 1], SM, LO);
    const Stmt *Third = I + 2 < Stmts.size() ? Stmts[I + 2] : nullptr;

    // Py_INCREF(v); Py_DECREF(x); x = v;  |  Py_DECREF(x); Py_INCREF(v); x = v;
    // (Py_CLEAR(x) in place of Py_DECREF(x): Py_XSETREF).
    auto IsRelease = [&](const std::optional<RefcountCall> &C) {
      return IsDecref(C) || (C && C->Macro == "Py_CLEAR");
    };
    if (Third && ((IsIncref(First) && IsRelease(Second)) ||
                  (IsRelease(First) && IsIncref(Second)))) {
      const RefcountCall &Incref = IsIncref(First) ? *First : *Second;
      const RefcountCall &Decref = IsIncref(First) ? *Second : *First;
      const BinaryOperator *Assign = plainAssignment(Third);
      std::string Object;
      if (Assign && (Decref.Macro == "Py_CLEAR" || Pure(Decref.Object)) &&
          TextOf(Assign->getLHS()) == Decref.Argument) {
        const ModernizeRow &NewRef =
            *findModernizeRow(Check, Incref.Macro, ModernizeUse::NewRef);
        const ModernizeRow &Row =
            *findModernizeRow(Check, Decref.Macro, ModernizeUse::SetRef);
        std::string Value = NewRefFor(NewRef, Assign->getRHS(),
                                      Assign->getLHS()->getType(), Object);
        if (!Value.empty() && Object == Incref.Argument) {
          if (std::optional<FixItHint> Fix =
                  Rewrite(I, I + 2,
                          (Row.Replacement + "(" + Decref.Argument + ", " +
                           Value + ");")
                              .str())) {
            report(Loc(I), Row, Replaced, {*Fix});
            I += 2;
            continue;
          }
        }
      }
    }

    // Py_INCREF(x); return x;  |  Py_INCREF(x); y = x;  |  Py_INCREF(x); T *y =
    // x;
    if (IsIncref(First) && Pure(First->Object)) {
      const ModernizeRow &Row =
          *findModernizeRow(Check, First->Macro, ModernizeUse::NewRef);
      std::string Object, Text;
      if (const auto *Return = dyn_cast<ReturnStmt>(Stmts[I + 1]);
          Return && Return->getRetValue()) {
        std::string Call = NewRefFor(Row, Return->getRetValue(),
                                     Return->getRetValue()->getType(), Object);
        if (!Call.empty())
          Text = "return " + Call + ";";
      } else if (const BinaryOperator *Assign = plainAssignment(Stmts[I + 1])) {
        std::string Call = NewRefFor(Row, Assign->getRHS(),
                                     Assign->getLHS()->getType(), Object);
        if (!Call.empty())
          Text = TextOf(Assign->getLHS()) + " = " + Call + ";";
      } else if (const VarDecl *Var = singleDeclaration(Stmts[I + 1])) {
        std::string Call =
            NewRefFor(Row, Var->getInit(), Var->getType(), Object);
        SourceLocation InitBegin =
            Lexer::makeFileCharRange(CharSourceRange::getTokenRange(
                                         Var->getInit()->getSourceRange()),
                                     SM, LO)
                .getBegin();
        if (!Call.empty() && InitBegin.isValid())
          Text =
              Lexer::getSourceText(
                  CharSourceRange::getCharRange(Loc(I + 1), InitBegin), SM, LO)
                  .str() +
              Call + ";";
      }
      if (!Text.empty() && Object == First->Argument)
        if (std::optional<FixItHint> Fix = Rewrite(I, I + 1, Text)) {
          report(Loc(I), Row, HandedOn, {*Fix});
          ++I;
          continue;
        }
    }

    // y = x; Py_INCREF(y or x);  |  T *y = x; Py_INCREF(y or x);
    if (IsIncref(Second) && Pure(Second->Object)) {
      const ModernizeRow &Row =
          *findModernizeRow(Check, Second->Macro, ModernizeUse::NewRef);
      std::string Object, Text, Target;
      if (const BinaryOperator *Assign = plainAssignment(Stmts[I])) {
        Target = TextOf(Assign->getLHS());
        std::string Call = NewRefFor(Row, Assign->getRHS(),
                                     Assign->getLHS()->getType(), Object);
        if (!Call.empty())
          Text = Target + " = " + Call + ";";
      } else if (const VarDecl *Var = singleDeclaration(Stmts[I])) {
        Target = Var->getName().str();
        std::string Call =
            NewRefFor(Row, Var->getInit(), Var->getType(), Object);
        SourceLocation InitBegin =
            Lexer::makeFileCharRange(CharSourceRange::getTokenRange(
                                         Var->getInit()->getSourceRange()),
                                     SM, LO)
                .getBegin();
        if (!Call.empty() && InitBegin.isValid())
          Text = Lexer::getSourceText(
                     CharSourceRange::getCharRange(Loc(I), InitBegin), SM, LO)
                     .str() +
                 Call + ";";
      }
      if (!Text.empty() &&
          (Second->Argument == Object || Second->Argument == Target))
        if (std::optional<FixItHint> Fix = Rewrite(I, I + 1, Text)) {
          report(Loc(I + 1), Row, HandedOn, {*Fix});
          ++I;
          continue;
        }
    }

    // Py_XDECREF(x); x = NULL;  |  Py_DECREF(x); x = y;  |  Py_CLEAR(x); x = y;
    if (First && !IsIncref(First) &&
        (First->Macro == "Py_CLEAR" || Pure(First->Object))) {
      const BinaryOperator *Assign = plainAssignment(Stmts[I + 1]);
      std::string Value =
          Assign ? fileText(Assign->getRHS()->getSourceRange(), SM, LO) : "";
      if (Assign && !Value.empty() &&
          TextOf(Assign->getLHS()) == First->Argument) {
        bool ToNull = Assign->getRHS()->isNullPointerConstant(
            Ctx, Expr::NPC_ValueDependentIsNotNull);
        if (!(ToNull && First->Macro == "Py_CLEAR")) {
          const ModernizeRow &Row = *findModernizeRow(
              Check, First->Macro,
              ToNull ? ModernizeUse::Clear : ModernizeUse::SetRef);
          std::string Text =
              ToNull ? (Row.Replacement + "(" + First->Argument + ");").str()
                     : (Row.Replacement + "(" + First->Argument + ", " + Value +
                        ");")
                           .str();
          if (std::optional<FixItHint> Fix = Rewrite(I, I + 1, Text)) {
            report(Loc(I), Row, ToNull ? Cleared : Replaced, {*Fix});
            ++I;
            continue;
          }
        }
      }
    }

    // old = x; x = y; Py_DECREF(old);  with `old` declared before, on its
    // own, and used nowhere else: Py_SETREF(x, y), and the declaration goes
    // (left, it would be unused).
    if (Third) {
      const BinaryOperator *Save = plainAssignment(Stmts[I]);
      const auto *Saved =
          Save ? dyn_cast<DeclRefExpr>(Save->getLHS()->IgnoreParens())
               : nullptr;
      const auto *Old = Saved ? dyn_cast<VarDecl>(Saved->getDecl()) : nullptr;
      const BinaryOperator *Assign = plainAssignment(Stmts[I + 1]);
      std::optional<RefcountCall> Release = refcountCall(Third, SM, LO);
      const DeclStmt *Declaration =
          Old && Old->hasLocalStorage() && !isa<ParmVarDecl>(Old)
              ? ownDeclaration(Function->getBody(), Old)
              : nullptr;
      CharSourceRange DeclarationRange =
          Declaration ? writtenStatement(Declaration, SM, LO)
                      : CharSourceRange();
      if (Declaration && Assign && IsDecref(Release) &&
          Release->Argument == Old->getName() &&
          (!Old->hasInit() || Pure(Old->getInit())) && Pure(Save->getRHS()) &&
          TextOf(objectArgument(Save->getRHS())) == TextOf(Assign->getLHS()) &&
          countReferences(Function->getBody(), Old) == 2 &&
          DeclarationRange.isValid() &&
          isUsersFileCode(DeclarationRange.getBegin(), SM)) {
        const ModernizeRow &Row =
            *findModernizeRow(Check, Release->Macro, ModernizeUse::SetRef);
        std::string Value =
            fileText(Assign->getRHS()->getSourceRange(), SM, LO);
        if (!Value.empty())
          if (std::optional<FixItHint> Fix =
                  Rewrite(I, I + 2,
                          (Row.Replacement + "(" + TextOf(Assign->getLHS()) +
                           ", " + Value + ");")
                              .str())) {
            report(Loc(I + 2), Row, ReplacedByHand,
                   {FixItHint::CreateRemoval(wholeLine(DeclarationRange, SM)),
                    *Fix});
            I += 2;
            continue;
          }
      }
    }

    // PyObject *old = x; x = y; Py_DECREF(old);  (`old` used nowhere else),
    // with Py_INCREF(x or y) before the release: Py_SETREF(x, Py_NewRef(y)).
    if (Third) {
      const VarDecl *Old = singleDeclaration(Stmts[I]);
      const BinaryOperator *Assign = plainAssignment(Stmts[I + 1]);
      std::optional<RefcountCall> Release = refcountCall(Third, SM, LO);
      std::optional<RefcountCall> Incref;
      size_t Last = I + 2;
      if (IsIncref(Release) && I + 3 < Stmts.size()) {
        Incref = Release;
        Release = refcountCall(Stmts[I + 3], SM, LO);
        Last = I + 3;
      }
      if (!Old || !Assign || !IsDecref(Release) ||
          Release->Argument != Old->getName() || !Pure(Old->getInit()) ||
          TextOf(objectArgument(Old->getInit())) != TextOf(Assign->getLHS()) ||
          countReferences(Function->getBody(), Old) != 1)
        continue;
      const ModernizeRow &Row =
          *findModernizeRow(Check, Release->Macro, ModernizeUse::SetRef);
      std::string Value = fileText(Assign->getRHS()->getSourceRange(), SM, LO);
      if (Incref) {
        const ModernizeRow &NewRef =
            *findModernizeRow(Check, Incref->Macro, ModernizeUse::NewRef);
        std::string Object;
        Value = NewRefFor(NewRef, Assign->getRHS(), Assign->getLHS()->getType(),
                          Object);
        if (Incref->Argument != Object &&
            Incref->Argument != TextOf(Assign->getLHS()))
          continue;
      }
      if (Value.empty())
        continue;
      if (std::optional<FixItHint> Fix =
              Rewrite(I, Last,
                      (Row.Replacement + "(" + TextOf(Assign->getLHS()) + ", " +
                       Value + ");")
                          .str())) {
        report(Loc(Last), Row, ReplacedByHand, {*Fix});
        I = Last;
      }
    }
  }
}

llvm::ArrayRef<llvm::StringRef> RefcountIdiomsCheck::matchedNames() const {
  // The reference counting macros as the parser receives them
  // (`_Py_INCREF` before 3.11): every pair the check rewrites holds one.
  static const std::vector<llvm::StringRef> Names =
      parsedNamesOf("refcount-idioms");
  return Names;
}

} // namespace clang::tidy::pycapi::modernize
