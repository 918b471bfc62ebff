//===--- RemovedBufferApiCheck.cpp - pycapi-removed-buffer-api -------------===//
#include "RemovedBufferApiCheck.h"
#include "CheckCatalog.h"
#include "LLVMCompat.h"
#include "RemovedApi.h"
#include "SourceFilter.h"
#include "buffer/BufferRewrite.h"
#include "utils/SourceEdit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi {

using ::pycapi::formatPyVersion;
using ::pycapi::isUserCode;
using ::pycapi::RemovedApi;

namespace {

// Not in ASTMatchers.h before LLVM 15.
const internal::VariadicDynCastAllOfMatcher<Stmt, RecoveryExpr> recoveryExpr;

/// One of the removed buffer functions, as the data table describes it: the
/// As*Buffer functions are replaced by PyObject_GetBuffer with the flags the
/// table names; PyObject_CheckReadBuffer by PyObject_CheckBuffer.
struct BufferFunction {
  const RemovedApi *Api;
  bool IsCheck;  ///< PyObject_CheckReadBuffer
  bool Writable; ///< replaced with PyBUF_WRITABLE
};

const llvm::StringMap<BufferFunction> &bufferFunctions() {
  static const llvm::StringMap<BufferFunction> Functions = [] {
    llvm::StringMap<BufferFunction> Map;
    for (const RemovedApi &Api : ::pycapi::allRemovedApis()) {
      if (::pycapi::compat::startsWith(Api.Replacement, "PyObject_GetBuffer("))
        Map[Api.Name] = {&Api, false,
                         Api.Replacement.find("PyBUF_WRITABLE") != StringRef::npos};
      else if (Api.Replacement == "PyObject_CheckBuffer")
        Map[Api.Name] = {&Api, true, false};
    }
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
      NonRetaining(NonRetainingOption),
      // The release that removed the four functions: what it compiles is
      // what needs migrating.
      Branches(bufferFunctions().begin()->second.Api->RemovedIn) {}

void RemovedBufferApiCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, catalog::ReleaseStrategy.Key,
                ImmediateRelease ? ReleaseStrategy::Immediate
                                 : ReleaseStrategy::Lifetime);
  Options.store(Opts, catalog::PreserveWriteBufferTypeError.Key,
                PreserveWriteBufferTypeError);
  Options.store(Opts, catalog::NonRetainingFunctions.Key, NonRetainingOption);
}

void RemovedBufferApiCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<StringRef> Names = bufferFunctionNames();
  // Compiled against 3.13 headers, C++ typo correction may have replaced the
  // callee with one of these; check() compares the name the source spells.
  std::vector<StringRef> Corrected = Names;
  Corrected.push_back("PyObject_GetBuffer");
  Corrected.push_back("PyObject_CheckBuffer");
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName(Corrected))),
               optionally(forFunction(functionDecl().bind("function"))))
          .bind("call"),
      this);
  Finder->addMatcher(
      declRefExpr(to(functionDecl(hasAnyName(Names)))).bind("ref"), this);
  // Compiled against 3.13 headers without typo correction, C++ keeps the
  // call as a RecoveryExpr around an unresolved name.
  Finder->addMatcher(
      recoveryExpr(has(unresolvedLookupExpr().bind("unresolved")),
                   optionally(forFunction(functionDecl().bind("function"))))
          .bind("recovery"),
      this);
}

void RemovedBufferApiCheck::registerPPCallbacks(const SourceManager &SM,
                                                Preprocessor *PP,
                                                Preprocessor *ModuleExpanderPP) {
  Sources = &SM;
  LangOpts = &PP->getLangOpts();
  // Old code often keeps the removed calls under `#if PY_MAJOR_VERSION < 3`
  // or behind a feature macro, which the AST never sees.
  Branches.attach(*PP);
}

void RemovedBufferApiCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  Sources = Result.SourceManager;
  LangOpts = &Result.Context->getLangOpts();
  const SourceManager &SM = *Result.SourceManager;
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");

  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call")) {
    // The name as the source spells it (it differs from the callee's after
    // typo correction).
    SourceLocation NameLoc = Call->getCallee()->IgnoreParenImpCasts()->getExprLoc();
    StringRef Spelled = Lexer::getSourceText(
        CharSourceRange::getTokenRange(SM.getSpellingLoc(NameLoc)), SM,
        *LangOpts);
    if (!bufferFunctions().count(Spelled))
      return;
    llvm::SmallVector<const Expr *, 3> Args(Call->arg_begin(), Call->arg_end());
    checkCall(Call, Spelled, NameLoc, Args, Function, *Result.Context);
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
    checkCall(Recovery, bufferFunctions().find(Name->getName().getAsString())
                            ->first(),
              Name->getNameLoc(), Args, Function, *Result.Context);
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    // Calls, also with a parenthesised callee, are handled above; this is a
    // reference that is not a call.
    const Stmt *Node = Ref;
    for (auto Parents = Result.Context->getParents(*Node); !Parents.empty();
         Parents = Result.Context->getParents(*Node)) {
      const auto *Parent = Parents[0].get<Stmt>();
      if (const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
          Call && Call->getCallee()->IgnoreParenImpCasts() == Ref)
        return;
      if (!isa_and_nonnull<ParenExpr, ImplicitCastExpr>(Parent))
        break;
      Node = Parent;
    }
    SourceLocation Loc = SM.getExpansionLoc(Ref->getLocation());
    if (!isUserCode(SM, Ref->getLocation()) || !isUserCode(SM, Loc) ||
        !compiledAtTarget(Ref->getLocation()))
      return;
    const BufferFunction &Fn =
        bufferFunctions().find(Ref->getDecl()->getName())->second;
    diag(Loc, "'%0' was removed in Python %1; use %2")
        << Fn.Api->Name << formatPyVersion(Fn.Api->RemovedIn)
        << Fn.Api->Replacement;
    diag(Loc, "no automatic fix: the function is referenced, not called",
         DiagnosticIDs::Note);
  }
}

void RemovedBufferApiCheck::checkCall(const Expr *Call, StringRef Name,
                                      SourceLocation NameLoc,
                                      llvm::ArrayRef<const Expr *> Args,
                                      const FunctionDecl *Function,
                                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(NameLoc);
  if (!isUserCode(SM, NameLoc) || !isUserCode(SM, Loc) ||
      !compiledAtTarget(NameLoc))
    return;
  const BufferFunction &Fn = bufferFunctions().find(Name)->second;
  auto Report = [&] {
    return diag(Loc, "'%0' was removed in Python %1; use %2")
           << Fn.Api->Name << formatPyVersion(Fn.Api->RemovedIn)
           << Fn.Api->Replacement;
  };
  bool InMacro = NameLoc.isMacroID() || Call->getBeginLoc().isMacroID() ||
                 Call->getEndLoc().isMacroID();
  if (InMacro) {
    Report();
    diag(Loc, "no automatic fix: the call is inside a macro",
         DiagnosticIDs::Note);
    return;
  }

  if (Fn.IsCheck) {
    if (Args.size() == 1)
      CheckCalls.push_back({NameLoc, Function});
    return;
  }

  if (Args.size() != 3 || !Function || !Function->hasBody()) {
    Report();
    diag(Loc, "no automatic fix: the call is not in a function body",
         DiagnosticIDs::Note);
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
  auto [Listed, New] = SiteListOf.try_emplace(Function, SitesByFunction.size());
  if (New)
    SitesByFunction.emplace_back(Function,
                                 std::vector<buffer::BufferCallSite>());
  SitesByFunction[Listed->second].second.push_back(std::move(Site));
}

void RemovedBufferApiCheck::reportCheckReadBuffer(
    const CheckReadBufferCall &Call) {
  const RemovedApi &Api = *bufferFunctions().find("PyObject_CheckReadBuffer")
                               ->second.Api;
  {
    auto Diag = diag(Call.NameLoc, "'%0' was removed in Python %1; use %2")
                << Api.Name << formatPyVersion(Api.RemovedIn)
                << Api.Replacement;
    if (!Call.AbsorbedByFixOnLine)
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Call.NameLoc), Api.Replacement);
  }
  if (Call.AbsorbedByFixOnLine)
    diag(Call.NameLoc, "rewritten by the fix of the call on line %0",
         DiagnosticIDs::Note)
        << Call.AbsorbedByFixOnLine;
  diag(Call.NameLoc,
       "PyObject_CheckBuffer does not try to get the buffer: a "
       "non-contiguous exporter now passes this check and fails later, in "
       "PyObject_GetBuffer",
       DiagnosticIDs::Note);
}

