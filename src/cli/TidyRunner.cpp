//===--- TidyRunner.cpp - run the pycapi checks over translation units
//-----===//
#include "TidyRunner.h"
#include "CheckCatalog.h"
#include "DriverCompat.h"
#include "HostTool.h"
#include "ScopedTidy.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <stdexcept>

using namespace clang;
using namespace clang::tidy;

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

namespace {

/// Keeps, of a configuration's Checks globs, only those that name pycapi
/// checks. A project's .clang-tidy is written for clang-tidy's own checks
/// ("-*,readability-*" would otherwise switch pycapi off); an entry such as
/// "-pycapi-limited-api" still narrows what the CLI runs. A wildcard
/// ("pycapi-*") means the CLI's default set, as on the command line: the
/// opt-in checks (the style ones) run only where a glob names them.
std::string pycapiGlobsOf(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  std::string Kept;
  bool EnablesByWildcard = false;
  llvm::StringSet<> Named;
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    llvm::StringRef Name = Glob;
    if (Name.consume_front("-"))
      Name = Name.ltrim();
    // The module's name without the dash also keeps "pycapi*".
    if (!compat::startsWith(Name, clang::tidy::pycapi::CheckPrefix.rtrim('-')))
      continue;
    if (!Kept.empty())
      Kept += ",";
    Kept += Glob.str();
    if (!compat::startsWith(Glob, "-")) {
      EnablesByWildcard |= Glob.contains('*');
      Named.insert(Glob);
    }
  }
  if (EnablesByWildcard)
    for (const clang::tidy::pycapi::CheckInfo *Check :
         clang::tidy::pycapi::catalog::AllChecks)
      if (Check->OptIn && !Named.count(Check->Name))
        Kept += ",-" + Check->Name.str();
  return Kept;
}

/// Wraps a provider and filters the Checks of every configuration it reads
/// (but not the command line's, which is the user talking to this tool).
class PycapiOptionsProvider : public ClangTidyOptionsProvider {
public:
  explicit PycapiOptionsProvider(
      std::unique_ptr<ClangTidyOptionsProvider> Inner)
      : Inner(std::move(Inner)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef FileName) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(FileName);
    for (OptionsSource &Source : Sources)
      if (Source.second !=
              ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary &&
          Source.second != ClangTidyOptionsProvider::
                               OptionsSourceTypeCheckCommandLineOption &&
          Source.first.Checks)
        Source.first.Checks = pycapiGlobsOf(*Source.first.Checks);
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
};

} // namespace

static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeUnfilteredOptionsProvider(
    const RunSettings &Settings,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS);

llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeOptionsProvider(const RunSettings &Settings,
                    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  auto Inner = makeUnfilteredOptionsProvider(Settings, std::move(FS));
  if (!Inner)
    return Inner.takeError();
  return std::make_unique<PycapiOptionsProvider>(std::move(*Inner));
}

static llvm::Expected<std::unique_ptr<ClangTidyOptionsProvider>>
makeUnfilteredOptionsProvider(
    const RunSettings &Settings,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions = ClangTidyOptions::getDefaults();
  DefaultOptions.Checks = clang::tidy::pycapi::defaultChecks();
  // Every header, whatever clang-tidy's default for this LLVM major (none
  // before 19): findings in the project's own headers are the ones that
  // "Fixes in shared headers" is about. System and CPython headers stay out
  // (SourceFilter). A configuration's HeaderFilterRegex still wins.
  DefaultOptions.HeaderFilterRegex = ".*";

  ClangTidyOptions OverrideOptions;
  if (!Settings.Checks.empty())
    OverrideOptions.Checks = Settings.Checks;
  if (!Settings.ExtraArgs.empty())
    OverrideOptions.ExtraArgs = Settings.ExtraArgs;
  // Against 3.13 headers, C++ typo correction would turn a removed name into
  // a present one ("did you mean PyObject_GetBuffer?") and offer its own fix;
  // the checks find the name as written and fix it themselves.
  //
  // -fno-caret-diagnostics: clang then does not print "N warnings generated."
  // on stderr for every translation unit (clang-tidy's library prints
  // findings through its own consumer, which this flag does not affect).
  OverrideOptions.ExtraArgsBefore =
      std::vector<std::string>{"-fno-spell-checking", "-fno-caret-diagnostics"};
  OverrideOptions.ExtraArgsBefore->insert(
      OverrideOptions.ExtraArgsBefore->end(), Settings.ExtraArgsBefore.begin(),
      Settings.ExtraArgsBefore.end());
  for (const auto &KeyAndValue : Settings.CheckOptions)
    OverrideOptions.CheckOptions[KeyAndValue.first] =
        ClangTidyOptions::ClangTidyValue(KeyAndValue.second);

  if (!Settings.ConfigText.empty()) {
    auto Parsed = parseConfiguration(
        llvm::MemoryBufferRef(Settings.ConfigText, "--config"));
    if (!Parsed)
      return fail("invalid --config: " + Parsed.getError().message());
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, DefaultOptions, std::move(*Parsed),
        std::move(OverrideOptions));
  }
  return std::make_unique<FileOptionsProvider>(
      GlobalOptions, DefaultOptions, std::move(OverrideOptions), std::move(FS));
}

