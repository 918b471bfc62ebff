//===--- ModernizeCheckBase.cpp - what the pycapi-modernize-* checks share ===//
#include "ModernizeCheckBase.h"
#include "CheckCatalog.h"
#include "CheckFindings.h"
#include "LLVMCompat.h"
#include "SourceFilter.h"
#include "utils/MatchDemand.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/FormatVariadic.h"

namespace clang::tidy::pycapi::modernize {

using ::pycapi::parsePyVersion;

namespace {

constexpr llvm::StringLiteral NoAutomaticFix = "no automatic fix: %0";
constexpr llvm::StringLiteral TextNote = "%0";
constexpr llvm::StringLiteral CompatOnly =
    "'{0}' is defined by pythoncapi_compat.h only; set {1} (for example to "
    "pythoncapi_compat.h)";

class Hooks : public PPCallbacks {
public:
  explicit Hooks(ModernizeCheckBase &Check) : Check(Check) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    if (Reason == EnterFile)
      Check.onFileEntered(Loc);
  }
  void MacroExpands(const Token &NameTok, const MacroDefinition &MD,
                    SourceRange, const MacroArgs *) override {
    Check.onMacroExpands(NameTok, MD);
  }

private:
  ModernizeCheckBase &Check;
};

/// Whether \p Type is a pointer to Python's PyObject or PyVarObject.
bool isObjectPointer(QualType Type) {
  const auto *Pointer = Type->getAs<PointerType>();
  if (!Pointer)
    return false;
  const RecordDecl *Record = Pointer->getPointeeType()->getAsRecordDecl();
  return Record &&
         (Record->getName() == "_object" || Record->getName() == "PyObject" ||
          Record->getName() == "PyVarObject" ||
          (Record->getTypedefNameForAnonDecl() &&
           Record->getTypedefNameForAnonDecl()->getName() == "PyVarObject"));
}

} // namespace

ModernizeCheckBase::ModernizeCheckBase(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Minimum(parsePyVersion(
          Options.getLocalOrGlobal(catalog::MinimumPythonVersion.Key,
                                   catalog::MinimumPythonVersion.Default))),
      MinimumText(
          Options.getLocalOrGlobal(catalog::MinimumPythonVersion.Key,
                                   catalog::MinimumPythonVersion.Default)),
      CompatHeader(Options.getLocalOrGlobal(catalog::CompatHeader.Key,
                                            catalog::CompatHeader.Default)),
      Compat(CompatHeader) {
  if (!Minimum)
    configurationDiag("invalid MinimumPythonVersion '%0' for %1: expected a "
                      "version such as 3.8; using %2")
        << MinimumText << Name << catalog::MinimumPythonVersion.Default;
}

void ModernizeCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, catalog::MinimumPythonVersion.Key, MinimumText);
  Options.store(Opts, catalog::CompatHeader.Key, CompatHeader);
}

void ModernizeCheckBase::registerPPCallbacks(const SourceManager &SM,
                                             Preprocessor *PP,
                                             Preprocessor *ModuleExpanderPP) {
  Sources = &SM;
  Compat.startUnit(SM, *PP);
  PP->addPPCallbacks(std::make_unique<Hooks>(*this));
  // A compiler error marks its declaration itself: matches in clang's
  // recovery (RecoveryExpr) need no name.
  if (!usesMatchers())
    MatchDemand::of(*PP).promise();
  else if (llvm::ArrayRef<llvm::StringRef> Names = matchedNames();
           !Names.empty())
    MatchDemand::of(*PP).promiseNames(*PP, Names);
}

void ModernizeCheckBase::onEndOfTranslationUnit() {
  Compat.endUnit();
  Reported.clear();
  Sources = nullptr;
}

bool ModernizeCheckBase::isUsersFileCode(SourceLocation Loc,
                                         const SourceManager &SM) const {
  return Loc.isValid() && Loc.isFileID() && ::pycapi::isUserCode(SM, Loc) &&
         !Compat.isHeaderFile(SM.getFilename(Loc));
}

