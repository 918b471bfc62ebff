//===--- RemovedBufferApiCheck.cpp - pycapi-removed-buffer-api
//-------------===//
#include "RemovedBufferApiCheck.h"
#include "CheckCatalog.h"
#include "CheckFindings.h"
#include "LLVMCompat.h"
#include "RemovedApi.h"
#include "SourceFilter.h"
#include "buffer/BufferRewrite.h"
#include "utils/MatchDemand.h"
#include "utils/Matchers.h"
#include "utils/SourceEdit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi {

using ::pycapi::BufferRole;
using ::pycapi::formatPyVersion;
using ::pycapi::isUserCode;
using ::pycapi::RemovedApi;

// In a namespace of its own: AST_MATCHER_P declares an `internal`
// namespace, which would hide ast_matchers::internal below.
namespace buffer_names {
// Every call and every reference to a function in the user's code passes
// through these: one test of the callee's name, instead of
// callee(functionDecl(hasAnyName(...))) and its layers of matchers.

/// A call whose callee is a function named one of \p Names.
AST_MATCHER_P(CallExpr, callsFunctionNamed, const llvm::StringSet<> *, Names) {
  const auto *Callee = dyn_cast_or_null<FunctionDecl>(Node.getCalleeDecl());
  const IdentifierInfo *Name = Callee ? Callee->getIdentifier() : nullptr;
  return Name && Names->count(Name->getName());
}

/// A reference to a function named one of \p Names.
AST_MATCHER_P(DeclRefExpr, refersToFunctionNamed, const llvm::StringSet<> *,
              Names) {
  const auto *Function = dyn_cast<FunctionDecl>(Node.getDecl());
  const IdentifierInfo *Name = Function ? Function->getIdentifier() : nullptr;
  return Name && Names->count(Name->getName());
}
} // namespace buffer_names

namespace {

// The check's diagnostics; the reasons of its `no automatic fix` and
// `outlives the view` notes are in buffer/BufferReasons.def.
constexpr llvm::StringLiteral RemovedWarning =
    "'%0' was removed in Python %1; use %2";
constexpr llvm::StringLiteral NoFixNote = "no automatic fix: %0";
constexpr llvm::StringLiteral RewrittenByNote =
    "rewritten by the fix of the call on line %0";
constexpr llvm::StringLiteral CheckBufferIsWeakerNote =
    "PyObject_CheckBuffer does not try to get the buffer: a non-contiguous "
    "exporter now passes this check and fails later, in PyObject_GetBuffer";
constexpr llvm::StringLiteral KeepsTypeErrorNote =
    "the fix keeps the TypeError that %0 raised for a read-only buffer";
constexpr llvm::StringLiteral RaisesBufferErrorNote =
    "PyObject_GetBuffer raises BufferError where %0 raised TypeError for a "
    "read-only buffer; set %1 to keep TypeError";
constexpr llvm::StringLiteral OutlivesViewNote =
    "'%0' outlives the view: %1; the view is released right after the copy, "
    "as the removed function did, so '%0' is only valid while '%2' keeps its "
    "buffer unchanged: review this use";
constexpr llvm::StringLiteral MayKeepNote =
    "'%0' may keep '%1' after the view is released; if it does, hold the view "
    "as long as the object that keeps the pointer (store the Py_buffer in "
    "that object and release it in its destructor); if it only reads '%1' "
    "during the call, add it to %2";
constexpr llvm::StringLiteral DeadOnPython3Note =
    "no Python 3 compiles this code ('%0'); delete it rather than migrate it";
constexpr llvm::StringLiteral ConfigurationNote =
    "this build skips this code ('%0'); migrate the call in the configuration "
    "that compiles it (run the tool again with %1)";
constexpr llvm::StringLiteral HeadersSkipNote =
    "the headers being parsed skip this code, which Python %0 compiles "
    "('%1'); run the tool against Python %0's headers to fix it";

/// One of the removed buffer functions: its row of the data table (the
/// rows of the check `removed-buffer-api`) and what it does.
struct BufferFunction {
  const RemovedApi *Api;
  bool IsCheck;  ///< tests for the buffer interface, renamed
  bool Writable; ///< gets a writable buffer: PyBUF_WRITABLE
};

const llvm::StringMap<BufferFunction> &bufferFunctions() {
  static const llvm::StringMap<BufferFunction> Functions = [] {
    llvm::StringMap<BufferFunction> Map;
    for (const RemovedApi &Api : ::pycapi::allRemovedApis())
      if (Api.Scope == ::pycapi::CheckScope::Buffer)
        Map[Api.Name] = {&Api, Api.Buffer == BufferRole::Check,
                         Api.Buffer == BufferRole::Write};
    return Map;
  }();
  return Functions;
}

std::vector<StringRef> bufferFunctionNames() {
  std::vector<StringRef> Names;
  for (const auto &Entry : bufferFunctions())
    Names.push_back(Entry.first());
  return Names;
}

buffer::Unfixable unfixable(buffer::UnfixableReason Reason) {
  return buffer::Unfixable{Reason, {}, {}};
}

/// \p E without the parentheses and implicit casts around it.
const Expr *skipParensAndImplicitCasts(const Expr *E) {
  while (true) {
    if (const auto *Paren = dyn_cast<ParenExpr>(E))
      E = Paren->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return E;
  }
}

} // namespace

