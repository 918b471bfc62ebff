//===--- StmtParents.h - walking up from a statement ----------------------===//
//
// Questions about where a statement sits in its function: its parent, the
// statement of a block that holds it, whether it lies inside another, the
// macro use it came from, and whether control can fall off its end. They
// know no check; the buffer and removed-API checks both ask them.
//
// The parents come from a ParentLookup. ASTContext::getParents builds, on
// its first use, the map of the whole translation unit: every node of
// every header's inline functions, some 14% of a parse on a 7,000-line
// module. A check that walks up inside a few functions asks DeclParentMaps
// instead, which maps only the declarations it walks in.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_STMTPARENTS_H
#define PYCAPI_CHECKS_UTILS_STMTPARENTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <memory>
#include <vector>

namespace clang::tidy::pycapi {

/// Where a walk up the AST finds the parents of a node.
class ParentLookup {
public:
  explicit ParentLookup(ASTContext &Context) : Context(Context) {}
  virtual ~ParentLookup();
  /// The parents of \p Node, as ASTContext::getParents lists them.
  virtual llvm::SmallVector<DynTypedNode, 1>
  parents(const DynTypedNode &Node) const = 0;
  ASTContext &context() const { return Context; }

private:
  ASTContext &Context;
};

/// ASTContext::getParents itself: the map of the whole translation unit.
class TranslationUnitParents final : public ParentLookup {
public:
  using ParentLookup::ParentLookup;
  llvm::SmallVector<DynTypedNode, 1>
  parents(const DynTypedNode &Node) const override;
};

/// The parents of the nodes of a few top-level declarations of the
/// translation unit, recorded by the same traversal as ASTContext's map
/// (template instantiations and implicit code included, in the same
/// order), so that for every node under them it lists the same parents.
/// Above a root it lists none: only the translation unit, a namespace or a
/// linkage specification is there, where no walk finds a statement.
class DeclParents final : public ParentLookup {
public:
  DeclParents(llvm::ArrayRef<const Decl *> Roots, ASTContext &Context);
  llvm::SmallVector<DynTypedNode, 1>
  parents(const DynTypedNode &Node) const override;
  /// Whether \p S lies under the roots.
  bool contains(const Stmt &S) const;

  using Table =
      llvm::DenseMap<DynTypedNode, llvm::SmallVector<DynTypedNode, 1>>;

private:
  Table Parents;
};

/// The DeclParents of the declarations a check walks in, one per
/// top-level declaration, built when first asked for.
class DeclParentMaps {
public:
  explicit DeclParentMaps(ASTContext &Context)
      : Context(Context), WholeUnit(Context) {}
  /// The parents of the nodes around \p S, a statement under \p D: the map
  /// of the top-level declaration that holds \p D, or, should \p S not lie
  /// under it, the translation unit's.
  const ParentLookup &around(const Stmt &S, const Decl &D);
  /// What the matcher forFunction gives for \p S: the innermost function
  /// (or lambda's call operator) that holds it, or null. \p Near is a
  /// function the AST traversal entered last before reaching \p S (null if
  /// none): S lies under Near's top-level declaration unless no function
  /// holds it, and only then is the translation unit's map built.
  const FunctionDecl *enclosingFunction(const Stmt &S, const Decl *Near);
  ASTContext &context() const { return Context; }

private:
  const DeclParents &of(const Decl &D);

  ASTContext &Context;
  TranslationUnitParents WholeUnit;
  /// By their roots.
  std::map<std::vector<const Decl *>, std::unique_ptr<DeclParents>> Maps;
};

/// The parent of \p Node that is a statement or declaration, if any.
DynTypedNode parentNode(const DynTypedNode &Node, const ParentLookup &Parents);
DynTypedNode parentNode(const DynTypedNode &Node, ASTContext &Context);

/// The first parent of \p Node that is a Stmt (looking through the VarDecl
/// of an initializer), or null.
const Stmt *parentStmt(const Stmt *Node, const ParentLookup &Parents);

/// The statement that holds \p Node and is a direct child of a compound
/// statement (or of a case/label), or null.
const Stmt *enclosingStatement(const Stmt *Node, const ParentLookup &Parents);

/// The statement that holds \p S (or is \p S) and is one of a block's
/// statements or the body of an if, loop or label, i.e. a statement that
/// can stand on lines of its own; null when \p S is not in a function's
/// body. Unlike enclosingStatement, an unbraced `if (c) f(x);` gives
/// `f(x);`.
const Stmt *enclosingLineStatement(const Stmt *S, const ParentLookup &Parents);
const Stmt *enclosingLineStatement(const Stmt *S, ASTContext &Context);

/// True when \p Inner is \p Outer or lies inside it.
bool isWithin(const Stmt *Inner, const Stmt *Outer,
              const ParentLookup &Parents);

/// The outermost statement that comes from the same macro use as \p S (S
/// itself when S is not in a macro): edits go around the macro use.
const Stmt *macroStatement(const Stmt *S, const ParentLookup &Parents);

/// True when control never falls off the end of \p S: it ends in a return,
/// goto, break, continue or throw.
bool alwaysLeaves(const Stmt *S);

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_STMTPARENTS_H
