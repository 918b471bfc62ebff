//===--- UserScope.h - the top-level declarations that may hold user code -===//
//
// Python's headers are most of an extension's translation unit: their inline
// functions alone hold more AST nodes than a 7,000-line module, and the AST
// matchers visit every node of the traversal scope. The CLI narrows that
// scope (ASTContext::setTraversalScope) to the top-level declarations that
// may hold the user's code, so matchers no longer walk Python's and the
// system's headers; the plugin cannot (clang-tidy matches the whole unit), so
// the checks' matchers stay correct, and cheap, on the whole unit too.
//
// A declaration may hold user code when it begins, ends or is named in a
// file of the user's, or when the user's code reaches into its text from
// outside: a macro the user defines, expanded there, or a file of the
// user's, included there. UserScopeRecorder notes those places while the
// preprocessor runs. Everything else is written, in full, in files that are
// not the user's, which no check reports or edits; a check that needs to
// know what those files declare walks them itself (outsideTraversalScope).
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_USERSCOPE_H
#define PYCAPI_CHECKS_UTILS_USERSCOPE_H

#include "DeclGroupLog.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclGroup.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/PPCallbacks.h"
#include <memory>
#include <vector>

namespace clang::tidy::pycapi {

/// Where the user's code reaches into files that are not the user's, and
/// the top-level declarations that may hold user code.
class UserScope {
public:
  explicit UserScope(const SourceManager &SM) : SM(SM) {}

  /// Preprocessor callbacks that record, into \p Scope, where the user's
  /// code reaches into other files.
  static std::unique_ptr<PPCallbacks>
  recorder(std::shared_ptr<UserScope> Scope);

  /// Notes the top-level declarations the parser has just finished (what
  /// ASTConsumer::HandleTopLevelDecl receives).
  void handedOver(DeclGroupRef Group);

  /// The top-level declarations of \p Context's translation unit that may
  /// hold the user's code, in the unit's order; every top-level declaration
  /// when the unit reads an AST file (a PCH or a module, whose preprocessing
  /// this scope never saw).
  std::vector<Decl *> declarations(ASTContext &Context);

private:
  friend class UserScopeRecorder;
  /// The offsets of one file's text (a FileID's) in the source manager.
  struct FileSpan {
    SourceLocation::UIntTy Begin, End;
    bool User;
  };

  /// Notes a file the preprocessor entered.
  void entered(FileID File);
  /// The file holding \p Loc, a file location; null when no recorded file
  /// does.
  const FileSpan *spanOf(SourceLocation Loc);
  /// True when \p Loc is a file location in a file of the user's.
  bool inUserFile(SourceLocation Loc) {
    const FileSpan *Span = spanOf(Loc);
    return Span && Span->User;
  }
  /// True when the declaration was read in one file, with no crossing: the
  /// preprocessor neither changed files nor expanded a macro of the user's
  /// while the parser read it. Then its name's file is all its text's.
  bool readInOneFile(const Decl &D) const;
  bool mayHoldUserCode(const Decl &D);

  const SourceManager &SM;
  /// Every file entered, by offset (the source manager allocates them in
  /// increasing order); the last one found, since lookups come in runs.
  std::vector<FileSpan> Files;
  size_t LastFound = 0;
  /// The places (file locations, as offsets) where the user's code reaches
  /// into files that are not the user's.
  std::vector<SourceLocation::UIntTy> Crossings;
  /// For each group of top-level declarations handed over, whether a file
  /// change or a crossing happened while it was read.
  DeclGroupLog Events;
  bool EventPending = false;
};

/// True when the AST matchers of \p Context walk part of its translation
/// unit only (the CLI's scope).
bool traversalIsLimited(const ASTContext &Context);

/// The options of clang-tidy's own MatchFinder, for a check that matches
/// the declarations outside the scope itself. The CLI narrows the scope only
/// where clang-tidy's configuration does not ask for system headers.
ast_matchers::MatchFinder::MatchFinderOptions tidyMatchFinderOptions();

/// The top-level declarations that \p Context's traversal scope leaves out,
/// in the unit's order.
std::vector<Decl *> outsideTraversalScope(ASTContext &Context);

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_USERSCOPE_H