RemovedBufferApiCheck::RemovedBufferApiCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), ImmediateRelease([&] {
        // A value that is none of the strategies is an error, where
        // Options.get<ReleaseStrategy> would warn: the two write different
        // fixes, so none should be applied under a misspelt one.
        const CheckOption &Option = catalog::ReleaseStrategy;
        auto Text = Options.get(Option.Key);
        auto Strategy = enumFromName<ReleaseStrategy>(
            Text ? StringRef(*Text) : StringRef(Option.Default));
        if (!Strategy)
          configurationDiag("%0", DiagnosticIDs::Error)
              << invalidChoiceMessage(Name, Option, *Text);
        return Strategy == ReleaseStrategy::Immediate;
      }()),
      PreserveWriteBufferTypeError(
          Options.get(catalog::PreserveWriteBufferTypeError.Key,
                      catalog::PreserveWriteBufferTypeError.defaultFlag())),
      NonRetainingOption(Options.get(catalog::NonRetainingFunctions.Key,
                                     catalog::NonRetainingFunctions.Default)),
      NonRetaining(NonRetainingOption) {}

void RemovedBufferApiCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, catalog::ReleaseStrategy.Key,
                ImmediateRelease ? ReleaseStrategy::Immediate
                                 : ReleaseStrategy::Lifetime);
  Options.store(Opts, catalog::PreserveWriteBufferTypeError.Key,
                PreserveWriteBufferTypeError);
  Options.store(Opts, catalog::NonRetainingFunctions.Key, NonRetainingOption);
}

void RemovedBufferApiCheck::registerMatchers(MatchFinder *Finder) {
  for (StringRef Name : bufferFunctionNames())
    BufferFunctions.insert(Name);
  // Compiled against 3.13 headers, C++ typo correction may have replaced the
  // callee with one of these; check() compares the name the source spells.
  CalleeNames = BufferFunctions;
  CalleeNames.insert("PyObject_GetBuffer");
  CalleeNames.insert("PyObject_CheckBuffer");
  // No matcher asks for the function around a call (forFunction, or any
  // parent): the first such question builds ASTContext's parent map of the
  // whole translation unit, every header's inline functions included, for
  // any file that calls one of these names. The function is found from
  // the function the traversal entered last (see enclosingFunction()),
  // and only for calls that need it.
  Finder->addMatcher(
      callExpr(buffer_names::callsFunctionNamed(&CalleeNames)).bind("call"),
      this);
  Finder->addMatcher(
      declRefExpr(buffer_names::refersToFunctionNamed(&BufferFunctions))
          .bind("ref"),
      this);
  // Compiled against 3.13 headers without typo correction, C++ keeps the
  // call as a RecoveryExpr around an unresolved name.
  Finder->addMatcher(
      recoveryExpr(has(unresolvedLookupExpr().bind("unresolved")))
          .bind("recovery"),
      this);
  Finder->addMatcher(functionDecl(isDefinition()).bind("definition"), this);
  Finder->addMatcher(lambdaExpr().bind("lambda"), this);
}

void RemovedBufferApiCheck::registerPPCallbacks(
    const SourceManager &SM, Preprocessor *PP, Preprocessor *ModuleExpanderPP) {
  Unit.Sources = &SM;
  Unit.LangOpts = &PP->getLangOpts();
  // Old code often keeps the removed calls under `#if PY_MAJOR_VERSION < 3`
  // or behind a feature macro, which the AST never sees.
  // The release that removed the four functions: what it compiles is what
  // needs migrating.
  Branches =
      TargetBranches::of(*PP, bufferFunctions().begin()->second.Api->RemovedIn);
  // A call or reference is reported where the source spells one of the four
  // names (also after C++ typo correction): the matchers find nothing where
  // the parser received none.
  MatchDemand::of(*PP).promiseNames(*PP, bufferFunctionNames());
}

