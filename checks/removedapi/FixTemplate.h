//===--- FixTemplate.h - call templates of the removed-API data -----------===//
//
// A `fix` of data/cpython-removed-api.tsv that is a call template
// (`PyObject_Vectorcall($1, $2, $3, NULL)`) is filled with the arguments of
// the call as written. The arguments are read from the text, not the AST, so
// that calls the compiler could not resolve (built against headers that no
// longer declare the name) are rewritten too. `fix_when` restricts a fix to
// calls whose arguments satisfy a condition (`$2 in 2 8 10 16`).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H
#define PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang::tidy::pycapi::removedapi {

/// A call as it is written in the file.
struct WrittenCall {
  SourceLocation Callee; ///< the callee's name token
  SourceLocation LParen;
  SourceLocation RParen;
  /// Each argument's text, without the surrounding blanks.
  llvm::SmallVector<StringRef, 4> Args;
  /// Where each argument's first token starts.
  llvm::SmallVector<SourceLocation, 4> ArgLocs;
};

/// Reads the call whose callee is spelled at \p Callee (a file location).
/// False, with \p Why, when the name is not called there or the arguments
/// cannot be read (a preprocessor directive inside the call).
bool readWrittenCall(SourceLocation Callee, const SourceManager &SM,
                     const LangOptions &LangOpts, WrittenCall &Call,
                     std::string &Why);

/// True when \p Call satisfies \p FixWhen (see data/README.md); otherwise
/// false with \p Why, a sentence the user reads.
bool fixApplies(llvm::StringRef FixWhen, const WrittenCall &Call,
                std::string &Why);

/// Fills \p Template: `$N` is the text of the N-th argument. False, with
/// \p Why, when the call does not have the arguments the template uses
/// (and the one \p FixWhen pins, which the template may leave out).
bool fillTemplate(llvm::StringRef Template, const WrittenCall &Call,
                  std::string &Text, std::string &Why,
                  llvm::StringRef FixWhen = "");

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H
