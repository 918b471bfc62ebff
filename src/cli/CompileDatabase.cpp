//===--- CompileDatabase.cpp - how each translation unit is compiled
//-------===//
#include "CompileDatabase.h"
#include "FileCollector.h"
#include "LLVMCompat.h"
#include "clang/Driver/Types.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include <mutex>

using namespace clang::tooling;

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// \p Message with a lowercase first letter and no closing full stop, to
/// fit in one of our sentences.
static std::string clause(llvm::StringRef Message) {
  std::string Text = Message.trim().rtrim('.').str();
  if (!Text.empty())
    Text[0] = llvm::toLower(Text[0]);
  return Text;
}

/// Why a compilation database's JSON is not shaped as one: the top level is
/// an array of objects, each with a string "directory" and "file" and a
/// string "command" or a list of strings "arguments"; "" when it is. LLVM's
/// parser says the same without saying which entry is wrong.
static std::string shapeProblem(const llvm::json::Value &Database) {
  const llvm::json::Array *Entries = Database.getAsArray();
  if (!Entries)
    return "the top level is not a list of entries";
  for (size_t I = 0; I < Entries->size(); ++I) {
    std::string Entry = "entry " + std::to_string(I + 1);
    const llvm::json::Object *Fields = (*Entries)[I].getAsObject();
    if (!Fields)
      return Entry + " is not an object";
    for (const char *Key : {"directory", "file"})
      if (!Fields->getString(Key))
        return Entry + " has no string \"" + Key + "\"";
    if (const llvm::json::Array *Arguments = Fields->getArray("arguments")) {
      for (const llvm::json::Value &Argument : *Arguments)
        if (!Argument.getAsString())
          return Entry + " has an \"arguments\" item that is not a string";
    } else if (!Fields->getString("command")) {
      return Entry +
             " has neither a string \"command\" nor a list \"arguments\"";
    }
  }
  return "";
}

/// Checks the compile_commands.json at \p Path (named \p Shown in messages)
/// before LLVM reads it. LLVM's JSONCompilationDatabase parses with a YAML
/// stream that prints its syntax errors raw on stderr ("YAML:1:128: error:
/// ..."); the load then fails and the run went on as if there were no
/// database (its upward search even carried on to the folders above). So
/// the file is parsed as JSON here first: a bad or empty one is one error of
/// ours, and LLVM only ever reads valid JSON, which its parser does not
/// print about.
static llvm::Error checkDatabaseFile(llvm::StringRef Path,
                                     llvm::StringRef Shown) {
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return fail("cannot read '" + Shown.str() +
                "': " + Text.getError().message());
  llvm::StringRef Json = (*Text)->getBuffer();
  std::string Invalid =
      "'" + Shown.str() + "' is not a valid compilation database: ";
  std::string Empty = "'" + Shown.str() +
                      "' has no entries; regenerate it with the build system";
  if (Json.trim().empty())
    return fail(Empty);
  auto Parsed = llvm::json::parse(Json);
  if (!Parsed) {
    // ParseError only prints as "[LINE:COLUMN, byte=OFFSET]: MESSAGE".
    std::string Message = llvm::toString(Parsed.takeError());
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    if (llvm::Regex("^\\[([0-9]+):([0-9]+), byte=[0-9]+\\]: (.*)$")
            .match(Message, &Parts))
      return fail(Invalid + clause(Parts[3]) + " (line " + Parts[1].str() +
                  ", column " + Parts[2].str() + ")");
    return fail(Invalid + clause(Message));
  }
  std::string Problem = shapeProblem(*Parsed);
  if (!Problem.empty())
    return fail(Invalid + Problem);
  if (Parsed->getAsArray()->empty())
    return fail(Empty);
  // Whatever else LLVM's parser rejects (an unknown key, for one). It
  // quotes a key's raw text, quotes included: 'Unknown key: ""foo""'.
  std::string ErrorMessage;
  if (!JSONCompilationDatabase::loadFromBuffer(
          Json, ErrorMessage, JSONCommandLineSyntax::AutoDetect)) {
    for (size_t At; (At = ErrorMessage.find("\"\"")) != std::string::npos;)
      ErrorMessage.erase(At, 1);
    return fail(Invalid + clause(ErrorMessage));
  }
  return llvm::Error::success();
}

/// Loads the database of \p Dir as clang-tidy would
/// (CompilationDatabase::loadFromDirectory: compile_commands.json, else
/// compile_flags.txt), after checking its compile_commands.json if it has
/// one. No database there is not an error: null.
static llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadFromDirectory(llvm::StringRef Dir, llvm::StringRef ShownDir,
                  std::string &ShownFile) {
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (llvm::sys::fs::exists(Json)) {
    llvm::SmallString<256> Shown(ShownDir);
    llvm::sys::path::append(Shown, "compile_commands.json");
    if (llvm::Error Err = checkDatabaseFile(Json, Shown))
      return std::move(Err);
    ShownFile = std::string(Shown.str());
  }
  std::string ErrorMessage;
  return CompilationDatabase::loadFromDirectory(Dir, ErrorMessage);
}

namespace {

/// A database that answers for the files of \p Inner, as \p Inner lists
/// them: what the two wrappers below change is only the commands.
class WrappedDatabase : public CompilationDatabase {
public:
  explicit WrappedDatabase(std::unique_ptr<CompilationDatabase> Inner)
      : Inner(std::move(Inner)) {}