void RemovedBufferApiCheck::check(const MatchFinder::MatchResult &Result) {
  // The traversal goes down from a function to its body: every call below
  // is under the top-level declaration of the function entered last.
  if (const auto *Definition =
          Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    Unit.LastFunction = Definition;
    return;
  }
  if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    Unit.LastFunction = Lambda->getCallOperator();
    return;
  }
  Unit.Context = Result.Context;
  Unit.Sources = Result.SourceManager;
  Unit.LangOpts = &Result.Context->getLangOpts();
  const SourceManager &SM = *Result.SourceManager;

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    // The traversal meets a call before its callee: checkReference() then
    // knows the callee is no reference.
    if (const auto *Callee = dyn_cast<DeclRefExpr>(
            skipParensAndImplicitCasts(Call->getCallee())))
      Unit.CalleeRefs.insert(Callee);
    // The name as the source spells it (it differs from the callee's after
    // typo correction).
    SourceLocation NameLoc =
        Call->getCallee()->IgnoreParenImpCasts()->getExprLoc();
    StringRef Spelled = Lexer::getSourceText(
        CharSourceRange::getTokenRange(SM.getSpellingLoc(NameLoc)), SM,
        *Unit.LangOpts);
    if (!bufferFunctions().count(Spelled))
      return;
    llvm::SmallVector<const Expr *, 3> Args(Call->arg_begin(), Call->arg_end());
    checkCall(Call, Spelled, NameLoc, Args, *Result.Context);
    return;
  }
  if (const auto *Recovery = Result.Nodes.getNodeAs<RecoveryExpr>("recovery")) {
    const auto *Name =
        Result.Nodes.getNodeAs<UnresolvedLookupExpr>("unresolved");
    if (!bufferFunctions().count(Name->getName().getAsString()) ||
        Recovery->subExpressions().empty() ||
        Recovery->subExpressions().front() != Name)
      return;
    auto Sub = Recovery->subExpressions().drop_front();
    llvm::SmallVector<const Expr *, 3> Args(Sub.begin(), Sub.end());
    checkCall(Recovery,
              bufferFunctions().find(Name->getName().getAsString())->first(),
              Name->getNameLoc(), Args, *Result.Context);
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref"))
    checkReference(*Ref, *Result.Context);
}

void RemovedBufferApiCheck::checkReference(const DeclRefExpr &Ref,
                                           ASTContext &Context) {
  // Calls, also with a parenthesised callee, are handled in check(); this
  // is a reference that is not a call.
  if (Unit.CalleeRefs.count(&Ref))
    return;
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(Ref.getLocation());
  if (!isUserCode(SM, Ref.getLocation()) || !isUserCode(SM, Loc) ||
      !compiledAtTarget(Ref.getLocation()))
    return;
  const BufferFunction &Fn =
      bufferFunctions().find(Ref.getDecl()->getName())->second;
  buffer::Unfixable Why = unfixable(buffer::UnfixableReason::Referenced);
  reportRemoved(Loc, *Fn.Api, {}, &Why);
}

void RemovedBufferApiCheck::reportRemoved(SourceLocation Loc,
                                          const RemovedApi &Api,
                                          llvm::ArrayRef<FixItHint> Fix,
                                          const buffer::Unfixable *Why) {
  ::pycapi::recordCheckFinding(
      *this, *Unit.Sources, Loc,
      ::pycapi::removedApiFinding(Api, !Fix.empty(), Why ? Why->text() : ""));
  {
    auto Diag = diag(Loc, RemovedWarning)
                << Api.Name << formatPyVersion(Api.RemovedIn)
                << Api.Replacement;
    for (const FixItHint &Hint : Fix)
      Diag << Hint;
  }
  if (Why)
    diag(Why->Loc.isValid() ? Why->Loc : Loc, NoFixNote, DiagnosticIDs::Note)
        << Why->text();
}

const FunctionDecl *RemovedBufferApiCheck::enclosingFunction(const Expr &Call) {
  return parentMaps().enclosingFunction(Call, Unit.LastFunction);
}

DeclParentMaps &RemovedBufferApiCheck::parentMaps() {
  if (!Unit.ParentMaps)
    Unit.ParentMaps = std::make_unique<DeclParentMaps>(*Unit.Context);
  return *Unit.ParentMaps;
}

