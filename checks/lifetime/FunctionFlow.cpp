//===--- FunctionFlow.cpp - the control flow of one function body --------===//
#include "FunctionFlow.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::pycapi::lifetime {

std::unique_ptr<FunctionFlow> FunctionFlow::build(const FunctionDecl &Function,
                                                  ASTContext &Context) {
  Stmt *Body = Function.getBody();
  if (!Body)
    return nullptr;
  CFG::BuildOptions Options;
  // Every expression its own element: a read of a variable inside a larger
  // expression then has a point of its own.
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  std::unique_ptr<FunctionFlow> Flow(new FunctionFlow());
  Flow->Graph = CFG::buildCFG(&Function, Body, &Context, Options);
  if (!Flow->Graph)
    return nullptr;
  for (const CFGBlock *Block : *Flow->Graph) {
    for (unsigned I = 0; I < Block->size(); ++I)
      if (const Stmt *S = statementAt({Block, I}))
        Flow->Points.try_emplace(S, FlowPoint{Block, I});
  }
  return Flow;
}

std::optional<FlowPoint> FunctionFlow::pointOf(const Stmt *S) const {
  auto It = Points.find(S);
  if (It == Points.end())
    return std::nullopt;
  return It->second;
}

const Stmt *FunctionFlow::statementAt(FlowPoint P) {
  if (!P.Block || P.Index >= P.Block->size())
    return nullptr;
  if (auto Element = (*P.Block)[P.Index].getAs<CFGStmt>())
    return Element->getStmt();
  return nullptr;
}

void FunctionFlow::entriesOf(const CFGBlock *Block,
                             std::vector<FlowPoint> &Out) const {
  // Blocks with no element (joins, loop heads without a condition) pass
  // control on; the visited set stops at a loop made only of such blocks.
  llvm::SmallPtrSet<const CFGBlock *, 8> Seen;
  std::vector<const CFGBlock *> Work{Block};
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    if (!B || !Seen.insert(B).second)
      continue;
    if (B == &Graph->getExit() || !B->empty()) {
      Out.push_back({B, 0});
      continue;
    }
    for (const CFGBlock::AdjacentBlock &Next : B->succs())
      Work.push_back(Next.getReachableBlock());
  }
}

void FunctionFlow::successors(FlowPoint P, std::vector<FlowPoint> &Out) const {
  if (isExit(P))
    return;
  if (P.Index + 1 < P.Block->size()) {
    Out.push_back({P.Block, P.Index + 1});
    return;
  }
  for (const CFGBlock::AdjacentBlock &Next : P.Block->succs())
    entriesOf(Next.getReachableBlock(), Out);
}

} // namespace clang::tidy::pycapi::lifetime
