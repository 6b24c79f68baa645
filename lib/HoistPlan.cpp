//===- HoistPlan.cpp - Moving a loop-invariant query before its loop ------===//

#include "lib/HoistPlan.h"
#include "lib/QueryTarget.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace nplusone {

namespace {

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
  if (!F.Chain.empty() || !Facts.loops()[F.Loop].InBlock)
    return;
  // The query initialises a variable declared by a statement of the loop
  // body itself, and the loop is a statement of a block, so there is a
  // place to move the declaration to.
  const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(L.Loop));
  if (!Body)
    return;
  const DeclStmt *DS = nullptr;
  const VarDecl *V = nullptr;
  for (const Stmt *S : Body->body()) {
    const auto *Candidate = dyn_cast<DeclStmt>(S);
    const auto *VD = Candidate && Candidate->isSingleDecl()
                         ? dyn_cast<VarDecl>(Candidate->getSingleDecl())
                         : nullptr;
    if (VD && VD->getInit() &&
        stripTemporaries(VD->getInit()) == stripTemporaries(F.Site)) {
      DS = Candidate;
      V = VD;
      break;
    }
  }
  if (!V || !V->isLocalVarDecl() || V->isStaticLocal() || !V->getIdentifier())
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