unsigned RemovedBufferApiCheck::fixFunction(
    const FunctionDecl *Function, std::vector<buffer::BufferCallSite> &Sites,
    std::vector<CheckReadBufferCall *> &Checks) {
  llvm::sort(Sites, [&](const buffer::BufferCallSite &A,
                        const buffer::BufferCallSite &B) {
    return Sources->isBeforeInTranslationUnit(A.NameLoc, B.NameLoc);
  });
  buffer::RewriteOptions Opts;
  Opts.Immediate = ImmediateRelease;
  Opts.PreserveWriteBufferTypeError = PreserveWriteBufferTypeError;
  Opts.NonRetaining = &NonRetaining;
  std::vector<buffer::ForeignEdit> Renames;
  for (const CheckReadBufferCall *Check : Checks)
    Renames.push_back({CharSourceRange::getTokenRange(Check->NameLoc),
                       "PyObject_CheckBuffer"});
  buffer::FunctionRewrite Rewrite =
      buffer::rewriteFunction(*Function, Sites, Renames, Opts, *Context);

  bool FixAttached = false;
  SourceLocation FirstFixed;
  for (size_t I = 0; I < Sites.size(); ++I) {
    const buffer::BufferCallSite &Site = Sites[I];
    const buffer::SiteOutcome &Outcome = Rewrite.Outcomes[I];
    const BufferFunction &Fn = bufferFunctions().find(Site.Name)->second;
    SourceLocation Loc = Site.NameLoc;
    {
      auto Diag = diag(Loc, "'%0' was removed in Python %1; use %2")
                  << Fn.Api->Name << formatPyVersion(Fn.Api->RemovedIn)
                  << Fn.Api->Replacement;
      // All calls of a function are rewritten as one fix: their views share
      // declarations and release points.
      if (Outcome.Fixed && !FixAttached) {
        for (const FixItHint &Hint : Rewrite.Fix.hints())
          Diag << Hint;
        FixAttached = true;
        FirstFixed = Loc;
      }
    }
    if (!Outcome.Fixed) {
      diag(Site.UnfixableLoc.isValid() ? Site.UnfixableLoc : Loc,
           "no automatic fix: %0", DiagnosticIDs::Note)
          << Site.Unfixable;
      continue;
    }
    if (Loc != FirstFixed)
      diag(Loc, "rewritten by the fix of the call on line %0",
           DiagnosticIDs::Note)
          << Sources->getExpansionLineNumber(FirstFixed);
    if (Site.Writable)
      diag(Loc, PreserveWriteBufferTypeError
                    ? "the fix keeps the TypeError that "
                      "PyObject_AsWriteBuffer raised for a read-only buffer"
                    : "PyObject_GetBuffer raises BufferError where "
                      "PyObject_AsWriteBuffer raised TypeError for a "
                      "read-only buffer; set PreserveWriteBufferTypeError to "
                      "keep TypeError",
           DiagnosticIDs::Note);
    if (!Outcome.Plan.FallbackReason.empty())
      diag(Outcome.Plan.FallbackLoc,
           "'%0' outlives the view: %1; the view is released right after "
           "the copy, as the removed function did, so '%0' is only valid "
           "while '%2' keeps its buffer unchanged: review this use",
           DiagnosticIDs::Note)
          << Site.Pointer.Text << Outcome.Plan.FallbackReason
          << Outcome.ObjectText;
    for (const buffer::MayKeepCall &Keep : Outcome.Plan.MayKeepCalls)
      diag(Keep.Loc,
           "'%0' may keep '%1' after the view is released; if it does, hold "
           "the view as long as the object that keeps the pointer (store the "
           "Py_buffer in that object and release it in its destructor); if "
           "it only reads '%1' during the call, add it to "
           "NonRetainingFunctions",
           DiagnosticIDs::Note)
          << Keep.Callee << Keep.Pointer;
  }
  unsigned FixLine =
      FixAttached ? Sources->getExpansionLineNumber(FirstFixed) : 0;
  for (CheckReadBufferCall *Check : Checks)
    if (FixAttached && Rewrite.Fix.absorbedForeign(
                           CharSourceRange::getTokenRange(Check->NameLoc)
                               .getBegin()))
      Check->AbsorbedByFixOnLine = FixLine;
  return FixLine;
}

