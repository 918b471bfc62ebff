# pycapi_precompile_clang_headers(TARGET): TARGET's sources are compiled with a
# precompiled header of the clang, clang-tidy and standard headers that most
# of them include. Parsing those headers was about a third of each object's
# compile time, and CI builds the project three times (two majors and the
# sanitized build) from a clean clone. The list is what the checks include
# (checks/) and what the CLI includes (src/cli/); a header listed here is
# included first in every source of TARGET, so only headers that any source
# may include at any point belong here (no configuration macros).
function(pycapi_precompile_clang_headers target)
  if(PYCAPI_NO_PCH)
    return()
  endif()
  target_precompile_headers(${target} PRIVATE
    <algorithm> <functional> <map> <memory> <optional> <set> <string>
    <utility> <vector>
    <llvm/ADT/DenseMap.h> <llvm/ADT/STLExtras.h> <llvm/ADT/SmallVector.h>
    <llvm/ADT/StringMap.h> <llvm/ADT/StringRef.h> <llvm/Support/FileSystem.h>
    <llvm/Support/Path.h> <llvm/Support/raw_ostream.h>
    <clang/AST/ASTContext.h> <clang/AST/Expr.h> <clang/AST/ExprCXX.h>
    <clang/ASTMatchers/ASTMatchFinder.h> <clang/ASTMatchers/ASTMatchers.h>
    <clang/Basic/SourceManager.h> <clang/Lex/Lexer.h> <clang/Lex/Preprocessor.h>
    <clang-tidy/ClangTidyCheck.h>)
endfunction()
