//===--- FunctionFlow.h - the control flow of one function body ----------===//
//
// The acquire-use-release migrations (a strong reference that replaces a
// borrowed one, a buffer view that replaces a pointer) ask the same
// questions of a function: which statements run after the acquisition, on
// which paths a variable is still read, and which edges leave that region.
// They are answered on clang's CFG, built once per function with every
// expression an element of its own (as bugprone-use-after-move builds it),
// so that a read of a variable has a position in the order of evaluation.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_LIFETIME_FUNCTIONFLOW_H
#define PYCAPI_CHECKS_LIFETIME_FUNCTIONFLOW_H

#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::pycapi::lifetime {

/// Where an element is evaluated: its block and its index there.
struct FlowPoint {
  const CFGBlock *Block = nullptr;
  unsigned Index = 0;
  bool operator==(const FlowPoint &O) const {
    return Block == O.Block && Index == O.Index;
  }
};

/// The CFG of one function body and the element of every statement in it.
class FunctionFlow {
public:
  /// Null when clang cannot build the CFG of \p Function's body.
  static std::unique_ptr<FunctionFlow> build(const FunctionDecl &Function,
                                             ASTContext &Context);

  const CFG &graph() const { return *Graph; }
  /// Where \p S is evaluated, when it is an element of the graph.
  std::optional<FlowPoint> pointOf(const Stmt *S) const;
  /// The statement of an element (null for the elements that are not
  /// statements: implicit destructors and the like).
  static const Stmt *statementAt(FlowPoint P);
  /// The points that follow \p P: the next element of its block, or the
  /// first element of each successor (through blocks with no element). The
  /// exit block, which has no element, is given as {Exit, 0}.
  void successors(FlowPoint P, std::vector<FlowPoint> &Out) const;
  /// The first point of \p Block, or of the blocks it leads to when it has
  /// no element (as in successors()).
  void entriesOf(const CFGBlock *Block, std::vector<FlowPoint> &Out) const;
  bool isExit(FlowPoint P) const { return P.Block == &Graph->getExit(); }

private:
  FunctionFlow() = default;

  std::unique_ptr<CFG> Graph;
  llvm::DenseMap<const Stmt *, FlowPoint> Points;
};

} // namespace clang::tidy::pycapi::lifetime

#endif // PYCAPI_CHECKS_LIFETIME_FUNCTIONFLOW_H
