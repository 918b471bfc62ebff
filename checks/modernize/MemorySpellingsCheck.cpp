//===--- MemorySpellingsCheck.cpp - pycapi-modernize-memory-spellings -----===//
#include "MemorySpellingsCheck.h"
#include "SourceFilter.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Token.h"

namespace clang::tidy::pycapi::modernize {

namespace {

constexpr llvm::StringLiteral OldSpelling =
    "'%0' is an old spelling of %1; use %1";

} // namespace

void MemorySpellingsCheck::onMacroExpands(const Token &NameTok,
                                          const MacroDefinition &MD) {
  const IdentifierInfo *Name = NameTok.getIdentifierInfo();
  const MacroInfo *Info = MD.getMacroInfo();
  if (!Name || !Info || !Sources)
    return;
  const ModernizeRow *Row =
      findModernizeRow("memory-spellings", Name->getName(), ModernizeUse::Call);
  if (!Row)
    return;
  const SourceManager &SM = *Sources;
  // Python's macro, not a project's of the same name.
  if (!::pycapi::isPythonHeaderPath(
          SM, SM.getFilename(SM.getSpellingLoc(Info->getDefinitionLoc()))))
    return;
  // The name as the project wrote it: in a file, a macro's argument or a
  // macro's body alike, as a rename does not depend on the types.
  SourceLocation Loc = SM.getSpellingLoc(NameTok.getLocation());
  if (!isUsersFileCode(Loc, SM))
    return;
  report(Loc, *Row, OldSpelling,
         {FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Loc),
                                       Row->Replacement)});
}

} // namespace clang::tidy::pycapi::modernize
