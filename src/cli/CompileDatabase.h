//===--- CompileDatabase.h - how each translation unit is compiled
//---------===//
#ifndef PYCAPI_CLI_COMPILEDATABASE_H
#define PYCAPI_CLI_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace pycapi::cli {

struct LoadedDatabase {
  std::unique_ptr<clang::tooling::CompilationDatabase> Database;
  /// The folder of the compile_commands.json in use; empty without one.
  std::string Directory;
  /// That compile_commands.json, as messages name it (under -p DIR as the
  /// user spelled DIR); empty without one.
  std::string File;
};

/// Asked only when some file needs compiling without a database: the -I
/// flags of the Python named by --python.
using FallbackArgsFn =
    std::function<llvm::Expected<std::vector<std::string>>()>;

/// Picks how the files are compiled, in this order:
///  1. -p \p BuildPath: its compile_commands.json (not searched upward; a
///     missing folder or database is an error); files it does not list get
///     commands clang infers from their neighbours;
///  2. compiler arguments after "--" (\p HaveCompilerArgs);
///  3. a compile_commands.json found upward from the first of \p Files, for
///     the files it lists;
///  4. for every other file, \p Fallback's arguments, with the language
///     coming from the file's extension.
/// A compile_commands.json that is not valid JSON, not shaped as a
/// compilation database, or that has no entries is an error, whether -p
/// names it or it is found upward; nothing of it is used.
/// Whatever the source of a command, a file whose extension clang's driver
/// does not know is compiled as C (KnownLanguage in CompileDatabase.cpp).
llvm::Expected<LoadedDatabase>
loadDatabase(const std::string &BuildPath, bool HaveCompilerArgs,
             const std::vector<std::string> &CompilerArgs,
             const std::vector<std::string> &Files,
             const FallbackArgsFn &Fallback);

/// Lets worker threads share one database: calls are serialised.
std::unique_ptr<clang::tooling::CompilationDatabase>
synchronized(const clang::tooling::CompilationDatabase &Inner);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_COMPILEDATABASE_H
