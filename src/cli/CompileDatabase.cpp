//===--- CompileDatabase.cpp - how each translation unit is compiled -------===//
#include "CompileDatabase.h"
#include "FileCollector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

using namespace clang::tooling;

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

namespace {

/// A database found upward from the sources decides only for the files it
/// lists: a stray compile_commands.json of another project must not decide
/// how a file is parsed (clang would infer commands for any file from its
/// neighbours). The other files get the fallback command.
class ListedOrFallback : public CompilationDatabase {
public:
  ListedOrFallback(std::unique_ptr<CompilationDatabase> Listed,
                   std::vector<std::string> FallbackArgs)
      : Listed(std::move(Listed)), Fallback(".", FallbackArgs) {
    for (const std::string &File : this->Listed->getAllFiles())
      ListedFiles.insert(File);
  }

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    if (ListedFiles.count(absolutePath(FilePath)))
      return Listed->getCompileCommands(FilePath);
    return Fallback.getCompileCommands(FilePath);
  }
  std::vector<std::string> getAllFiles() const override {
    return Listed->getAllFiles();
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    return Listed->getAllCompileCommands();
  }

private:
  std::unique_ptr<CompilationDatabase> Listed;
  FixedCompilationDatabase Fallback;
  llvm::StringSet<> ListedFiles;
};

class SynchronizedDatabase : public CompilationDatabase {
public:
  explicit SynchronizedDatabase(const CompilationDatabase &Inner)
      : Inner(Inner) {}
  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    std::lock_guard<std::mutex> Lock(M);
    return Inner.getCompileCommands(FilePath);
  }
  std::vector<std::string> getAllFiles() const override {
    std::lock_guard<std::mutex> Lock(M);
    return Inner.getAllFiles();
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    std::lock_guard<std::mutex> Lock(M);
    return Inner.getAllCompileCommands();
  }

private:
  const CompilationDatabase &Inner;
  mutable std::mutex M;
};

} // namespace

llvm::Expected<LoadedDatabase>
loadDatabase(const std::string &BuildPath, bool HaveCompilerArgs,
             const std::vector<std::string> &CompilerArgs,
             const std::vector<std::string> &Files,
             const FallbackArgsFn &Fallback) {
  std::string ErrorMessage;
  if (!BuildPath.empty()) {
    if (!llvm::sys::fs::is_directory(BuildPath))
      return fail("no such directory: '" + BuildPath + "'");
    auto Database =
        CompilationDatabase::loadFromDirectory(BuildPath, ErrorMessage);
    if (!Database)
      return fail("no compile_commands.json in '" + BuildPath + "'");
    return LoadedDatabase{std::move(Database), absolutePath(BuildPath)};
  }
  if (HaveCompilerArgs)
    return LoadedDatabase{
        std::make_unique<FixedCompilationDatabase>(".", CompilerArgs), ""};

  std::unique_ptr<CompilationDatabase> Found;
  std::string FoundDir;
  if (!Files.empty()) {
    std::string First = absolutePath(Files.front());
    Found = CompilationDatabase::autoDetectFromSource(First, ErrorMessage);
    if (Found) {
      // autoDetectFromSource does not say where it found the database.
      llvm::SmallString<256> Dir(First);
      do {
        llvm::sys::path::remove_filename(Dir);
        llvm::SmallString<256> Json(Dir);
        llvm::sys::path::append(Json, "compile_commands.json");
        if (llvm::sys::fs::exists(Json)) {
          FoundDir = std::string(Dir.str());
          break;
        }
      } while (llvm::sys::path::has_parent_path(Dir) && Dir.size() > 1);
    }
  }
  size_t ListedCount = 0;
  if (Found) {
    llvm::StringSet<> Listed;
    for (const std::string &File : Found->getAllFiles())
      Listed.insert(File);
    for (const std::string &File : Files)
      ListedCount += Listed.count(absolutePath(File));
  }
  bool AllListed = Found && ListedCount == Files.size();
  std::vector<std::string> FallbackArgs;
  if (!AllListed) {
    auto Args = Fallback();
    if (!Args)
      return Args.takeError();
    FallbackArgs = std::move(*Args);
  }
  if (!Found)
    return LoadedDatabase{
        std::make_unique<FixedCompilationDatabase>(".", FallbackArgs), ""};
  return LoadedDatabase{
      std::make_unique<ListedOrFallback>(std::move(Found), FallbackArgs),
      ListedCount ? FoundDir : ""};
}

std::unique_ptr<CompilationDatabase>
synchronized(const CompilationDatabase &Inner) {
  return std::make_unique<SynchronizedDatabase>(Inner);
}

} // namespace pycapi::cli
