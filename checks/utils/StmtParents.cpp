//===--- StmtParents.cpp - walking up from a statement --------------------===//
#include "StmtParents.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::pycapi {

ParentLookup::~ParentLookup() = default;

llvm::SmallVector<DynTypedNode, 1>
TranslationUnitParents::parents(const DynTypedNode &Node) const {
  auto List = context().getParentMapContext().getParents(Node);
  return llvm::SmallVector<DynTypedNode, 1>(List.begin(), List.end());
}

namespace {

/// Records the parents of the nodes under one declaration: a node's
/// parents are the nodes the traversal reaches it from. The traversal is
/// the one ASTContext's map makes (instantiations and implicit code
/// included), and types and nested names are nodes of their own, so that a
/// walk from an expression in a type stops there as it does in that map.
class ParentRecorder : public RecursiveASTVisitor<ParentRecorder> {
  using Base = RecursiveASTVisitor<ParentRecorder>;

public:
  explicit ParentRecorder(DeclParents::Table &Parents) : Parents(Parents) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return true; }

  bool TraverseDecl(Decl *D) {
    return !D || within(DynTypedNode::create(*D),
                        [&] { return Base::TraverseDecl(D); });
  }
  // Newer LLVMs pass whether to traverse the type's qualifier too.
  template <typename... Options>
  bool TraverseTypeLoc(TypeLoc Type, Options... Traverse) {
    return Type.isNull() || within(DynTypedNode::create(Type), [&] {
             return Base::TraverseTypeLoc(Type, Traverse...);
           });
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc Name) {
    return !Name || within(DynTypedNode::create(Name), [&] {
      return Base::TraverseNestedNameSpecifierLoc(Name);
    });
  }
  // Statements go through these hooks, which keep the traversal's own
  // queue (a TraverseStmt override would recurse on the C++ stack).
  bool dataTraverseStmtPre(Stmt *S) {
    enter(DynTypedNode::create(*S));
    return true;
  }
  bool dataTraverseStmtPost(Stmt *) {
    Path.pop_back();
    return true;
  }

private:
  template <typename TraverseFn>
  bool within(const DynTypedNode &Node, TraverseFn Traverse) {
    enter(Node);
    bool Result = Traverse();
    Path.pop_back();
    return Result;
  }
  void enter(const DynTypedNode &Node) {
    if (!Path.empty()) {
      auto &List = Parents[Node];
      if (!llvm::is_contained(List, Path.back()))
        List.push_back(Path.back());
    }
    Path.push_back(Node);
  }

  DeclParents::Table &Parents;
  llvm::SmallVector<DynTypedNode, 16> Path;
};

/// The declaration whose traversal reaches \p D in ASTContext's map, one
/// whose context is the translation unit, a namespace or a linkage
/// specification: D itself there; else the function, class or variable
/// that holds it. The instantiations of a template are traversed with its
/// first declaration, a lambda with the declaration it initializes.
const Decl *traversalRoot(const Decl *D) {
  while (true) {
    if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      if (const FunctionTemplateDecl *Template = Function->getPrimaryTemplate();
          Template && Function->getTemplateSpecializationKind() !=
                          TSK_ExplicitSpecialization) {
        D = Template->getCanonicalDecl();
        continue;
      }
      if (const FunctionTemplateDecl *Template =
              Function->getDescribedFunctionTemplate()) {
        D = Template;
        continue;
      }
    } else if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
      if (Record->isLambda())
        if (const Decl *Initialized = Record->getLambdaContextDecl()) {
          D = Initialized;
          continue;
        }
      if (const auto *Specialization =
              dyn_cast<ClassTemplateSpecializationDecl>(Record);
          Specialization &&
          (Specialization->getSpecializationKind() ==
               TSK_ImplicitInstantiation ||
           Specialization->getSpecializationKind() == TSK_Undeclared)) {
        D = Specialization->getSpecializedTemplate()->getCanonicalDecl();
        continue;
      }
      if (const ClassTemplateDecl *Template =
              Record->getDescribedClassTemplate()) {
        D = Template;
        continue;
      }
    }
    const DeclContext *Context = D->getLexicalDeclContext();
    if (!Context || Context->getRedeclContext()->isFileContext())
      return D;
    D = Decl::castFromDeclContext(Context);
  }
}

/// The declarations to map for the parents of \p D's nodes, in the order of
/// the translation unit: its traversal root and, for an instantiation, its
/// pattern's, which may share nodes with it (a `break;`, a literal), whose
/// first parent is then the pattern's.
std::vector<const Decl *> traversalRoots(const Decl &D, ASTContext &Context) {
  std::vector<const Decl *> Roots{traversalRoot(&D)};
  if (const auto *Function = dyn_cast<FunctionDecl>(&D))
    if (const FunctionDecl *Pattern =
            Function->getTemplateInstantiationPattern();
        Pattern && Pattern != Function)
      if (const Decl *Root = traversalRoot(Pattern); Root != Roots.front())
        Roots.push_back(Root);
  const SourceManager &SM = Context.getSourceManager();
  llvm::sort(Roots, [&](const Decl *A, const Decl *B) {
    return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
  });
  return Roots;
}

/// forFunction's search, over \p Parents.
const FunctionDecl *innermostFunction(const Stmt &S,
                                      const ParentLookup &Parents) {
  llvm::SmallVector<DynTypedNode, 8> Stack =
      Parents.parents(DynTypedNode::create(S));
  while (!Stack.empty()) {
    DynTypedNode Node = Stack.pop_back_val();
    if (const auto *Function = Node.get<FunctionDecl>())
      return Function;
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return Lambda->getCallOperator();
    llvm::append_range(Stack, Parents.parents(Node));
  }
  return nullptr;
}

} // namespace

