//===--- ScopedTidy.cpp - clang-tidy's run, matching the user's code only -===//
#include "ScopedTidy.h"
#include "DriverCompat.h"
#include "TestHooks.h"
#include "clang-tidy/ClangTidy.h"
#include "utils/MatchDemand.h"
#include "utils/UserScope.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include <optional>

using namespace clang;
using namespace clang::tidy;
using clang::tidy::pycapi::MatchDemand;
using clang::tidy::pycapi::traversalIsLimited;
using clang::tidy::pycapi::UserScope;

namespace pycapi::cli {

namespace {

/// clang-tidy's consumer, whose matchers see only part of the unit: the
/// declarations that the checks marked, when every check promised to mark
/// (utils/MatchDemand.h), or else those that may hold the user's code
/// (utils/UserScope.h).
class ScopedConsumer : public MultiplexConsumer {
public:
  ScopedConsumer(std::unique_ptr<ASTConsumer> Checks,
                 std::shared_ptr<UserScope> Scope)
      : MultiplexConsumer(single(std::move(Checks))), Scope(std::move(Scope)) {}
  ScopedConsumer(std::unique_ptr<ASTConsumer> Checks,
                 std::shared_ptr<MatchDemand> Demand, DiagnosticsEngine &Diags)
      : MultiplexConsumer(single(std::move(Checks))), Demand(std::move(Demand)),
        Errors(std::in_place, Diags) {}

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    if (Scope)
      Scope->handedOver(Group);
    if (Demand) {
      // clang's recovery from an error builds nodes out of tokens no check
      // marked (a RecoveryExpr around a removed name, a typo correction):
      // an error marks the declaration being read too.
      if (Errors->hasErrorOccurred()) {
        Demand->mark();
        Errors->reset();
        ErrorMarked = true;
      }
      Demand->handedOver(Group);
    }
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    if (Scope)
      Context.setTraversalScope(Scope->declarations(Context));
    else if (!unplacedError(Context))
      Context.setTraversalScope(Demand->markedDeclarations(Context));
    reportScopeForTest(Context, Scope                         ? "user code"
                                : traversalIsLimited(Context) ? "marked"
                                                              : "unit");
    MultiplexConsumer::HandleTranslationUnit(Context);
    Context.setTraversalScope({Context.getTranslationUnitDecl()});
  }

private:
  static std::vector<std::unique_ptr<ASTConsumer>>
  single(std::unique_ptr<ASTConsumer> Consumer) {
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::move(Consumer));
    return Consumers;
  }

  std::shared_ptr<UserScope> Scope;
  std::shared_ptr<MatchDemand> Demand;
  std::optional<DiagnosticErrorTrap> Errors;
  bool ErrorMarked = false;

  /// Whether an error may have left nodes in a declaration it did not mark:
  /// one after the last declaration (a tentative definition of C completed
  /// at the end), or any in C++, whose errors may be in a template
  /// instantiated from the declaration being read, whose nodes are under
  /// the template's. The whole unit is matched then.
  bool unplacedError(const ASTContext &Context) const {
    return Errors->hasErrorOccurred() ||
           (ErrorMarked && Context.getLangOpts().CPlusPlus);
  }
};

class UserScopeAction : public ASTFrontendAction {
public:
  UserScopeAction(ClangTidyASTConsumerFactory &Factory,
                  ClangTidyContext &Context)
      : Factory(Factory), Context(Context) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    std::unique_ptr<ASTConsumer> Checks =
        Factory.createASTConsumer(Compiler, File);
    // Without a check there is nothing to match. With SystemHeaders, recent
    // clang-tidy matches the system's headers too; the scope would not.
    const auto &SystemHeaders = Context.getOptions().SystemHeaders;
    size_t CheckCount = Factory.getCheckNames().size();
    if (CheckCount == 0 || (SystemHeaders && *SystemHeaders))
      return Checks;
    // The checks made their promises while the factory registered them.
    // The marks are a subset of the user's declarations, and cost no
    // bookkeeping of files and macros.
    std::shared_ptr<MatchDemand> Demand =
        MatchDemand::find(Compiler.getPreprocessor());
    if (Demand && Demand->promises() >= CheckCount && !ignorePromisesForTest())
      return std::make_unique<ScopedConsumer>(
          std::move(Checks), std::move(Demand), Compiler.getDiagnostics());
    auto Scope = std::make_shared<UserScope>(Compiler.getSourceManager());
    Compiler.getPreprocessor().addPPCallbacks(UserScope::recorder(Scope));
    return std::make_unique<ScopedConsumer>(std::move(Checks),
                                            std::move(Scope));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  ClangTidyContext &Context;
};

class UserScopeActionFactory : public tooling::FrontendActionFactory {
public:
  UserScopeActionFactory(
      ClangTidyContext &Context,
      llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS)
      : Context(Context), ConsumerFactory(Context, std::move(BaseFS)) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<UserScopeAction>(ConsumerFactory, Context);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy: define __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), DiagConsumer);
  }

private:
  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory ConsumerFactory;
};

} // namespace

std::vector<ClangTidyError> runClangTidyOnUserCode(
    ClangTidyContext &Context, const tooling::CompilationDatabase &Database,
    const std::string &File,
    llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS) {
  tooling::ClangTool Tool(Database, {File},
                          std::make_shared<PCHContainerOperations>(), BaseFS);
  // The configuration's ExtraArgsBefore and ExtraArgs, as clang-tidy adds
  // them (after the compiler's name, and at the end).
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args,
                 StringRef Filename) {
        ClangTidyOptions Options = Context.getOptionsForFile(Filename);
        tooling::CommandLineArguments Adjusted = Args;
        if (Options.ExtraArgsBefore) {
          auto At = Adjusted.begin();
          if (At != Adjusted.end() && !compat::startsWith(*At, "-"))
            ++At;
          Adjusted.insert(At, Options.ExtraArgsBefore->begin(),
                          Options.ExtraArgsBefore->end());
        }
        if (Options.ExtraArgs)
          Adjusted.insert(Adjusted.end(), Options.ExtraArgs->begin(),
                          Options.ExtraArgs->end());
        return Adjusted;
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Context.setEnableProfiling(false);
  Context.setProfileStoragePrefix("");

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr,
                                           /*RemoveIncompatibleErrors=*/true,
                                           /*GetFixesFromNotes=*/false);
  std::unique_ptr<DiagnosticsEngine> Engine =
      compat::attachDiagnostics(Context, &DiagConsumer);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  // The driver says, once, which units did not compile; ClangTool's own
  // "Error while processing" line would say it a second time.
  Tool.setPrintErrorMessage(false);

  UserScopeActionFactory Factory(Context, std::move(BaseFS));
  Tool.run(&Factory);
  return DiagConsumer.take();
}

} // namespace pycapi::cli
