//===- HoistPlan.cpp - Moving a loop-invariant query before its loop ------===//

#include "lib/HoistPlan.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace nplusone {

namespace {

/// The single parent of a node, or null.
template <typename T> const Stmt *parentStmt(const T &Node, ASTContext &Ctx) {
  auto Parents = Ctx.getParents(Node);
  return Parents.size() == 1 ? Parents[0].template get<Stmt>() : nullptr;
}

/// The variable a query call initialises, looking through the conversions
/// and temporaries between them.
const VarDecl *initialisedVariable(const CallExpr *Site, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Site);
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    auto Parents = Ctx.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    if (const auto *VD = Parents[0].get<VarDecl>())
      return VD->getInit() &&
                     VD->getInit()->IgnoreImplicit() == Site->IgnoreImplicit()
                 ? VD
                 : nullptr;
    const auto *E = Parents[0].get<Expr>();
    if (!E || !(isa<ImplicitCastExpr>(E) || isa<MaterializeTemporaryExpr>(E) ||
                isa<CXXBindTemporaryExpr>(E) || isa<ExprWithCleanups>(E) ||
                isa<CXXConstructExpr>(E) || isa<CXXFunctionalCastExpr>(E)))
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *S = dyn_cast<ForStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast<WhileStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast<DoStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast<CXXForRangeStmt>(Loop))
    return S->getBody();
  return nullptr;
}

/// True when another declaration in the function, or a reference to one,
/// has the same name: moving the variable could change what a name means.
class NameClash : public RecursiveASTVisitor<NameClash> {
public:
  NameClash(const VarDecl *V) : V(V), Name(V->getName()) {}
  bool VisitNamedDecl(NamedDecl *D) {
    if (D != V && D->getIdentifier() && D->getName() == Name)
      Found = true;
    return !Found;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() != V && E->getDecl()->getIdentifier() &&
        E->getDecl()->getName() == Name)
      Found = true;
    return !Found;
  }
  const VarDecl *V;
  StringRef Name;
  bool Found = false;
};

} // namespace

void planHoist(LoopQueryFinding &F, const RowLoop &L,
               const FunctionFacts &Facts, bool OnlyKnownReads) {
  if (!F.Chain.empty())
    return;
  ASTContext &Ctx = F.Function->getASTContext();
  const VarDecl *V = initialisedVariable(F.Site, Ctx);
  if (!V || !V->isLocalVarDecl() || V->isStaticLocal() || !V->getIdentifier())
    return;
  const auto *DS = dyn_cast_or_null<DeclStmt>(parentStmt(*V, Ctx));
  if (!DS || !DS->isSingleDecl())
    return;
  // The declaration is a statement of the loop body itself, and the loop is
  // a statement of a block, so there is a place to move it to.
  if (parentStmt(*DS, Ctx) != loopBody(L.Loop) ||
      !isa<CompoundStmt>(loopBody(L.Loop)) ||
      !isa_and_nonnull<CompoundStmt>(parentStmt(*L.Loop, Ctx)))
    return;
  if (DS->getBeginLoc().isMacroID() || DS->getEndLoc().isMacroID() ||
      L.Loop->getBeginLoc().isMacroID())
    return;
  F.HoistDecl = DS;

  // Written only by its initialiser, so one value serves every iteration.
  unsigned Writes = 0;
  for (const FlowEdge &E : Facts.edges())
    Writes += E.Dst == V;
  NameClash Clash(V);
  Clash.TraverseStmt(const_cast<Stmt *>(F.Function->getBody()));
  F.HoistSafe = OnlyKnownReads && !F.Conditional && Writes == 1 &&
                !Clash.Found && !V->getType()->isReferenceType();
}

llvm::SmallVector<FixItHint, 2>
hoistEdits(const LoopQueryFinding &F, const RowLoop &L, const ASTContext &Ctx) {
  llvm::SmallVector<FixItHint, 2> Edits;
  if (!F.HoistDecl)
    return Edits;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  CharSourceRange DeclRange =
      CharSourceRange::getTokenRange(F.HoistDecl->getSourceRange());
  bool Invalid = false;
  StringRef DeclText = Lexer::getSourceText(DeclRange, SM, LO, &Invalid);
  StringRef File =
      SM.getBufferData(SM.getFileID(L.Loop->getBeginLoc()), &Invalid);
  if (Invalid || DeclText.empty())
    return Edits;
  unsigned Begin = SM.getFileOffset(DeclRange.getBegin());
  unsigned End = Begin + DeclText.size();
  // Take the whole line when the declaration stands alone on it.
  unsigned LineBegin = Begin;
  while (LineBegin > 0 &&
         (File[LineBegin - 1] == ' ' || File[LineBegin - 1] == '\t'))
    --LineBegin;
  unsigned LineEnd = End;
  while (LineEnd < File.size() &&
         (File[LineEnd] == ' ' || File[LineEnd] == '\t'))
    ++LineEnd;
  // The removal runs from the newline before the line to the end of the
  // line: clang's fix-it merging widens a removal that would leave two
  // spaces side by side, which one starting at a line's indentation does.
  if (LineBegin > 0 && File[LineBegin - 1] == '\n' && LineEnd < File.size() &&
      File[LineEnd] == '\n') {
    Begin = LineBegin - 1;
    End = LineEnd;
  }
  unsigned LoopBegin = SM.getFileOffset(L.Loop->getBeginLoc());
  unsigned IndentBegin = LoopBegin;
  while (IndentBegin > 0 &&
         (File[IndentBegin - 1] == ' ' || File[IndentBegin - 1] == '\t'))
    --IndentBegin;
  StringRef Indent = File.slice(IndentBegin, LoopBegin);
  SourceLocation FileStart =
      SM.getLocForStartOfFile(SM.getFileID(L.Loop->getBeginLoc()));
  Edits.push_back(FixItHint::CreateInsertion(L.Loop->getBeginLoc(),
                                             (DeclText + "\n" + Indent).str()));
  Edits.push_back(FixItHint::CreateRemoval(CharSourceRange::getCharRange(
      FileStart.getLocWithOffset(Begin), FileStart.getLocWithOffset(End))));
  return Edits;
}

} // namespace nplusone