void RemovedBufferApiCheck::checkCall(const Expr *Call, StringRef Name,
                                      SourceLocation NameLoc,
                                      llvm::ArrayRef<const Expr *> Args,
                                      ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(NameLoc);
  if (!isUserCode(SM, NameLoc) || !isUserCode(SM, Loc) ||
      !compiledAtTarget(NameLoc))
    return;
  const BufferFunction &Fn = bufferFunctions().find(Name)->second;
  bool InMacro = NameLoc.isMacroID() || Call->getBeginLoc().isMacroID() ||
                 Call->getEndLoc().isMacroID();
  if (InMacro) {
    buffer::Unfixable Why = unfixable(buffer::UnfixableReason::InMacro);
    reportRemoved(Loc, *Fn.Api, {}, &Why);
    return;
  }

  if (Fn.IsCheck) {
    if (Args.size() == 1)
      Unit.CheckCalls.push_back({Fn.Api, NameLoc, enclosingFunction(*Call)});
    return;
  }

  const FunctionDecl *Function =
      Args.size() == 3 ? enclosingFunction(*Call) : nullptr;
  if (!Function || !Function->hasBody()) {
    buffer::Unfixable Why =
        unfixable(buffer::UnfixableReason::NotInFunctionBody);
    reportRemoved(Loc, *Fn.Api, {}, &Why);
    return;
  }
  buffer::BufferCallSite Site;
  Site.Call = Call;
  Site.Name = Name.str();
  Site.NameLoc = NameLoc;
  Site.Object = Args[0];
  Site.Pointer.Arg = Args[1];
  Site.Length.Arg = Args[2];
  Site.Writable = Fn.Writable;
  Unit.SitesByFunction[Function].push_back(std::move(Site));
}

void RemovedBufferApiCheck::reportCheckReadBuffer(
    const CheckReadBufferCall &Call) {
  const RemovedApi &Api = *Call.Api;
  std::vector<FixItHint> Rename;
  if (!Call.AbsorbedByFixOnLine)
    Rename.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Call.NameLoc), Api.Replacement));
  reportRemoved(Call.NameLoc, Api, Rename);
  if (Call.AbsorbedByFixOnLine)
    diag(Call.NameLoc, RewrittenByNote, DiagnosticIDs::Note)
        << Call.AbsorbedByFixOnLine;
  diag(Call.NameLoc, CheckBufferIsWeakerNote, DiagnosticIDs::Note);
}

unsigned RemovedBufferApiCheck::fixFunction(
    const FunctionDecl *Function, std::vector<buffer::BufferCallSite> &Sites,
    std::vector<CheckReadBufferCall *> &CheckCalls) {
  const SourceManager &SM = *Unit.Sources;
  llvm::sort(Sites, [&](const buffer::BufferCallSite &A,
                        const buffer::BufferCallSite &B) {
    return SM.isBeforeInTranslationUnit(A.NameLoc, B.NameLoc);
  });
  buffer::RewriteOptions Opts;
  Opts.Immediate = ImmediateRelease;
  Opts.PreserveWriteBufferTypeError = PreserveWriteBufferTypeError;
  Opts.NonRetaining = &NonRetaining;
  std::vector<buffer::ForeignEdit> Renames;
  for (const CheckReadBufferCall *Check : CheckCalls)
    Renames.push_back({CharSourceRange::getTokenRange(Check->NameLoc),
                       Check->Api->Replacement.str()});
  buffer::FunctionRewrite Rewrite =
      buffer::rewriteFunction(*Function, Sites, Renames, Opts, parentMaps());

  // All calls of a function are rewritten as one fix, attached to the
  // warning of the first fixed call: their views share declarations and
  // release points.
  SourceLocation FirstFixed;
  for (size_t I = 0; I < Sites.size(); ++I) {
    const buffer::BufferCallSite &Site = Sites[I];
    const buffer::SiteOutcome &Outcome = Rewrite.Outcomes[I];
    const RemovedApi &Api = *bufferFunctions().find(Site.Name)->second.Api;
    if (!Outcome.Fixed) {
      reportRemoved(Site.NameLoc, Api, {},
                    Site.WhyUnfixable ? &*Site.WhyUnfixable : nullptr);
      continue;
    }
    if (FirstFixed.isInvalid()) {
      FirstFixed = Site.NameLoc;
      reportRemoved(Site.NameLoc, Api, Rewrite.Fix.hints());
    } else {
      reportRemoved(Site.NameLoc, Api);
    }
    reportFixedSite(Site, Api, Outcome, FirstFixed);
  }
  unsigned FixLine =
      FirstFixed.isValid() ? SM.getExpansionLineNumber(FirstFixed) : 0;
  for (CheckReadBufferCall *Check : CheckCalls)
    if (FixLine &&
        Rewrite.Fix.absorbedForeign(
            CharSourceRange::getTokenRange(Check->NameLoc).getBegin()))
      Check->AbsorbedByFixOnLine = FixLine;
  return FixLine;
}