bool RemovedBufferApiCheck::compiledAtTarget(SourceLocation Loc) const {
  const SourceManager &SM = *Sources;
  return Branches.compiledAtTarget(SM.getSpellingLoc(Loc)) &&
         Branches.compiledAtTarget(SM.getExpansionLoc(Loc));
}

void RemovedBufferApiCheck::reportSkippedBranches() {
  using Reason = TargetBranches::SkipReason;
  const SourceManager &SM = *Sources;
  for (SourceRange Range : Branches.skippedRanges()) {
    forEachRawIdentifier(
        Range.getBegin(), Range.getEnd(), SM, *LangOpts,
        [&](StringRef Name, SourceLocation Loc) {
          auto It = bufferFunctions().find(Name);
          if (It == bufferFunctions().end())
            return;
          TargetBranches::WhySkipped Why = Branches.whySkipped(Loc);
          // Code that only Pythons older than 3.13 compile keeps the call.
          if (Why.Reason == Reason::NotSkipped ||
              Why.Reason == Reason::OlderPython)
            return;
          const RemovedApi &Api = *It->second.Api;
          diag(Loc, "'%0' was removed in Python %1; use %2")
              << Api.Name << formatPyVersion(Api.RemovedIn) << Api.Replacement;
          switch (Why.Reason) {
          case Reason::DeadOnPython3:
            diag(Loc,
                 "no Python 3 compiles this code ('%0'); delete it rather "
                 "than migrate it",
                 DiagnosticIDs::Note)
                << Why.Directive;
            break;
          case Reason::Configuration:
            diag(Loc,
                 "this build skips this code ('%0'); migrate the call in "
                 "the configuration that compiles it (run the tool again "
                 "with %1)",
                 DiagnosticIDs::Note)
                << Why.Directive << llvm::join(Why.Options, " ");
            break;
          default:
            diag(Loc,
                 "the headers being parsed skip this code, which Python %0 "
                 "compiles ('%1'); run the tool against Python %0's headers "
                 "to fix it",
                 DiagnosticIDs::Note)
                << formatPyVersion(Api.RemovedIn) << Why.Directive;
          }
        });
  }
}

void RemovedBufferApiCheck::onEndOfTranslationUnit() {
  if (Sources && LangOpts)
    reportSkippedBranches();
  llvm::DenseMap<const FunctionDecl *, std::vector<CheckReadBufferCall *>>
      ChecksOf;
  for (CheckReadBufferCall &Check : CheckCalls)
    if (Check.Function && SiteListOf.count(Check.Function))
      ChecksOf[Check.Function].push_back(&Check);
  for (auto &[Function, Sites] : SitesByFunction) {
    std::vector<CheckReadBufferCall *> None;
    auto Checks = ChecksOf.find(Function);
    fixFunction(Function, Sites,
                Checks != ChecksOf.end() ? Checks->second : None);
  }
  for (const CheckReadBufferCall &Check : CheckCalls)
    reportCheckReadBuffer(Check);
  SitesByFunction.clear();
  SiteListOf.clear();
  CheckCalls.clear();
  Branches.clear();
}

} // namespace clang::tidy::pycapi
