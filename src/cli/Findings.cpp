//===--- Findings.cpp - the diagnostics of a run, once each
//----------------===//
#include "Findings.h"
#include "CheckCatalog.h"
#include "FileCollector.h"
#include "LLVMCompat.h"
#include "llvm/Support/Path.h"
#include <set>
#include <tuple>

using namespace clang;

namespace pycapi::cli {

/// Paths in a diagnostic are relative to its compile command's folder.
static std::string absoluteIn(llvm::StringRef BuildDirectory,
                              llvm::StringRef Path) {
  if (Path.empty())
    return "";
  if (llvm::sys::path::is_absolute(Path) || BuildDirectory.empty())
    return absolutePath(Path);
  llvm::SmallString<256> Joined(BuildDirectory);
  llvm::sys::path::append(Joined, Path);
  return absolutePath(Joined);
}

/// Makes the paths of \p Message absolute; those of its fixes name the file
/// that is written (\p FixTarget).
static void
makeAbsolute(const std::string &BuildDirectory,
             tooling::DiagnosticMessage &Message,
             const std::function<std::string(const std::string &)> &FixTarget) {
  auto Target = [&](llvm::StringRef Path) {
    std::string Absolute = absoluteIn(BuildDirectory, Path);
    return FixTarget ? FixTarget(Absolute) : Absolute;
  };
  Message.FilePath = absoluteIn(BuildDirectory, Message.FilePath);
  for (tooling::FileByteRange &Range : Message.Ranges)
    Range.FilePath = absoluteIn(BuildDirectory, Range.FilePath);
  llvm::StringMap<tooling::Replacements> Fix;
  for (auto &FileAndReplacements : Message.Fix) {
    tooling::Replacements Absolute;
    for (const tooling::Replacement &R : FileAndReplacements.second)
      llvm::consumeError(Absolute.add(
          tooling::Replacement(Target(R.getFilePath()), R.getOffset(),
                               R.getLength(), R.getReplacementText())));
    Fix[Target(FileAndReplacements.first())] = std::move(Absolute);
  }
  Message.Fix = std::move(Fix);
}

/// True for the diagnostics whose fixes this tool applies: those of the
/// pycapi checks. A compiler diagnostic's fix-it (clang-diagnostic-*) is
/// clang's guess at recovering from an error, such as the ';' that turns
/// `HIDDEN PyObject *name;`, where HIDDEN is undefined, into
/// `HIDDEN PyObject; *name;`; --fix-errors is for applying the checks' fixes
/// to code that does not compile against the new headers, never those.
static bool isToolsOwn(const tidy::ClangTidyError &Error) {
  return compat::startsWith(Error.DiagnosticName,
                            clang::tidy::pycapi::CheckPrefix);
}

/// A compiler diagnostic (clang-diagnostic-*) of level error.
static bool isCompilerError(const tidy::ClangTidyError &Error) {
  return Error.DiagLevel == tooling::Diagnostic::Error &&
         compat::startsWith(Error.DiagnosticName, "clang-diagnostic-");
}

std::vector<Finding>
mergeFindings(const std::vector<UnitResult> &Results, FixSet &Fixes,
              const std::function<std::string(const std::string &)> &FixTarget,
              const std::vector<bool> &FixesKept) {
  std::vector<Finding> Findings;
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  for (size_t UnitIndex = 0; UnitIndex < Results.size(); ++UnitIndex)
    for (const tidy::ClangTidyError &Error : Results[UnitIndex].Errors) {
      Finding F{Error, Error};
      makeAbsolute(Error.BuildDirectory, F.Absolute.Message, FixTarget);
      for (tooling::DiagnosticMessage &Note : F.Absolute.Notes)
        makeAbsolute(Error.BuildDirectory, Note, FixTarget);
      if (!isToolsOwn(Error)) {
        // Of the message and of the notes: clang-apply-replacements applies
        // the first note's fix when the message has none.
        F.Absolute.Message.Fix.clear();
        for (tooling::DiagnosticMessage &Note : F.Absolute.Notes)
          Note.Fix.clear();
      }
      const tooling::DiagnosticMessage &M = F.Absolute.Message;
      if (FixesKept.empty() || FixesKept[UnitIndex])
        for (const auto &FileAndReplacements : M.Fix)
          for (const tooling::Replacement &R : FileAndReplacements.second)
            if (R.isApplicable())
              Fixes.add(R);
      // Once per file, whatever name a unit reached it by (a link).
      if (!Seen.emplace(Error.DiagnosticName,
                        FixTarget ? FixTarget(M.FilePath) : M.FilePath,
                        M.FileOffset, M.Message)
               .second)
        continue;
      F.CompilerError = isCompilerError(Error);
      for (const auto &FileAndReplacements : M.Fix)
        F.Fixable |= !FileAndReplacements.second.empty();
      Findings.push_back(std::move(F));
    }
  return Findings;
}

using Places = std::set<std::pair<std::string, unsigned>>;

/// Where the checks' findings are: a compiler error there is explained.
static Places findingPlaces(const std::vector<Finding> &Findings) {
  Places FindingPlaces;
  for (const Finding &F : Findings)
    if (!F.CompilerError)
      FindingPlaces.emplace(F.Absolute.Message.FilePath,
                            F.Absolute.Message.FileOffset);
  return FindingPlaces;
}

static const tidy::ClangTidyError *
firstUnexplainedIn(const UnitResult &Unit, const Places &FindingPlaces) {
  for (const tidy::ClangTidyError &Error : Unit.Errors)
    if (isCompilerError(Error) &&
        !FindingPlaces.count(
            {absoluteIn(Error.BuildDirectory, Error.Message.FilePath),
             Error.Message.FileOffset}))
      return &Error;
  return nullptr;
}

std::vector<bool> unitsThatFailed(const std::vector<UnitResult> &Results,
                                  const std::vector<Finding> &Findings) {
  Places FindingPlaces = findingPlaces(Findings);
  std::vector<bool> Failed;
  for (const UnitResult &Unit : Results)
    Failed.push_back(firstUnexplainedIn(Unit, FindingPlaces) != nullptr);
  return Failed;
}

const tidy::ClangTidyError *
firstUnexplainedError(const UnitResult &Unit,
                      const std::vector<Finding> &Findings) {
  return firstUnexplainedIn(Unit, findingPlaces(Findings));
}

unsigned unexplainedCompilerErrors(const std::vector<Finding> &Findings) {
  Places FindingPlaces = findingPlaces(Findings);
  unsigned Count = 0;
  for (const Finding &F : Findings)
    Count += F.CompilerError &&
             !FindingPlaces.count(
                 {F.Absolute.Message.FilePath, F.Absolute.Message.FileOffset});
  return Count;
}

} // namespace pycapi::cli
