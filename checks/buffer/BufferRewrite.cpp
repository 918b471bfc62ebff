//===--- BufferRewrite.cpp - rewrite the As*Buffer calls of one function
//---===//
#include "BufferRewrite.h"
#include "LLVMCompat.h"
#include "clang-tidy/utils/LexerUtils.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <map>

namespace clang::tidy::pycapi::buffer {
namespace {

/// One level of indentation as the file uses it around \p S: the extra
/// whitespace of S's line over the line of the block that holds it.
std::string indentUnit(const Stmt *S, const ParentLookup &Parents) {
  const SourceManager &SM = Parents.context().getSourceManager();
  if (const Stmt *Parent = parentStmt(S, Parents))
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      std::string Inner = indentationOf(S->getBeginLoc(), SM);
      std::string Outer = indentationOf(Block->getLBracLoc(), SM);
      if (Inner.size() > Outer.size() &&
          Inner.compare(0, Outer.size(), Outer) == 0)
        return Inner.substr(Outer.size());
    }
  return "    ";
}

/// Statement-level edits: lines that go before a statement, and whether a
/// return must first evaluate its value into a temporary.
struct StatementEdit {
  std::vector<std::string> Prefix;   ///< success-path copies
  std::vector<std::string> Releases; ///< PyBuffer_Release calls
  bool NeedsTemporary = false;
};

class Rewriter {
public:
  Rewriter(const FunctionDecl &Function, std::vector<BufferCallSite> &Sites,
           const RewriteOptions &Options, DeclParentMaps &ParentMaps)
      : Function(Function), Sites(Sites), Options(Options),
        ParentMaps(ParentMaps),
        Parents(ParentMaps.around(*Sites.front().Call, Function)),
        Context(ParentMaps.context()), SM(Context.getSourceManager()),
        LangOpts(Context.getLangOpts()),
        LineEnding(lineEndingOf(Function.getBeginLoc(), SM).str()),
        Names(Function, Context) {
    Result.Outcomes.resize(Sites.size());
  }

  FunctionRewrite run(llvm::ArrayRef<ForeignEdit> ForeignEdits);

private:
  std::string text(SourceRange Range) const {
    return textOf(Range, SM, LangOpts);
  }
  std::string freshName(const std::string &Base) { return Names.take(Base); }
  /// Where a view is declared: the block it is declared in, where its
  /// declaration ends, and the text to insert.
  struct ViewPlace {
    const CompoundStmt *Scope = nullptr;
    SourceLocation DeclEnd;
    SourceLocation InsertAt;
    std::string Text;
  };
  bool placeView(BufferCallSite &Site, const std::string &Name, bool AtTop,
                 ViewPlace &Place);
  bool gotoJumpsOver(const CompoundStmt *Body, SourceLocation DeclEnd) const;
  void placeAtTop(const CompoundStmt *Body, const std::string &Name,
                  ViewPlace &Place) const;
  bool hoistingSavesReleases(const ReleasePlan &Plan,
                             const CompoundStmt *Scope) const;
  std::vector<std::string> copyLines(const BufferCallSite &Site,
                                     const std::string &View, bool CopyPointer,
                                     bool CopyLength) const;
  /// True when \p Target is a local that nothing but the removed calls
  /// touch: copying into it would leave a variable that is set but never read.
  bool isOnlyAnOutArgument(const OutTarget &Target) const;
  /// Removes the declaration of \p Var (or its declarator); false when it
  /// cannot be removed cleanly.
  bool removeDeclaration(const VarDecl *Var);
  std::string getBufferCall(const BufferCallSite &Site,
                            const std::string &View) const;
  bool placeSuccessLines(BufferCallSite &Site,
                         const std::vector<std::string> &Lines,
                         const std::string &View);
  /// \p Lines, each on a line of its own with \p Indent.
  std::string joined(const std::vector<std::string> &Lines,
                     const std::string &Indent) const;
  /// The edit of \p S, which is rewritten as a whole, in the order first
  /// asked for.
  StatementEdit &editOf(const Stmt *S);
  void insertAtBranchStart(const Stmt *Branch,
                           const std::vector<std::string> &Lines);
  void insertAfterTest(const IfStmt *If, bool TrueMeansFailure,
                       const std::vector<std::string> &Lines);
  bool insertAfterStore(BufferCallSite &Site,
                        const std::vector<std::string> &Lines);
  void replaceIgnoredCall(const BufferCallSite &Site,
                          const std::vector<std::string> &Lines,
                          const std::string &View);
  void placeReleases(const ReleasePlan &Plan, const std::string &View);
  bool placeFailureRelease(BufferCallSite &Site, const std::string &View);
  std::string storedSuccessTest(const BufferCallSite &Site,
                                const Stmt *Store) const;
  void materializeStatementEdits();
  /// Analyses every site; returns the fixable ones.
  std::vector<const BufferCallSite *> analyzeSites();
  std::string viewName(const BufferCallSite &Site);
  /// Plans the release of \p Site's view, declared at \p Place (which
  /// moves to the top of the function when that saves releases).
  ReleasePlan planViewRelease(BufferCallSite &Site, const std::string &View,
                              ViewPlace &Place,
                              llvm::ArrayRef<const BufferCallSite *> Fixable);
  /// Rewrites one fixable site; false when it cannot be fixed after all.
  bool rewriteSite(BufferCallSite &Site, SiteOutcome &Outcome,
                   llvm::ArrayRef<const BufferCallSite *> Fixable);
  bool rewriteStatement(const Stmt *S, const StatementEdit &Edit);
  std::vector<std::string> statementLines(const Stmt *S,
                                          const StatementEdit &Edit,
                                          CharSourceRange Range);
  bool wrapInBraces(SourceLocation Begin, SourceLocation End,
                    const Stmt *Parent, const std::vector<std::string> &Lines);
  bool functionHasGoto() const {
    using namespace ast_matchers;
    return !match(findAll(gotoStmt()), *Function.getBody(), Context).empty();
  }
  std::string declareView(const std::string &Name) const {
    return "Py_buffer " + Name + (LangOpts.CPlusPlus ? " = {};" : " = {0};");
  }

