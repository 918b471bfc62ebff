//===--- DeclGroupLog.h - what happened while the parser read a declaration =//
//
// ASTConsumer::HandleTopLevelDecl receives the top-level declarations in
// groups, as the parser finishes them. Preprocessor hooks see files change,
// macros expand and tokens come while the parser reads a group; a flag per
// group, taken at each hand-over, tells afterwards whether something
// happened while a declaration was read.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_DECLGROUPLOG_H
#define PYCAPI_CHECKS_UTILS_DECLGROUPLOG_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclGroup.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <vector>

namespace clang::tidy::pycapi {

class DeclGroupLog {
public:
  /// Notes the group the parser has just finished, and whether something
  /// happened (\p Flag) since the group before. Returns false, noting
  /// nothing, for a group of no declaration the parser read at the top
  /// level: C++ also hands over the declarations of a namespace or an
  /// `extern "C" {}` block as it reads them, before the block, and Sema the
  /// templates it instantiates while the parser reads a declaration (a
  /// deduced return type). What happened is then the next group's.
  bool handedOver(DeclGroupRef Group, bool Flag) {
    if (llvm::none_of(Group, readAtTopLevel))
      return false;
    for (const Decl *D : Group)
      GroupOf.try_emplace(D, Flags.size());
    Flags.push_back(Flag);
    return true;
  }

  /// Whether something happened while the parser read \p D; none when \p D
  /// was never handed over. The parser may have read a declaration's first
  /// tokens, as lookahead, while it finished the groups before: two groups
  /// of slack.
  std::optional<bool> happenedWhileReading(const Decl &D) const {
    auto Found = GroupOf.find(&D);
    if (Found == GroupOf.end())
      return std::nullopt;
    unsigned Group = Found->second;
    for (unsigned Back = 0; Back <= 2 && Back <= Group; ++Back)
      if (Flags[Group - Back])
        return true;
    return false;
  }

private:
  static bool readAtTopLevel(const Decl *D) {
    const DeclContext *Context = D->getLexicalDeclContext();
    if (!Context || !Context->isTranslationUnit())
      return false;
    if (const auto *Function = dyn_cast<FunctionDecl>(D))
      return !Function->isTemplateInstantiation();
    return true;
  }

  std::vector<bool> Flags;
  llvm::DenseMap<const Decl *, unsigned> GroupOf;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_DECLGROUPLOG_H
