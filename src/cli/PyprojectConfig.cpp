//===--- PyprojectConfig.cpp - [tool.pycapi-migrate] in pyproject.toml
//-----===//
#include "PyprojectConfig.h"
#include "CheckCatalog.h"
#include "Driver.h"
#include "FileCollector.h"
#include "LLVMCompat.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <fmt/core.h>

namespace pycapi::cli {

namespace {

/// Reads TOML values from the text after a key's '=', across lines for an
/// array.
class ValueReader {
public:
  ValueReader(llvm::StringRef Rest, llvm::ArrayRef<llvm::StringRef> Lines,
              size_t &LineIndex, std::string Where)
      : Rest(Rest), Lines(Lines), LineIndex(LineIndex),
        Where(std::move(Where)) {}

  llvm::Error read(TomlEntry &Entry) {
    skipSpace();
    if (Rest.consume_front("[")) {
      Entry.IsArray = true;
      size_t Opened = LineIndex;
      for (;;) {
        skipSpace(/*AcrossLines=*/true);
        if (Rest.empty()) {
          LineIndex = Opened;
          return fail("the array has no closing ']'");
        }
        if (Rest.consume_front("]"))
          break;
        std::string Value;
        if (llvm::Error Err = readString(Value))
          return Err;
        Entry.Values.push_back(std::move(Value));
        skipSpace(/*AcrossLines=*/true);
        if (Rest.empty()) {
          LineIndex = Opened;
          return fail("the array has no closing ']'");
        }
        if (Rest.consume_front(","))
          continue;
        if (Rest.consume_front("]"))
          break;
        return fail("expected ',' or ']' in the array");
      }
    } else if (Rest.consume_front("true")) {
      Entry.Values.push_back("true");
    } else if (Rest.consume_front("false")) {
      Entry.Values.push_back("false");
    } else {
      std::string Value;
      if (llvm::Error Err = readString(Value))
        return Err;
      Entry.Values.push_back(std::move(Value));
    }
    skipSpace();
    if (!Rest.empty())
      return fail("unexpected text after the value: '" + Rest.str() + "'");
    return llvm::Error::success();
  }

private:
  llvm::Error fail(const std::string &What) {
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("{}:{}: {} (this reader takes strings, arrays of strings "
                    "and true/false)",
                    Where, LineIndex + 1, What));
  }

  /// Spaces and a comment; with \p AcrossLines, line ends too.
  void skipSpace(bool AcrossLines = false) {
    for (;;) {
      Rest = Rest.ltrim(" \t\r");
      if (pycapi::compat::startsWith(Rest, "#"))
        Rest = "";
      if (!Rest.empty() || !AcrossLines || LineIndex + 1 >= Lines.size())
        return;
      Rest = Lines[++LineIndex];
    }
  }

  llvm::Error readString(std::string &Value) {
    char Quote = Rest.empty() ? 0 : Rest.front();
    if (Quote != '"' && Quote != '\'')
      return fail("cannot read the value '" + Rest.str() + "'");
    Rest = Rest.drop_front();
    if (pycapi::compat::startsWith(Rest, std::string(2, Quote)))
      return fail("multi-line strings are not supported");
    for (;;) {
      if (Rest.empty())
        return fail("the string has no closing quote");
      char C = Rest.front();
      Rest = Rest.drop_front();
      if (C == Quote)
        return llvm::Error::success();
      if (C == '\\' && Quote == '"') {
        if (Rest.empty())
          return fail("the string has no closing quote");
        char Escaped = Rest.front();
        Rest = Rest.drop_front();
        if (Escaped != '"' && Escaped != '\\')
          return fail(std::string("unsupported escape '\\") + Escaped + "'");
        C = Escaped;
      }
      Value += C;
    }
  }