  const FunctionDecl &Function;
  std::vector<BufferCallSite> &Sites;
  const RewriteOptions &Options;
  DeclParentMaps &ParentMaps;
  /// The parents in the function (the sites' calls are under it).
  const ParentLookup &Parents;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  /// The line ending of the function's file, for every line break written.
  const std::string LineEnding;
  FunctionRewrite Result;
  /// New names clash with nothing the function spells.
  FreshNames Names;
  std::map<const Stmt *, StatementEdit> StatementEdits;
  llvm::SmallPtrSet<const VarDecl *, 4> RemovedDecls;
  std::vector<const Stmt *> StatementOrder;
  /// Set when the function's rewrite as a whole failed: then no site of it
  /// is fixed.
  std::optional<UnfixableReason> Failure;
};

/// Whether a goto from before \p DeclEnd jumps to a label after it: it
/// would skip the view's initialisation (and is ill-formed in C++).
bool Rewriter::gotoJumpsOver(const CompoundStmt *Body,
                             SourceLocation DeclEnd) const {
  auto Gotos = ast_matchers::match(
      ast_matchers::findAll(ast_matchers::gotoStmt().bind("goto")), *Body,
      Context);
  for (const auto &Node : Gotos) {
    const auto *Goto = Node.getNodeAs<GotoStmt>("goto");
    const LabelStmt *Label = Goto->getLabel()->getStmt();
    if (Label &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Goto->getBeginLoc()),
                                     DeclEnd) &&
        SM.isBeforeInTranslationUnit(DeclEnd, Label->getBeginLoc()))
      return true;
  }
  return false;
}

/// Declares the view at the top of the function body.
void Rewriter::placeAtTop(const CompoundStmt *Body, const std::string &Name,
                          ViewPlace &Place) const {
  Place.Scope = Body;
  Place.DeclEnd = Body->getLBracLoc().getLocWithOffset(1);
  // The indentation of the first statement, not of a label before it
  // (`again:` at the start of a line).
  const Stmt *First = Body->body_empty() ? nullptr : Body->body_front();
  while (const auto *Label = dyn_cast_or_null<LabelStmt>(First))
    First = Label->getSubStmt();
  std::string Indent = First ? indentationOf(First->getBeginLoc(), SM)
                             : indentationOf(Body->getLBracLoc(), SM) + "    ";
  Place.InsertAt = Place.DeclEnd;
  Place.Text = LineEnding + Indent + declareView(Name);
}