void ModernizeCheckBase::report(SourceLocation Loc, const ModernizeRow &Row,
                                StringRef Message,
                                std::vector<FixItHint> Rewrite,
                                std::optional<std::string> WhyNot) {
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  ::pycapi::PyVersion Effective =
      Minimum ? Minimum : parsePyVersion(catalog::MinimumPythonVersion.Default);
  std::vector<CompatInclude::Note> Notes;
  bool NeedsCompat = Row.Since == 0 || Row.Since > Effective;
  if (!WhyNot && NeedsCompat) {
    if (Row.Since == 0 && Compat.header().empty())
      WhyNot = llvm::formatv(CompatOnly.data(), Row.Replacement,
                             optionNameInNotes(catalog::CompatHeader))
                   .str();
    else
      WhyNot = Compat.unavailable(Row.Replacement, Row.Since, Effective);
    if (!WhyNot)
      WhyNot = Compat.insert(Loc, Rewrite, Notes);
  }
  if (WhyNot) {
    Rewrite.clear();
    Notes.clear();
  }
  ::pycapi::CheckFinding Finding;
  Finding.Symbol = Row.Old.str();
  Finding.Replacement = Row.Replacement.str();
  Finding.Release = Row.Since;
  Finding.Fixable = !Rewrite.empty();
  Finding.WhyNot = WhyNot ? *WhyNot : "";
  ::pycapi::recordCheckFinding(*this, *Sources, Loc, std::move(Finding));
  {
    DiagnosticBuilder Diag = diag(Loc, Message) << Row.Old << Row.Replacement;
    for (const FixItHint &Fix : Rewrite)
      Diag << Fix;
  }
  if (WhyNot)
    diag(Loc, NoAutomaticFix, DiagnosticIDs::Note) << *WhyNot;
  for (const CompatInclude::Note &Note : Notes)
    diag(Note.Loc, TextNote, DiagnosticIDs::Note) << Note.Text;
}

std::string writtenText(const Expr *E, const SourceManager &SM,
                        const LangOptions &LangOpts) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  if (Range.getBegin().isMacroID() || Range.getEnd().isMacroID())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(Range, SM, LangOpts, &Invalid);
  return Invalid ? "" : Text.str();
}

std::string fileText(SourceRange Range, const SourceManager &SM,
                     const LangOptions &LangOpts) {
  CharSourceRange File = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), SM, LangOpts);
  if (File.isInvalid())
    return "";
  bool Invalid = false;
  StringRef Text = Lexer::getSourceText(File, SM, LangOpts, &Invalid);
  return Invalid ? "" : Text.str();
}

namespace {

/// The one parent of \p Node, if it has exactly one.
template <typename T> DynTypedNode onlyParent(const T &Node, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Node);
  return Parents.size() == 1 ? Parents[0] : DynTypedNode();
}

/// \p E's parent past parentheses and implicit casts, as a node, and the
/// child of it that holds \p E.
DynTypedNode parentPastWrappers(const Expr *E, ASTContext &Ctx,
                                const Stmt **Child = nullptr) {
  const Stmt *Below = E;
  DynTypedNode Parent = onlyParent(*E, Ctx);
  while (const auto *Wrapper = Parent.get<Expr>()) {
    if (!isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups>(Wrapper))
      break;
    Below = Wrapper;
    Parent = onlyParent(*Wrapper, Ctx);
  }
  if (Child)
    *Child = Below;
  return Parent;
}

} // namespace

const Expr *enclosingExpr(const Expr *E, ASTContext &Ctx) {
  return parentPastWrappers(E, Ctx).get<Expr>();
}

bool isStatementOfItsOwn(const Expr *E, ASTContext &Ctx) {
  const Stmt *Child = nullptr;
  const auto *S = parentPastWrappers(E, Ctx, &Child).get<Stmt>();
  if (!S || isa<Expr>(S))
    return false;
  // A statement of a block, a label or a case, or the body of an if or a
  // loop; the header of a for loop takes a void expression too. Never a
  // condition, a return value or an initializer.
  if (isa<CompoundStmt, LabelStmt, SwitchCase>(S))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return Child == Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(S))
    return Child == For->getBody() || Child == For->getInit() ||
           Child == For->getInc();
  return false;
}

bool isArgumentOfAssigningMacro(const Expr *E, const SourceManager &SM,
                                const LangOptions &LangOpts) {
  SourceLocation Loc = E->getBeginLoc();
  if (!Loc.isMacroID() || !SM.isMacroArgExpansion(Loc))
    return false;
  // The outermost macro whose expansion holds E: its name starts the text
  // of the invocation.
  SourceLocation Invocation = SM.getExpansionRange(Loc).getBegin();
  Token Name;
  if (Lexer::getRawToken(Invocation, Name, SM, LangOpts) ||
      !Name.is(tok::raw_identifier))
    return false;
  StringRef Macro = Name.getRawIdentifier();
  return Macro == "Py_CLEAR" || Macro == "Py_SETREF" || Macro == "Py_XSETREF";
}

const Expr *objectArgument(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
    const Expr *Operand = Cast->getSubExpr()->IgnoreParenImpCasts();
    if (isObjectPointer(Cast->getType()) && Operand->getType()->isPointerType())
      return Operand->IgnoreParens();
  }
  return E;
}

} // namespace clang::tidy::pycapi::modernize