  llvm::StringRef Rest;
  llvm::ArrayRef<llvm::StringRef> Lines;
  size_t &LineIndex;
  std::string Where;
};

/// The nearest pyproject.toml in \p Start's folder or above, or "".
std::string findPyproject(llvm::StringRef Start) {
  llvm::SmallString<256> Dir(absolutePath(Start));
  if (!llvm::sys::fs::is_directory(Dir))
    llvm::sys::path::remove_filename(Dir);
  for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, "pyproject.toml");
    if (llvm::sys::fs::is_regular_file(Candidate))
      return std::string(Candidate.str());
    if (llvm::sys::path::parent_path(Dir) == Dir)
      break;
  }
  return "";
}

} // namespace

llvm::Expected<std::vector<TomlEntry>>
parseTomlTable(llvm::StringRef Text, llvm::StringRef Table,
               llvm::StringRef FileName) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  std::vector<TomlEntry> Entries;
  bool Inside = false;
  for (size_t I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I].trim();
    if (pycapi::compat::startsWith(Line, "[")) {
      llvm::StringRef Header = Line.split('#').first.trim();
      Inside = Header == ("[" + Table + "]").str();
      continue;
    }
    if (!Inside || Line.empty() || pycapi::compat::startsWith(Line, "#"))
      continue;
    llvm::StringRef Key, Rest;
    std::tie(Key, Rest) = Line.split('=');
    Key = Key.trim().trim('"');
    if (Key.empty() || Line.find('=') == llvm::StringRef::npos)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          fmt::format("{}:{}: expected 'key = value' in [{}]", FileName.str(),
                      I + 1, Table.str()));
    TomlEntry Entry;
    Entry.Key = Key.str();
    Entry.Line = I + 1;
    ValueReader Reader(Rest, Lines, I, FileName.str());
    if (llvm::Error Err = Reader.read(Entry))
      return std::move(Err);
    Entries.push_back(std::move(Entry));
  }
  return Entries;
}

llvm::Error
readPyproject(Options &Opts,
              const std::function<bool(llvm::StringRef Flag)> &WasGiven) {
  using namespace clang::tidy::pycapi;
  std::string Path =
      findPyproject(Opts.Inputs.empty() ? llvm::StringRef(".")
                                        : llvm::StringRef(Opts.Inputs.front()));
  if (Path.empty())
    return llvm::Error::success();
  auto Text = llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fmt::format("cannot read '{}': {}", Path, Text.getError().message()));
  auto Entries =
      parseTomlTable((*Text)->getBuffer(), "tool.pycapi-migrate", Path);
  if (!Entries)
    return Entries.takeError();
  for (const TomlEntry &Entry : *Entries) {
    auto Fail = [&](const std::string &What) {
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          fmt::format("{}:{}: {}", Path, Entry.Line, What));
    };
    if (Entry.Key == "exclude") {
      if (!Entry.IsArray)
        return Fail("'exclude' must be an array of strings");
      if (!WasGiven("--exclude"))
        Opts.Exclude = Entry.Values;
      continue;
    }
    std::string Flag = "--" + Entry.Key;
    const CheckOption *Option = findFlagOption(Flag);
    if (!Option)
      return Fail(fmt::format(
          "unknown key '{}' in [tool.pycapi-migrate] (it takes 'exclude' and "
          "the check-option flags without their dashes, such as "
          "'target-python')",
          Entry.Key));
    if (Entry.IsArray)
      return Fail(fmt::format("'{}' must be a string", Entry.Key));
    const std::string &Value = Entry.Values.front();
    std::string Invalid;
    if (Option->Kind == OptionKind::PythonVersion)
      Invalid = checkPythonVersion(*Option, Value);
    else if (Option->Kind == OptionKind::Choice &&
             !llvm::is_contained(Option->Choices, Value))
      Invalid = invalidChoiceMessage("pycapi-migrate", *Option, Value);
    if (!Invalid.empty())
      return Fail(fmt::format("{}: {}", Entry.Key, Invalid));
    if (!WasGiven(Flag))
      Opts.CheckOptionFlags[Flag] = Value;
  }
  return llvm::Error::success();
}

} // namespace pycapi::cli