/// Declares the view next to the pointer's declaration (or before the
/// statement of the call when the pointer is not a local), moving it to the
/// top of the function when a goto could jump over it, or when \p AtTop.
bool Rewriter::placeView(BufferCallSite &Site, const std::string &Name,
                         bool AtTop, ViewPlace &Place) {
  const auto *Body = dyn_cast<CompoundStmt>(Function.getBody());
  if (!Body) {
    Site.markUnfixable(UnfixableReason::FunctionBodyNotBlock);
    return false;
  }
  const Stmt *Anchor = nullptr; // insert after this statement
  const Stmt *BeforeStmt = nullptr;
  if (Site.Pointer.K == OutTarget::LocalVariable) {
    for (const auto &Parent :
         Parents.parents(DynTypedNode::create(*Site.Pointer.Var)))
      if (const auto *Decl = Parent.get<DeclStmt>())
        Anchor = Decl;
  } else {
    BeforeStmt = enclosingStatement(Site.Call, Parents);
  }
  const Stmt *Placed = Anchor ? Anchor : BeforeStmt;
  const CompoundStmt *Scope =
      Placed ? dyn_cast_or_null<CompoundStmt>(parentStmt(Placed, Parents))
             : nullptr;
  if (AtTop || (Placed && Placed->getBeginLoc().isMacroID()))
    Scope = nullptr;
  SourceLocation DeclEnd;
  if (Scope) {
    DeclEnd =
        Anchor ? endOfStatement(Anchor, SM, LangOpts) : Placed->getBeginLoc();
    // `char *data; Py_ssize_t len;` on one line: the view gets a whole line
    // after it, not the middle of it (unless the call is on that line).
    if (Anchor)
      if (SourceLocation LineEnd = endOfLineCode(DeclEnd, SM, LangOpts);
          LineEnd.isValid() &&
          !SM.isBeforeInTranslationUnit(
              SM.getExpansionLoc(Site.Call->getBeginLoc()), LineEnd))
        DeclEnd = LineEnd;
    // A case label would skip the initialisation as a goto would.
    if (gotoJumpsOver(Body, DeclEnd) ||
        isa_and_nonnull<SwitchStmt>(parentStmt(Scope, Parents)))
      Scope = nullptr;
  }
  if (!Scope) {
    placeAtTop(Body, Name, Place);
    return true;
  }
  Place.Scope = Scope;
  Place.DeclEnd = DeclEnd;
  if (Anchor) {
    Place.InsertAt = DeclEnd;
    Place.Text = LineEnding + indentationOf(Anchor->getBeginLoc(), SM) +
                 declareView(Name);
  } else if (startsLine(BeforeStmt->getBeginLoc(), SM)) {
    Place.InsertAt = startOfLine(BeforeStmt->getBeginLoc(), SM);
    Place.Text = indentationOf(BeforeStmt->getBeginLoc(), SM) +
                 declareView(Name) + LineEnding;
  } else {
    Place.InsertAt = BeforeStmt->getBeginLoc();
    Place.Text = declareView(Name) + " ";
  }
  return true;
}

/// Whether declaring the view at the top of the function, instead of in
/// \p Scope, would let labels outside Scope release it once each, where
/// \p Plan releases before every goto that reaches them (`if (len == 0)
/// goto fail;` twice in a nested block, `fail:` after it): the label then
/// sees the view, and the paths that reach it from elsewhere find it zeroed
/// or already released, which PyBuffer_Release leaves alone.
bool Rewriter::hoistingSavesReleases(const ReleasePlan &Plan,
                                     const CompoundStmt *Scope) const {
  if (Plan.Immediate || Scope == Function.getBody())
    return false;
  unsigned Gotos = 0;
  llvm::SmallPtrSet<const LabelStmt *, 4> Labels;
  for (const Stmt *S : Plan.ReleaseBefore)
    if (const auto *Goto = dyn_cast<GotoStmt>(S))
      if (const LabelStmt *Label = Goto->getLabel()->getStmt();
          Label && isa_and_nonnull<CompoundStmt>(parentStmt(Label, Parents))) {
        ++Gotos;
        Labels.insert(Label);
      }
  return Gotos > Labels.size();
}

/// True when the length is a local that nothing but the removed calls
/// touch: copying into it would leave a variable that is set but never read.
bool Rewriter::isOnlyAnOutArgument(const OutTarget &Target) const {
  if (Target.K != OutTarget::LocalVariable || isa<ParmVarDecl>(Target.Var))
    return false;
  auto Refs = ast_matchers::match(
      ast_matchers::findAll(
          ast_matchers::declRefExpr(
              ast_matchers::to(ast_matchers::equalsNode(Target.Var)))
              .bind("ref")),
      *Function.getBody(), Context);
  for (const auto &Node : Refs) {
    const auto *Ref = Node.getNodeAs<DeclRefExpr>("ref");
    bool OutArgument = false;
    for (const BufferCallSite &Other : Sites)
      for (const Expr *Arg : {Other.Pointer.Arg, Other.Length.Arg})
        OutArgument |=
            Arg && Arg->getSourceRange().fullyContains(Ref->getSourceRange());
    if (!OutArgument)
      return false;
  }
  return true;
}

std::vector<std::string> Rewriter::copyLines(const BufferCallSite &Site,
                                             const std::string &View,
                                             bool CopyPointer,
                                             bool CopyLength) const {
  PrintingPolicy Policy(LangOpts);
  Policy.SuppressTagKeyword = false;
  std::vector<std::string> Lines;
  QualType Pointee = Site.Pointer.Type->getPointeeType();
  std::string Cast;
  // void * converts implicitly in both languages (const void * too).
  if (!Pointee->isVoidType() || Pointee.isVolatileQualified())
    Cast = "(" + Site.Pointer.Type.getAsString(Policy) + ")";
  if (CopyPointer)
    Lines.push_back(Site.Pointer.Text + " = " + Cast + View + ".buf;");
  if (!CopyLength)
    return Lines;
  std::string LengthType = Site.Length.Type.getAsString(Policy);
  std::string LengthCast =
      LengthType == "Py_ssize_t" ? "" : "(" + LengthType + ")";
  Lines.push_back(Site.Length.Text + " = " + LengthCast + View + ".len;");
  return Lines;
}

