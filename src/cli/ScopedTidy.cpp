//===--- ScopedTidy.cpp - clang-tidy's run, matching the user's code only -===//
#include "ScopedTidy.h"
#include "DriverCompat.h"
#include "clang-tidy/ClangTidy.h"
#include "utils/UserScope.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;
using namespace clang::tidy;
using clang::tidy::pycapi::UserScope;

namespace pycapi::cli {

namespace {

/// clang-tidy's consumer, whose matchers see only the declarations of the
/// unit that may hold the user's code.
class UserScopeConsumer : public MultiplexConsumer {
public:
  UserScopeConsumer(std::unique_ptr<ASTConsumer> Checks,
                    std::shared_ptr<UserScope> Scope)
      : MultiplexConsumer(single(std::move(Checks))), Scope(std::move(Scope)) {}

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    Scope->handedOver(Group);
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    Context.setTraversalScope(Scope->declarations(Context));
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
    if (Factory.getCheckNames().empty() || (SystemHeaders && *SystemHeaders))
      return Checks;
    auto Scope = std::make_shared<UserScope>(Compiler.getSourceManager());
    Compiler.getPreprocessor().addPPCallbacks(UserScope::recorder(Scope));
    return std::make_unique<UserScopeConsumer>(std::move(Checks),
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
