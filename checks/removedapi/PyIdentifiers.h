//===--- PyIdentifiers.h - _Py_IDENTIFIER declarations and their uses -----===//
//
// Extensions declare `_Py_IDENTIFIER(x);` (a static `_Py_Identifier PyId_x`
// holding "x") or `_Py_static_string(var, "text");` and pass `&PyId_x` to
// private functions that CPython removed. Their public replacements take the
// string itself: a fix template's `$N:str` (FixTemplate.h) asks this class
// for the literal that the argument's identifier was declared with.
//
// The declarations are found from the preprocessor (the expansions of the
// two macros Python's headers define), so that code compiled against headers
// that no longer declare the removed functions is handled the same. When a
// fix rewrites the last use of an identifier in its file, the declaration
// goes too: an unused static fails -Wall -Werror. Uses are counted in the
// file's text, inactive #if branches and macro bodies included, so that a
// use no fix rewrites keeps the declaration.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_PYIDENTIFIERS_H
#define PYCAPI_CHECKS_REMOVEDAPI_PYIDENTIFIERS_H

#include "RemovedApiCommon.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::pycapi::removedapi {

class PyIdentifiers {
public:
  /// Starts a translation unit of \p PP; its declarations come through
  /// onMacroExpanded.
  void attach(Preprocessor &PP);

  /// `$N:str` for the use at \p UseLoc: the string literal of the
  /// identifier \p Arg (`&PyId_x`) points to, declared in the same file.
  /// Remembered as used by the fix being planned (see finishUse).
  OrNoFix<std::string> stringOf(SourceLocation UseLoc, llvm::StringRef Arg);

  /// Ends the planning of one use's fix. When \p Fixed, the identifiers it
  /// resolved count as rewritten once more, and \p Fixes also removes the
  /// declarations of those whose every use in their file is now rewritten.
  void finishUse(bool Fixed, std::vector<FixItHint> &Fixes);

  void clear();

  /// Called by the owning check's preprocessor hook for each macro expansion
  /// in the user's files (and where the token watch is on).
  void onMacroExpanded(const Token &NameTok, const MacroDefinition &MD);

private:
  struct Declaration {
    FileID File;
    std::string Variable; ///< PyId_x
    std::string Literal;  ///< "x", as the declaration wrote it
    CharSourceRange Removal;
  };
  using Key = std::pair<FileID, std::string>;
  /// How often the file of \p K spells its variable outside declarations.
  unsigned writtenUses(const Key &K);

  const SourceManager *SM = nullptr;
  const LangOptions *LangOpts = nullptr;
  std::vector<Declaration> Declarations;
  std::map<Key, unsigned> Written;
  std::map<Key, unsigned> Rewritten;
  std::vector<Key> Pending;
};

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_PYIDENTIFIERS_H