std::string Rewriter::getBufferCall(const BufferCallSite &Site,
                                    const std::string &View) const {
  std::string Call = "PyObject_GetBuffer(" +
                     text(Site.Object->getSourceRange()) + ", &" + View +
                     (Site.Writable ? ", PyBUF_WRITABLE)" : ", PyBUF_SIMPLE)");
  if (Site.Writable && Options.PreserveWriteBufferTypeError)
    return "(" + Call +
           " < 0 ? (PyErr_SetString(PyExc_TypeError, \"expected a writable "
           "bytes-like object\"), -1) : 0)";
  return Call;
}

/// Deletes the declaration of a length that only the removed calls wrote
/// (once, and only when it declares that variable alone on its line).
bool Rewriter::removeDeclaration(const VarDecl *Var) {
  if (RemovedDecls.count(Var))
    return true;
  const DeclStmt *Statement = nullptr;
  for (const auto &Parent : Parents.parents(DynTypedNode::create(*Var)))
    Statement = Parent.get<DeclStmt>();
  if (!Statement || Statement->getBeginLoc().isMacroID() ||
      (Var->hasInit() && Var->getInit()->HasSideEffects(Context)))
    return false;
  std::vector<const Decl *> Declarators(Statement->decl_begin(),
                                        Statement->decl_end());
  if (Declarators.size() > 1) {
    // `T a, len = 0;`: remove `, len = 0`. `T len, b;`: remove `len, `,
    // unless a `*` before the name belongs to the declarator.
    auto It = llvm::find(Declarators, Var);
    SourceLocation VarEnd =
        Lexer::getLocForEndOfToken(Var->getEndLoc(), 0, SM, LangOpts);
    if (It != Declarators.begin()) {
      SourceLocation PrevEnd = Lexer::getLocForEndOfToken(
          (*std::prev(It))->getEndLoc(), 0, SM, LangOpts);
      Result.Fix.replace(CharSourceRange::getCharRange(PrevEnd, VarEnd), "");
    } else {
      if (Var->getType()->isPointerType())
        return false;
      const auto *Next = dyn_cast<VarDecl>(*std::next(It));
      if (!Next)
        return false;
      Result.Fix.replace(CharSourceRange::getCharRange(Var->getLocation(),
                                                       Next->getLocation()),
                         "");
    }
    RemovedDecls.insert(Var);
    return true;
  }
  if (!startsLine(Statement->getBeginLoc(), SM))
    return false;
  SourceLocation End = endOfStatement(Statement, SM, LangOpts);
  std::pair<FileID, unsigned> Loc = SM.getDecomposedLoc(End);
  StringRef Rest = SM.getBufferData(Loc.first).substr(Loc.second);
  // A comment after the declaration on its line goes with it.
  StringRef Trailing =
      Rest.take_until([](char C) { return C == '\n' || C == '\r'; });
  StringRef Comment = Trailing.trim();
  bool OnlyComment = Comment.empty() ||
                     (::pycapi::compat::startsWith(Comment, "//")) ||
                     (::pycapi::compat::startsWith(Comment, "/*") &&
                      ::pycapi::compat::endsWith(Comment, "*/") &&
                      Comment.drop_front(2).find("*/") == Comment.size() - 4);
  if (!OnlyComment || Trailing.size() == Rest.size())
    return false; // something follows on the line, or no newline ends it
  End = End.getLocWithOffset(Trailing.size());
  // Remove the line with the line break ("\n" or "\r\n") that ends the line
  // before it; its own line break stays, where edits after it may begin.
  SourceLocation PreviousBreak =
      startOfPreviousLineBreak(startOfLine(Statement->getBeginLoc(), SM), SM);
  if (PreviousBreak.isInvalid())
    return false;
  Result.Fix.replace(CharSourceRange::getCharRange(PreviousBreak, End), "");
  RemovedDecls.insert(Var);
  return true;
}

/// Puts the copies of pointer and length where the call is known to have
/// succeeded.
std::string Rewriter::joined(const std::vector<std::string> &Lines,
                             const std::string &Indent) const {
  std::string Text;
  for (const std::string &Line : Lines)
    Text += LineEnding + Indent + Line;
  return Text;
}

StatementEdit &Rewriter::editOf(const Stmt *S) {
  StatementEdit &Edit = StatementEdits[S];
  if (Edit.Prefix.empty() && Edit.Releases.empty() && !Edit.NeedsTemporary)
    StatementOrder.push_back(S);
  return Edit;
}