DeclParents::DeclParents(llvm::ArrayRef<const Decl *> Roots,
                         ASTContext &Context)
    : ParentLookup(Context) {
  ParentRecorder Recorder(Parents);
  for (const Decl *Root : Roots)
    Recorder.TraverseDecl(const_cast<Decl *>(Root));
}

llvm::SmallVector<DynTypedNode, 1>
DeclParents::parents(const DynTypedNode &Node) const {
  auto It = Parents.find(Node);
  if (It == Parents.end())
    return {};
  return It->second;
}

bool DeclParents::contains(const Stmt &S) const {
  return Parents.count(DynTypedNode::create(S));
}

const DeclParents &DeclParentMaps::of(const Decl &D) {
  std::vector<const Decl *> Roots = traversalRoots(D, Context);
  std::unique_ptr<DeclParents> &Map = Maps[Roots];
  if (!Map)
    Map = std::make_unique<DeclParents>(Roots, Context);
  return *Map;
}

const ParentLookup &DeclParentMaps::around(const Stmt &S, const Decl &D) {
  const DeclParents &Map = of(D);
  if (Map.contains(S))
    return Map;
  // No such statement is known (a call is found under its function); were
  // there one, its walks would leave the declaration.
  return WholeUnit;
}

const FunctionDecl *DeclParentMaps::enclosingFunction(const Stmt &S,
                                                      const Decl *Near) {
  if (Near)
    if (const DeclParents &Map = of(*Near); Map.contains(S))
      return innermostFunction(S, Map);
  // S is in no function's body (a global's initializer in C++), or in one
  // the traversal did not enter as a function: only the whole map tells.
  return innermostFunction(S, WholeUnit);
}

DynTypedNode parentNode(const DynTypedNode &Node, const ParentLookup &Parents) {
  auto List = Parents.parents(Node);
  return List.empty() ? DynTypedNode() : List[0];
}

DynTypedNode parentNode(const DynTypedNode &Node, ASTContext &Context) {
  return parentNode(Node, TranslationUnitParents(Context));
}

const Stmt *enclosingLineStatement(const Stmt *S, const ParentLookup &Parents) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNode Parent = parentNode(Node, Parents);
    const Stmt *Current = Node.get<Stmt>();
    if (const auto *P = Parent.get<Stmt>()) {
      if (Current &&
          (isa<CompoundStmt>(P) ||
           (isa<IfStmt>(P) && (cast<IfStmt>(P)->getThen() == Current ||
                               cast<IfStmt>(P)->getElse() == Current)) ||
           (isa<WhileStmt>(P) && cast<WhileStmt>(P)->getBody() == Current) ||
           (isa<ForStmt>(P) && cast<ForStmt>(P)->getBody() == Current) ||
           (isa<DoStmt>(P) && cast<DoStmt>(P)->getBody() == Current)))
        return Current;
      Node = Parent;
      continue;
    }
    // A local variable's initializer: on to its DeclStmt.
    if (const auto *D = Parent.get<Decl>();
        isa_and_nonnull<VarDecl>(D) && D->getParentFunctionOrMethod()) {
      Node = Parent;
      continue;
    }
    return nullptr;
  }
}

const Stmt *enclosingLineStatement(const Stmt *S, ASTContext &Context) {
  return enclosingLineStatement(S, TranslationUnitParents(Context));
}

const Stmt *parentStmt(const Stmt *Node, const ParentLookup &Parents) {
  auto List = Parents.parents(DynTypedNode::create(*Node));
  while (!List.empty()) {
    if (const auto *S = List[0].get<Stmt>())
      return S;
    if (const auto *D = List[0].get<Decl>()) {
      List = Parents.parents(DynTypedNode::create(*D));
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

const Stmt *enclosingStatement(const Stmt *Node, const ParentLookup &Parents) {
  const Stmt *Current = Node;
  while (const Stmt *Parent = parentStmt(Current, Parents)) {
    if (isa<CompoundStmt>(Parent))
      return Current;
    Current = Parent;
  }
  return nullptr;
}

bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  // `throw E(...)` with a temporary that has a destructor.
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
    S = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (isa<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt, CXXThrowExpr>(S))
    return true;
  // do { ...; return NULL; } while (0), the shape of FAIL()-style macros.
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return alwaysLeaves(Do->getBody());
  if (const auto *Label = dyn_cast<LabelStmt>(S))
    return alwaysLeaves(Label->getSubStmt());
  if (const auto *Compound = dyn_cast<CompoundStmt>(S))
    return !Compound->body_empty() && alwaysLeaves(Compound->body_back());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysLeaves(If->getThen()) &&
           alwaysLeaves(If->getElse());
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  return false;
}

bool isWithin(const Stmt *Inner, const Stmt *Outer,
              const ParentLookup &Parents) {
  for (const Stmt *S = Inner; S; S = parentStmt(S, Parents))
    if (S == Outer)
      return true;
  return false;
}

const Stmt *macroStatement(const Stmt *S, const ParentLookup &Parents) {
  const SourceManager &SM = Parents.context().getSourceManager();
  if (!S->getBeginLoc().isMacroID())
    return S;
  SourceLocation Expansion = SM.getExpansionLoc(S->getBeginLoc());
  const Stmt *Outermost = S;
  for (const Stmt *P = parentStmt(S, Parents); P; P = parentStmt(P, Parents)) {
    if (!P->getBeginLoc().isMacroID() || !P->getEndLoc().isMacroID() ||
        SM.getExpansionLoc(P->getBeginLoc()) != Expansion ||
        SM.getExpansionLoc(P->getEndLoc()) != Expansion)
      break;
    Outermost = P;
  }
  return Outermost;
}

} // namespace clang::tidy::pycapi
