//===--- FixTemplate.h - call templates of the removed-API data -----------===//
//
// A `fix` of data/cpython-removed-api.tsv that is a call template
// (`PyObject_Vectorcall($1, $2, $3, NULL)`) is filled with the arguments of
// the call as written. The arguments are read from the text, not the AST, so
// that calls the compiler could not resolve (built against headers that no
// longer declare the name) are rewritten too. `fix_when` restricts a fix to
// calls whose arguments satisfy a condition (`$2 in 2 8 10 16`).
//
// Placeholders (data/README.md has the user's view):
//   $N             the N-th argument as written;
//   $N:str         the N-th argument is `&PyId_x` (or `&var` of a
//                  _Py_static_string): the string literal it was declared
//                  with, `"x"` (the caller resolves it, see PyIdentifiers.h);
//   $N...          the arguments from the N-th to the last, as written;
//   $N...:objargs  the same, the last written `NULL` (a NULL-terminated
//                  list of objects): the Py_BuildValue format of the others
//                  and the others, `"(OO)", a, b`, or `NULL` when there are
//                  none (PyObject_CallMethod's arguments).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H
#define PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H

#include "RemovedApiCommon.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
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
/// No call when the name is not called there or the arguments cannot be
/// read (a preprocessor directive inside the call).
OrNoFix<WrittenCall> readWrittenCall(SourceLocation Callee,
                                     const SourceManager &SM,
                                     const LangOptions &LangOpts);

/// Nothing when \p Call satisfies \p FixWhen (see data/README.md);
/// otherwise why it does not.
NoFixReason checkFixWhen(llvm::StringRef FixWhen, const WrittenCall &Call);

/// Resolves a `$N:str` placeholder: the string literal of the identifier
/// that \p Arg (the argument as written) points to.
using IdentifierString =
    llvm::function_ref<OrNoFix<std::string>(llvm::StringRef Arg)>;

/// Fills \p Template (placeholders above). No text when the call does not
/// have the arguments the template uses (an argument that \p FixWhen pins
/// may be left out), or an argument is not what its placeholder needs.
OrNoFix<std::string> fillTemplate(llvm::StringRef Template,
                                  const WrittenCall &Call,
                                  llvm::StringRef FixWhen = "",
                                  IdentifierString StringOf = nullptr);

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_FIXTEMPLATE_H