void Rewriter::insertAtBranchStart(const Stmt *Branch,
                                   const std::vector<std::string> &Lines) {
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch)) {
    std::string Indent =
        Block->body_empty()
            ? indentationOf(Block->getLBracLoc(), SM) + "    "
            : indentationOf(Block->body_front()->getBeginLoc(), SM);
    Result.Fix.insert(Block->getLBracLoc().getLocWithOffset(1),
                      joined(Lines, Indent));
    return;
  }
  StatementEdit &Edit = editOf(Branch);
  Edit.Prefix.insert(Edit.Prefix.end(), Lines.begin(), Lines.end());
}

/// Where the call's own test says it succeeded: the start of the branch
/// taken on success, or right after the test when its failure branch
/// leaves. The test itself stays as written.
void Rewriter::insertAfterTest(const IfStmt *If, bool TrueMeansFailure,
                               const std::vector<std::string> &Lines) {
  if (!TrueMeansFailure)
    insertAtBranchStart(If->getThen(), Lines);
  else if (If->getElse())
    insertAtBranchStart(If->getElse(), Lines);
  else
    Result.Fix.insert(endOfStatement(If, SM, LangOpts),
                      joined(Lines, indentationOf(If->getBeginLoc(), SM)));
}

/// A stored status without a test close enough to the store: the copies go
/// right after it, under a test of their own.
bool Rewriter::insertAfterStore(BufferCallSite &Site,
                                const std::vector<std::string> &Lines) {
  const Stmt *Statement = isa<DeclStmt>(Site.UseStmt)
                              ? Site.UseStmt
                              : enclosingStatement(Site.UseStmt, Parents);
  if (!Statement) {
    Site.markUnfixable(UnfixableReason::StatusStoredUnusually);
    return false;
  }
  std::string Indent = indentationOf(Statement->getBeginLoc(), SM);
  Result.Fix.insert(endOfStatement(Statement, SM, LangOpts),
                    LineEnding + Indent + "if (" +
                        storedSuccessTest(Site, Statement) + ") {" +
                        joined(Lines, Indent + indentUnit(Statement, Parents)) +
                        LineEnding + Indent + "}");
  return true;
}

/// `CALL;`: the statement becomes `if (NEWCALL == 0) { copies }`.
void Rewriter::replaceIgnoredCall(const BufferCallSite &Site,
                                  const std::vector<std::string> &Lines,
                                  const std::string &View) {
  const Stmt *Statement = Site.UseStmt;
  std::string Indent = indentationOf(Statement->getBeginLoc(), SM);
  CharSourceRange Range = CharSourceRange::getCharRange(
      Statement->getBeginLoc(), endOfStatement(Statement, SM, LangOpts));
  Result.Fix.replace(
      Range, "if (" + getBufferCall(Site, View) + " == 0) {" +
                 joined(Lines, Indent + indentUnit(Statement, Parents)) +
                 LineEnding + Indent + "}");
}

/// Puts the copies of pointer and length where the call is known to have
/// succeeded, and replaces the call.
bool Rewriter::placeSuccessLines(BufferCallSite &Site,
                                 const std::vector<std::string> &Lines,
                                 const std::string &View) {
  switch (Site.Use) {
  case StatusUse::IfTrueMeansSuccess:
  case StatusUse::IfTrueMeansFailure:
    insertAfterTest(cast<IfStmt>(Site.UseStmt), Site.ownTestTrueMeansFailure(),
                    Lines);
    break;
  case StatusUse::Stored:
    if (Site.StatusTest)
      insertAfterTest(Site.StatusTest, Site.StatusTestTrueMeansFailure, Lines);
    else if (!insertAfterStore(Site, Lines))
      return false;
    break;
  case StatusUse::Ignored:
    replaceIgnoredCall(Site, Lines, View);
    return true; // the call itself is already replaced
  case StatusUse::Unsupported:
    return false;
  }
  Result.Fix.replace(CharSourceRange::getTokenRange(Site.Call->getBeginLoc(),
                                                    Site.Call->getEndLoc()),
                     getBufferCall(Site, View));
  return true;
}

void Rewriter::placeReleases(const ReleasePlan &Plan, const std::string &View) {
  std::string Release = "PyBuffer_Release(&" + View + ");";
  if (Plan.ReleaseAtEnd) {
    const CompoundStmt *Block = Plan.Holding;
    SourceLocation Brace = Block->getRBracLoc();
    if (startsLine(Brace, SM)) {
      std::string Indent =
          Block->body_empty()
              ? indentationOf(Brace, SM) + "    "
              : indentationOf(Block->body_back()->getBeginLoc(), SM);
      Result.Fix.insert(startOfLine(Brace, SM), Indent + Release + LineEnding);
    } else {
      Result.Fix.insert(Brace, Release + " ");
    }
  }
  for (const Stmt *S : Plan.ReleaseBefore)
    editOf(S).Releases.push_back(Release);
  for (const ReturnStmt *Return : Plan.ReturnsReadingView)
    StatementEdits[Return].NeedsTemporary = true;
  for (const Stmt *Throw : Plan.ThrowsReadingView)
    StatementEdits[Throw].NeedsTemporary = true;
  for (const LabelStmt *Label : Plan.ReleaseAfterLabel) {
    const Stmt *Sub = Label->getSubStmt();
    if (startsLine(Sub->getBeginLoc(), SM))
      Result.Fix.insert(startOfLine(Sub->getBeginLoc(), SM),
                        indentationOf(Sub->getBeginLoc(), SM) + Release +
                            LineEnding);
    else
      Result.Fix.insert(SM.getExpansionLoc(Sub->getBeginLoc()), Release + " ");
  }
}

