//===--- TokenWatch.h - share the preprocessor's one token watcher --------===//
//
// Preprocessor::setTokenWatcher has room for a single callback. Every check
// that wants to see the tokens the parser receives adds a listener here
// instead, and the listeners of one preprocessor share that callback.
//
// The checks only act on the tokens of the user's files (isUserCode of both
// where a token is spelled and where it is expanded), and most tokens of a
// translation unit are those of Python's and the system's headers. So the
// watcher is installed only while the preprocessor lexes a user's file: it
// is set and cleared as the preprocessor enters and leaves files. A token
// lexed in another file is expanded there, with one exception kept: the
// body of a macro defined in a user's file, expanded in a header, is
// spelled in the user's file, so its tokens are still watched.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_TOKENWATCH_H
#define PYCAPI_CHECKS_UTILS_TOKENWATCH_H

#include "clang/Lex/Preprocessor.h"
#include <functional>

namespace clang::tidy::pycapi {

using TokenListener = std::function<void(const Token &)>;

/// Whether the listeners of a preprocessor are called now. While they are
/// not, what the preprocessor lexes and expands is spelled outside the
/// user's files: macro hooks may skip their work too.
struct TokenWatchStatus {
  bool Watching = false;
};

/// Calls \p Listener with every identifier that \p PP hands to the parser
/// (the checks look for names; the other tokens, about half, are not passed
/// on), after macro expansion, outside skipped #if branches and directives,
/// while it lexes a user's file (::pycapi::isUserCode), and with the tokens of
/// the expansions of macros that a user's file defines. Call before \p PP
/// enters the main file. The status returned lives as long as \p PP.
const TokenWatchStatus &addIdentifierListener(Preprocessor &PP,
                                              TokenListener Listener);

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_TOKENWATCH_H