  std::vector<std::string> getAllFiles() const override {
    return Inner->getAllFiles();
  }
  std::vector<CompileCommand> getAllCompileCommands() const override {
    return Inner->getAllCompileCommands();
  }

protected:
  std::unique_ptr<CompilationDatabase> Inner;
};

/// Files whose extension clang's driver does not know (".txt", none at all)
/// would be taken for linker inputs: no compile job, and clang-tidy's
/// "expected exactly one compiler job in ''". A file the user names is
/// checked whatever its name, so such a file is compiled as C ("-x c" after
/// the compiler), unless its command already says the language with -x.
class KnownLanguage : public WrappedDatabase {
public:
  using WrappedDatabase::WrappedDatabase;

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    std::vector<CompileCommand> Commands = Inner->getCompileCommands(FilePath);
    llvm::StringRef Extension = llvm::sys::path::extension(FilePath);
    Extension.consume_front(".");
    if (clang::driver::types::lookupTypeForExtension(Extension) !=
        clang::driver::types::TY_INVALID)
      return Commands;
    for (CompileCommand &Command : Commands) {
      std::vector<std::string> &Line = Command.CommandLine;
      bool SaysLanguage = llvm::any_of(Line, [](llvm::StringRef Arg) {
        return compat::startsWith(Arg, "-x") ||
               compat::startsWith(Arg, "--language");
      });
      if (!Line.empty() && !SaysLanguage)
        Line.insert(Line.begin() + 1, {"-x", "c"});
    }
    return Commands;
  }
};

/// A database found upward from the sources decides only for the files it
/// lists: a stray compile_commands.json of another project must not decide
/// how a file is parsed (clang would infer commands for any file from its
/// neighbours). The other files get the fallback command.
class ListedOrFallback : public WrappedDatabase {
public:
  ListedOrFallback(std::unique_ptr<CompilationDatabase> Listed,
                   std::vector<std::string> FallbackArgs)
      : WrappedDatabase(std::move(Listed)), Fallback(".", FallbackArgs) {
    for (const std::string &File : Inner->getAllFiles())
      ListedFiles.insert(File);
  }

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef FilePath) const override {
    if (ListedFiles.count(absolutePath(FilePath)))
      return Inner->getCompileCommands(FilePath);
    return Fallback.getCompileCommands(FilePath);
  }

private:
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

/// What loadDatabase decides, before KnownLanguage.
static llvm::Expected<LoadedDatabase>
chooseDatabase(const std::string &BuildPath, bool HaveCompilerArgs,
               const std::vector<std::string> &CompilerArgs,
               const std::vector<std::string> &Files,
               const FallbackArgsFn &Fallback) {
  std::string ShownFile;
  if (!BuildPath.empty()) {
    if (!llvm::sys::fs::is_directory(BuildPath))
      return fail("no such directory: '" + BuildPath + "'");
    auto Database = loadFromDirectory(BuildPath, BuildPath, ShownFile);
    if (!Database)
      return Database.takeError();
    if (!*Database)
      return fail("no compile_commands.json in '" + BuildPath + "'");
    return LoadedDatabase{std::move(*Database), absolutePath(BuildPath),
                          ShownFile};
  }
  if (HaveCompilerArgs)
    return LoadedDatabase{
        std::make_unique<FixedCompilationDatabase>(".", CompilerArgs), "", ""};

  // The search of CompilationDatabase::autoDetectFromSource, which does not
  // say where it stopped, and which checkDatabaseFile must see.
  std::unique_ptr<CompilationDatabase> Found;
  std::string FoundDir;
  if (!Files.empty()) {
    std::string First = absolutePath(Files.front());
    for (std::string Dir = llvm::sys::path::parent_path(First).str();
         !Dir.empty() && !Found;
         Dir = llvm::sys::path::parent_path(Dir).str()) {
      auto Database = loadFromDirectory(Dir, Dir, ShownFile);
      if (!Database)
        return Database.takeError();
      if (*Database) {
        Found = std::move(*Database);
        FoundDir = Dir;
      }
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
        std::make_unique<FixedCompilationDatabase>(".", FallbackArgs), "", ""};
  if (!ListedCount)
    FoundDir = ShownFile = "";
  return LoadedDatabase{
      std::make_unique<ListedOrFallback>(std::move(Found), FallbackArgs),
      FoundDir, ShownFile};
}

llvm::Expected<LoadedDatabase>
loadDatabase(const std::string &BuildPath, bool HaveCompilerArgs,
             const std::vector<std::string> &CompilerArgs,
             const std::vector<std::string> &Files,
             const FallbackArgsFn &Fallback) {
  auto Loaded = chooseDatabase(BuildPath, HaveCompilerArgs, CompilerArgs, Files,
                               Fallback);
  if (Loaded)
    Loaded->Database =
        std::make_unique<KnownLanguage>(std::move(Loaded->Database));
  return Loaded;
}

std::unique_ptr<CompilationDatabase>
synchronized(const CompilationDatabase &Inner) {
  return std::make_unique<SynchronizedDatabase>(Inner);
}

} // namespace pycapi::cli