/// The test that guards the copies after `r = CALL;` when the status has no
/// StatusTest (something between the store and the test reads the pointer,
/// writes r or jumps): the success form of
/// the first later comparison of r with a constant, so that compilers see
/// the copies and the later uses under matching conditions (gcc's
/// -Wmaybe-uninitialized cannot tell that `r == 0` and `r < 0` cover every
/// value GetBuffer returns); `r == 0` when there is none.
std::string Rewriter::storedSuccessTest(const BufferCallSite &Site,
                                        const Stmt *Store) const {
  std::string Default = Site.StatusText + " == 0";
  auto Ifs = ast_matchers::match(
      ast_matchers::findAll(ast_matchers::ifStmt().bind("if")),
      *Function.getBody(), Context);
  const IfStmt *First = nullptr;
  std::optional<StatusComparison> FirstComparison;
  for (const auto &Node : Ifs) {
    const auto *If = Node.getNodeAs<IfStmt>("if");
    if (!SM.isBeforeInTranslationUnit(Store->getEndLoc(), If->getBeginLoc()))
      continue;
    std::optional<StatusComparison> Comparison =
        statusComparison(If->getCond(), Site.StatusVar, Context);
    if (!Comparison)
      continue;
    if (!First ||
        SM.isBeforeInTranslationUnit(If->getBeginLoc(), First->getBeginLoc())) {
      First = If;
      FirstComparison = Comparison;
    }
  }
  if (!First || First->getBeginLoc().isMacroID() || !FirstComparison->Value)
    return Default;
  bool StatusOnLeft = FirstComparison->StatusOnLeft;
  const Expr *Constant = FirstComparison->Other;
  BinaryOperatorKind Op = FirstComparison->Compare->getOpcode();
  TestTruth Truth = comparisonTruth(Op, *FirstComparison->Value, StatusOnLeft);
  if (Truth == TestTruth::Neither)
    return Default;
  if (Truth == TestTruth::Failure) // a failure test: use its complement
    Op = BinaryOperator::negateComparisonOp(Op);
  std::string ConstantText = text(Constant->getSourceRange());
  if (ConstantText.empty())
    return Default;
  std::string OpText = BinaryOperator::getOpcodeStr(Op).str();
  return StatusOnLeft ? Site.StatusText + " " + OpText + " " + ConstantText
                      : ConstantText + " " + OpText + " " + Site.StatusText;
}

/// `if (A < 0 || B < 0)`: when B fails, A holds its view. A site whose view
/// is released right after the copies (Immediate) then needs a release on
/// the failure path as well; under Lifetime the planner covers that path.
bool Rewriter::placeFailureRelease(BufferCallSite &Site,
                                   const std::string &View) {
  std::string Release = "PyBuffer_Release(&" + View + ");";
  const auto *If = cast<IfStmt>(Site.UseStmt);
  const Stmt *Failure =
      Site.Use == StatusUse::IfTrueMeansFailure ? If->getThen() : If->getElse();
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Failure)) {
    SourceLocation AfterBrace = Block->getLBracLoc().getLocWithOffset(1);
    if (!Block->body_empty() &&
        startsLine(Block->body_front()->getBeginLoc(), SM))
      Result.Fix.insert(
          AfterBrace,
          LineEnding + indentationOf(Block->body_front()->getBeginLoc(), SM) +
              Release);
    else
      Result.Fix.insert(AfterBrace, " " + Release);
    return true;
  }
  if (Failure) {
    editOf(Failure).Releases.push_back(Release);
    return true;
  }
  // `if (A == 0 && B == 0) { ... }` without an else: after the if, where
  // the success path arrives with the view already released (releasing it
  // again does nothing).
  if (!isa_and_nonnull<CompoundStmt>(parentStmt(If, Parents)) ||
      If->getBeginLoc().isMacroID() || !startsLine(If->getBeginLoc(), SM)) {
    Site.markUnfixable(UnfixableReason::FailurePathNoRelease);
    return false;
  }
  Result.Fix.insert(endOfStatement(If, SM, LangOpts),
                    LineEnding + indentationOf(If->getBeginLoc(), SM) +
                        Release);
  return true;
}