std::vector<ClangTidyError>
runChecksOn(const RunSettings &Settings,
            const tooling::CompilationDatabase &Database,
            const std::string &File, ContentIds &Read, unsigned &Suppressed) {
  // The real file system object that getRealFileSystem() returns changes the
  // process's working folder (chdir) when the tool enters a compile
  // command's folder; a physical one keeps a working folder of its own. The
  // options provider shares it, so that it resolves the relative file names
  // of a compile command in that command's folder. Between the two, the
  // recording file system notes what bytes the fixes are computed against
  // (ContentIdentity.h), for the files a fix may write.
  auto MayEdit = [](llvm::StringRef RealPath) {
    const ::pycapi::HostTool &Tool = ::pycapi::hostTool();
    return !Tool.MayEdit || Tool.MayEdit(RealPath);
  };
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> BaseFS(
      new llvm::vfs::OverlayFileSystem(makeRecordingFileSystem(
          llvm::vfs::createPhysicalFileSystem(), Read, MayEdit)));
  auto Provider = makeOptionsProvider(Settings, BaseFS);
  if (!Provider) // main() has built one already, so this does not happen
    throw std::runtime_error(llvm::toString(Provider.takeError()));
  ClangTidyContext Context(std::move(*Provider));
  std::vector<ClangTidyError> Errors =
      runClangTidyOnUserCode(Context, Database, File, BaseFS);
  Suppressed = Context.getStats().ErrorsIgnoredNOLINT;
  return Errors;
}

llvm::Error checkOptionChoices(const RunSettings &Settings,
                               llvm::ArrayRef<std::string> Files) {
  using namespace clang::tidy::pycapi;
  auto Provider = makeOptionsProvider(Settings);
  if (!Provider)
    return Provider.takeError();
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = (*Provider)->getOptions(File);
    GlobList Enabled(Effective.Checks ? llvm::StringRef(*Effective.Checks)
                                      : llvm::StringRef());
    for (const CheckInfo *Check : catalog::AllChecks) {
      if (!Enabled.contains(Check->Name))
        continue; // as under clang-tidy, where the check is never built
      for (const CheckOption *Option : Check->Options) {
        if (Option->Kind != OptionKind::Choice)
          continue;
        std::string Key = localKey(*Check, *Option);
        if (!Effective.CheckOptions.count(Key) &&
            Option->Scope == OptionScope::LocalOrGlobal)
          Key = Option->Key.str();
        auto Set = Effective.CheckOptions.find(Key);
        if (Set == Effective.CheckOptions.end() ||
            llvm::is_contained(Option->Choices, Set->second.Value))
          continue;
        // The configuration that set it: the last source that has it.
        std::string Where;
        for (const auto &Source : (*Provider)->getRawOptions(File))
          if (Source.first.CheckOptions.count(Key))
            Where = Source.second;
        if (Where ==
            ClangTidyOptionsProvider::OptionsSourceTypeConfigCommandLineOption)
          Where = "--config";
        return fail(
            invalidChoiceMessage(Check->Name, *Option, Set->second.Value) +
            " (in '" + Where + "')");
      }
    }
  }
  return llvm::Error::success();
}

std::vector<std::string>
enabledChecks(std::unique_ptr<ClangTidyOptionsProvider> Options) {
  ClangTidyOptions Effective = Options->getOptions("dummy.c");
  return compat::checkNames(Effective);
}

/// \p Checks without a glob that a later one repeats: the last glob that
/// matches a name decides, so the earlier copy never does. The defaults and
/// a project's ".clang-tidy" both say "pycapi-*".
static std::string withoutRepeatedGlobs(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  Checks.split(Globs, ',', -1, /*KeepEmpty=*/false);
  std::string Kept;
  for (size_t I = 0; I < Globs.size(); ++I) {
    llvm::StringRef Glob = Globs[I].trim();
    if (std::any_of(
            Globs.begin() + I + 1, Globs.end(),
            [&](llvm::StringRef Later) { return Later.trim() == Glob; }))
      continue;
    if (!Kept.empty())
      Kept += ",";
    Kept += Glob.str();
  }
  return Kept;
}

std::string effectiveConfig(ClangTidyOptionsProvider &Options,
                            llvm::StringRef File) {
  ClangTidyOptions Effective = Options.getOptions(File);
  if (Effective.Checks)
    Effective.Checks = withoutRepeatedGlobs(*Effective.Checks);
  ClangTidyOptions::OptionMap CheckDefaults = compat::checkOptions(Effective);
  // What the configuration says wins over the checks' defaults.
  for (auto &KeyAndValue : Effective.CheckOptions)
    CheckDefaults[KeyAndValue.first()] = KeyAndValue.second;
  Effective.CheckOptions = std::move(CheckDefaults);
  return configurationAsText(Effective);
}

} // namespace pycapi::cli
