//===--- TokenWatch.h - share the preprocessor's one token watcher --------===//
//
// Preprocessor::setTokenWatcher has room for a single callback. Every check
// that wants to see the tokens the parser receives adds a listener here
// instead, and the listeners of one preprocessor share that callback.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_TOKENWATCH_H
#define PYCAPI_CHECKS_UTILS_TOKENWATCH_H

#include "clang/Lex/Preprocessor.h"
#include <functional>

namespace clang::tidy::pycapi {

using TokenListener = std::function<void(const Token &)>;

/// Calls \p Listener with every token that \p PP hands to the parser, after
/// macro expansion, outside skipped #if branches and directives.
void addTokenListener(Preprocessor &PP, TokenListener Listener);

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_TOKENWATCH_H