/// The lines that replace \p S: the copies, the releases, and the
/// statement itself. A return (or a C++ throw) whose value reads the view
/// first evaluates it into a temporary. Edits inside the statement (another
/// call's rewrite, a PyObject_CheckReadBuffer rename) are folded into the
/// new text.
std::vector<std::string> Rewriter::statementLines(const Stmt *S,
                                                  const StatementEdit &Edit,
                                                  CharSourceRange Range) {
  std::vector<std::string> Lines = Edit.Prefix;
  auto Absorbed = [&](const Expr *E) {
    return Result.Fix.absorb(
        CharSourceRange::getTokenRange(E->getSourceRange()), SM, LangOpts);
  };
  if (!Edit.NeedsTemporary) {
    Lines.insert(Lines.end(), Edit.Releases.begin(), Edit.Releases.end());
    Lines.push_back(Result.Fix.absorb(Range, SM, LangOpts));
    return Lines;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
    PrintingPolicy Policy(LangOpts);
    std::string Type = Function.getReturnType().getAsString(Policy);
    std::string Name = freshName("result");
    std::string Declarator =
        (!Type.empty() && Type.back() == '*') ? Type + Name : Type + " " + Name;
    Lines.push_back(Declarator + " = " + Absorbed(Return->getRetValue()) + ";");
    Lines.insert(Lines.end(), Edit.Releases.begin(), Edit.Releases.end());
    Lines.push_back("return " + Name + ";");
    return Lines;
  }
  // `throw E;` reading the pointer: `auto exception = E;`, release, then
  // `throw exception;` (a copy of the object, as `throw E;` makes one).
  const auto *Throw = cast<CXXThrowExpr>(cast<Expr>(S)->IgnoreImplicit());
  std::string Name = freshName("exception");
  Lines.push_back("auto " + Name + " = " + Absorbed(Throw->getSubExpr()) + ";");
  Lines.insert(Lines.end(), Edit.Releases.begin(), Edit.Releases.end());
  Lines.push_back("throw " + Name + ";");
  return Lines;
}

/// A statement that is not in a block (the branch of an if, the body of a
/// loop) is wrapped in braces, from just after the token before it.
bool Rewriter::wrapInBraces(SourceLocation Begin, SourceLocation End,
                            const Stmt *Parent,
                            const std::vector<std::string> &Lines) {
  auto Braced =
      bracedStatement(Begin, End, Parent, Lines, LineEnding, SM, LangOpts);
  if (!Braced)
    return false;
  Result.Fix.replace(Braced->first, Braced->second);
  return true;
}

/// Rewrites one statement that needs lines before it (and, for a return
/// that reads the view, a temporary).
bool Rewriter::rewriteStatement(const Stmt *S, const StatementEdit &Edit) {
  SourceLocation Begin = SM.getExpansionLoc(S->getBeginLoc());
  SourceLocation End = endOfStatement(S, SM, LangOpts);
  CharSourceRange Range = CharSourceRange::getCharRange(Begin, End);
  std::vector<std::string> Lines = statementLines(S, Edit, Range);

  const Stmt *Parent = parentStmt(S, Parents);
  std::string Indent = indentationOf(Begin, SM);
  bool OwnLine = startsLine(Begin, SM);
  // `label: return x;`, `case 1: return x;` (or several labels in a row) in
  // a block: the new lines go after the labels, without braces.
  const Stmt *Labels = Parent;
  bool UnderCase = false;
  while (isa_and_nonnull<LabelStmt, SwitchCase>(Labels)) {
    UnderCase |= isa<SwitchCase>(Labels);
    Labels = parentStmt(Labels, Parents);
  }
  bool AfterLabelInBlock =
      Labels != Parent && isa_and_nonnull<CompoundStmt>(Labels);
  if (!isa_and_nonnull<CompoundStmt>(Parent) && !AfterLabelInBlock)
    return wrapInBraces(Begin, End, Parent, Lines);
  // Before C23, a label cannot be followed by a declaration; in C++, a goto
  // or a later case label must not jump past the temporary's
  // initialization. Either way the temporary goes into a block of its own.
  bool TemporaryNeedsBlock =
      Edit.NeedsTemporary &&
      (LangOpts.CPlusPlus ? functionHasGoto() || UnderCase : AfterLabelInBlock);
  std::string Text;
  if (TemporaryNeedsBlock) {
    Text = "{";
    for (const std::string &Line : Lines)
      Text += (OwnLine ? LineEnding + Indent + "  " : std::string(" ")) + Line;
    Text += OwnLine ? LineEnding + Indent + "}" : std::string(" }");
  } else {
    for (size_t I = 0; I < Lines.size(); ++I)
      Text += (I ? (OwnLine ? LineEnding + Indent : std::string(" "))
                 : std::string()) +
              Lines[I];
  }
  Result.Fix.replace(Range, Text);
  return true;
}

void Rewriter::materializeStatementEdits() {
  for (const Stmt *S : StatementOrder)
    if (!rewriteStatement(S, StatementEdits[S]))
      Failure = UnfixableReason::StatementNotRewritable;
}

