//===--- NameIndex.h - fast lookup of the names one check reports ---------===//
//
// The checks look at every identifier token and every macro expansion of a
// translation unit, so the common answer ("not a removed name") must be
// cheap: a test of the first two characters against a bitmap, and only then
// a hash lookup.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_REMOVEDAPI_NAMEINDEX_H
#define PYCAPI_CHECKS_REMOVEDAPI_NAMEINDEX_H

#include "RemovedApi.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringMap.h"
#include <bitset>
#include <map>
#include <utility>
#include <vector>

namespace clang::tidy::pycapi::removedapi {

class NameIndex {
public:
  /// The names of \p Scope that are gone from the headers of \p Target:
  /// removed in or before it and not declared again by it.
  NameIndex(::pycapi::CheckScope Scope, ::pycapi::PyVersion Target);

  const ::pycapi::RemovedApi *find(llvm::StringRef Name) const {
    if (Name.size() < 2 || !Prefixes.test(prefixKey(Name)))
      return nullptr;
    auto It = Names.find(Name);
    return It == Names.end() ? nullptr : It->second;
  }

  /// The removed headers (`Include/tracemalloc.h`), matched by path.
  llvm::ArrayRef<const ::pycapi::RemovedApi *> headers() const {
    return Headers;
  }

  /// The struct-member rows whose member is named \p Member (a member name
  /// may be removed from several structs).
  auto members(llvm::StringRef Member) const {
    if (Member.size() >= 2 && !MemberPrefixes.test(prefixKey(Member)))
      return std::make_pair(Members.end(), Members.end());
    return Members.equal_range(Member);
  }
  bool hasMembers() const { return !Members.empty(); }

private:
  static unsigned prefixKey(llvm::StringRef Name) {
    return static_cast<unsigned char>(Name[0]) << 8 |
           static_cast<unsigned char>(Name[1]);
  }

  std::bitset<1 << 16> Prefixes;
  /// The same test for Members: the token watch asks of every identifier.
  std::bitset<1 << 16> MemberPrefixes;
  llvm::StringMap<const ::pycapi::RemovedApi *> Names;
  std::vector<const ::pycapi::RemovedApi *> Headers;
  std::multimap<llvm::StringRef, const ::pycapi::RemovedApi *> Members;
};

// In a namespace of its own: AST_MATCHER_P declares an `internal`
// namespace, which would hide ast_matchers::internal in removedapi.
namespace names {
/// A declaration whose name \p Index holds.
AST_MATCHER_P(NamedDecl, hasRemovedName, const NameIndex *, Index) {
  const IdentifierInfo *Name = Node.getIdentifier();
  return Name && Index->find(Name->getName());
}
/// A member access whose member's name is that of a removed struct member
/// (`op->ma_version_tag`); RemovedApiMembers.cpp decides by the struct.
AST_MATCHER_P(MemberExpr, namesRemovedMember, const NameIndex *, Index) {
  const ValueDecl *Member = Node.getMemberDecl();
  const IdentifierInfo *Name = Member ? Member->getIdentifier() : nullptr;
  if (!Name)
    return false;
  auto Rows = Index->members(Name->getName());
  return Rows.first != Rows.second;
}
} // namespace names

} // namespace clang::tidy::pycapi::removedapi

#endif // PYCAPI_CHECKS_REMOVEDAPI_NAMEINDEX_H
