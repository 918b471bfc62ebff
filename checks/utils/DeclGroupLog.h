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

#include "clang/AST/DeclGroup.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace clang::tidy::pycapi {

class DeclGroupLog {
public:
  /// Notes the group the parser has just finished, and whether something
  /// happened (\p Flag) since the group before.
  void handedOver(DeclGroupRef Group, bool Flag) {
    for (const Decl *D : Group)
      GroupOf.try_emplace(D, Flags.size());
    Flags.push_back(Flag);
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
  std::vector<bool> Flags;
  llvm::DenseMap<const Decl *, unsigned> GroupOf;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_DECLGROUPLOG_H