std::vector<const BufferCallSite *> Rewriter::analyzeSites() {
  for (BufferCallSite &Site : Sites) {
    analyzeCallSite(Site, Parents);
    if (Site.fixable() && Site.Use == StatusUse::Unsupported)
      Site.markUnfixable(UnfixableReason::StatusUseUnsupported);
  }
  requireOnlySiteTestsAfter(Sites);
  std::vector<const BufferCallSite *> Fixable;
  for (BufferCallSite &Site : Sites)
    if (Site.fixable())
      Fixable.push_back(&Site);
  return Fixable;
}

std::string Rewriter::viewName(const BufferCallSite &Site) {
  // `data_` would give `data__view`, a name reserved in C++.
  std::string Base =
      StringRef(Site.Pointer.BaseName).rtrim('_').ltrim('_').str();
  if (Base.empty())
    Base = "buffer";
  return freshName(Base + "_view");
}

ReleasePlan
Rewriter::planViewRelease(BufferCallSite &Site, const std::string &View,
                          ViewPlace &Place,
                          llvm::ArrayRef<const BufferCallSite *> Fixable) {
  std::vector<const BufferCallSite *> Others;
  for (const BufferCallSite *Other : Fixable)
    if (Other != &Site)
      Others.push_back(Other);
  // The calls that may keep the pointer are found under both strategies.
  ReleasePlan Plan =
      planRelease(Site, Function, Place.Scope, Place.DeclEnd, Others,
                  *Options.NonRetaining, Parents, ParentMaps);
  if (Options.Immediate) {
    ReleasePlan Immediate;
    Immediate.Immediate = true;
    Immediate.MayKeepCalls = std::move(Plan.MayKeepCalls);
    return Immediate;
  }
  if (hoistingSavesReleases(Plan, Place.Scope) &&
      placeView(Site, View, /*AtTop=*/true, Place))
    return planRelease(Site, Function, Place.Scope, Place.DeclEnd, Others,
                       *Options.NonRetaining, Parents, ParentMaps);
  return Plan;
}

bool Rewriter::rewriteSite(BufferCallSite &Site, SiteOutcome &Outcome,
                           llvm::ArrayRef<const BufferCallSite *> Fixable) {
  Outcome.ObjectText = text(Site.Object->getSourceRange());
  std::string View = viewName(Site);
  ViewPlace Place;
  if (!placeView(Site, View, /*AtTop=*/false, Place))
    return false;
  Outcome.Plan = planViewRelease(Site, View, Place, Fixable);
  Result.Fix.insert(Place.InsertAt, Place.Text);
  // An out-variable that nothing reads is not copied into, and its
  // declaration goes; when the declaration cannot go cleanly, the copy
  // stays, as the old call wrote the variable too.
  bool CopyLength =
      !isOnlyAnOutArgument(Site.Length) || !removeDeclaration(Site.Length.Var);
  bool CopyPointer = !isOnlyAnOutArgument(Site.Pointer) ||
                     !removeDeclaration(Site.Pointer.Var);
  std::vector<std::string> Lines =
      copyLines(Site, View, CopyPointer, CopyLength);
  if (Outcome.Plan.Immediate)
    Lines.push_back("PyBuffer_Release(&" + View + ");");
  if (!placeSuccessLines(Site, Lines, View))
    return false;
  if (!Outcome.Plan.Immediate)
    placeReleases(Outcome.Plan, View);
  else if (sharesCondition(Site, Fixable, Parents) &&
           !placeFailureRelease(Site, View))
    return false;
  return true;
}

FunctionRewrite Rewriter::run(llvm::ArrayRef<ForeignEdit> ForeignEdits) {
  for (const ForeignEdit &Edit : ForeignEdits)
    Result.Fix.replaceForeign(Edit.Range, Edit.Text);
  std::vector<const BufferCallSite *> Fixable = analyzeSites();
  for (size_t I = 0; I < Sites.size(); ++I)
    if (Sites[I].fixable())
      Result.Outcomes[I].Fixed =
          rewriteSite(Sites[I], Result.Outcomes[I], Fixable);
  materializeStatementEdits();
  if (!Failure && !Result.Fix.consistent(SM))
    Failure = UnfixableReason::RewritesOverlap;
  if (Failure) {
    // The calls' views share release points: all of them are fixed, or
    // none.
    for (size_t I = 0; I < Sites.size(); ++I)
      if (Result.Outcomes[I].Fixed) {
        Result.Outcomes[I].Fixed = false;
        Sites[I].markUnfixable(*Failure);
      }
    Result.Fix = FixBuilder();
  }
  return std::move(Result);
}

} // namespace

FunctionRewrite rewriteFunction(const FunctionDecl &Function,
                                std::vector<BufferCallSite> &Sites,
                                llvm::ArrayRef<ForeignEdit> ForeignEdits,
                                const RewriteOptions &Options,
                                DeclParentMaps &ParentMaps) {
  return Rewriter(Function, Sites, Options, ParentMaps).run(ForeignEdits);
}

} // namespace clang::tidy::pycapi::buffer