void RemovedBufferApiCheck::reportFixedSite(const buffer::BufferCallSite &Site,
                                            const RemovedApi &Api,
                                            const buffer::SiteOutcome &Outcome,
                                            SourceLocation FirstFixed) {
  SourceLocation Loc = Site.NameLoc;
  if (Loc != FirstFixed)
    diag(Loc, RewrittenByNote, DiagnosticIDs::Note)
        << Unit.Sources->getExpansionLineNumber(FirstFixed);
  if (Site.Writable && PreserveWriteBufferTypeError)
    diag(Loc, KeepsTypeErrorNote, DiagnosticIDs::Note) << Api.Name;
  else if (Site.Writable)
    diag(Loc, RaisesBufferErrorNote, DiagnosticIDs::Note)
        << Api.Name << optionNameInNotes(catalog::PreserveWriteBufferTypeError);
  if (Outcome.Plan.FellBack)
    diag(Outcome.Plan.FellBack->Loc, OutlivesViewNote, DiagnosticIDs::Note)
        << Site.Pointer.Text << Outcome.Plan.FellBack->text()
        << Outcome.ObjectText;
  for (const buffer::MayKeepCall &Keep : Outcome.Plan.MayKeepCalls)
    diag(Keep.Loc, MayKeepNote, DiagnosticIDs::Note)
        << Keep.Callee << Keep.Pointer
        << optionNameInNotes(catalog::NonRetainingFunctions);
}

bool RemovedBufferApiCheck::compiledAtTarget(SourceLocation Loc) const {
  const SourceManager &SM = *Unit.Sources;
  return Branches->compiledAtTarget(SM.getSpellingLoc(Loc)) &&
         Branches->compiledAtTarget(SM.getExpansionLoc(Loc));
}

void RemovedBufferApiCheck::reportSkippedBranches() {
  for (const TargetBranches::SkippedIdentifier &Id :
       Branches->skippedIdentifiers()) {
    auto It = bufferFunctions().find(Id.Name);
    if (It != bufferFunctions().end())
      reportSkipped(Id.Loc, *It->second.Api);
  }
}

void RemovedBufferApiCheck::reportSkipped(SourceLocation Loc,
                                          const RemovedApi &Api) {
  using Reason = TargetBranches::SkipReason;
  TargetBranches::WhySkipped Why = Branches->whySkipped(Loc);
  // Code that only Pythons older than 3.13 compile keeps the call.
  if (Why.Reason == Reason::NotSkipped || Why.Reason == Reason::OlderPython)
    return;
  reportRemoved(Loc, Api);
  switch (Why.Reason) {
  case Reason::DeadOnPython3:
    diag(Loc, DeadOnPython3Note, DiagnosticIDs::Note) << Why.Directive;
    break;
  case Reason::Configuration:
    diag(Loc, ConfigurationNote, DiagnosticIDs::Note)
        << Why.Directive << llvm::join(Why.Options, " ");
    break;
  default:
    diag(Loc, HeadersSkipNote, DiagnosticIDs::Note)
        << formatPyVersion(Api.RemovedIn) << Why.Directive;
  }
}

void RemovedBufferApiCheck::onEndOfTranslationUnit() {
  if (Unit.Sources && Unit.LangOpts)
    reportSkippedBranches();
  llvm::DenseMap<const FunctionDecl *, std::vector<CheckReadBufferCall *>>
      ChecksOf;
  for (CheckReadBufferCall &Check : Unit.CheckCalls)
    if (Check.Function && Unit.SitesByFunction.count(Check.Function))
      ChecksOf[Check.Function].push_back(&Check);
  for (auto &[Function, Sites] : Unit.SitesByFunction)
    fixFunction(Function, Sites, ChecksOf[Function]);
  for (const CheckReadBufferCall &Check : Unit.CheckCalls)
    reportCheckReadBuffer(Check);
  Unit = {};
  Branches.reset();
}

} // namespace clang::tidy::pycapi
