//===--- FixedText.h - the text --fix writes
//-------------------------------===//
#ifndef PYCAPI_CLI_FIXEDTEXT_H
#define PYCAPI_CLI_FIXEDTEXT_H

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"
#include <string>

namespace pycapi::cli {

/// \p Code with \p Fixes applied the way clang-tidy's --fix applies them:
/// clang-format's cleanup around the replacements, then formatting in
/// \p Style. Without formatting (the "none" style, the default), the cost
/// is linear in the size of the file and the number of fixes (see
/// FixedText.cpp); clang-tidy's own is quadratic.
llvm::Expected<std::string> fixedText(llvm::StringRef Code,
                                      const clang::tooling::Replacements &Fixes,
                                      const clang::format::FormatStyle &Style);

} // namespace pycapi::cli

#endif // PYCAPI_CLI_FIXEDTEXT_H
