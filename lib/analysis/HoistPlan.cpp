//===- HoistPlan.cpp - Moving a loop-invariant query before its loop ------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/HoistPlan.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace nplusone {

namespace {

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
  // Its SQL built in the body (`std::string q = ...; auto r = tx.exec(q);`)
  // would move out of its variable's scope.
  if (walkSubtree(F.Site, [&](const Stmt *S) {
        const auto *DRE = dyn_cast<DeclRefExpr>(S);
        return DRE && isa<VarDecl>(DRE->getDecl()) &&
                       rangeHolds(Body, DRE->getDecl()->getLocation())
                   ? WalkAction::Stop
                   : WalkAction::Continue;
      }) == WalkResult::Stopped)
    return;
  if (DS->getBeginLoc().isMacroID() || DS->getEndLoc().isMacroID() ||
      L.Loop->getBeginLoc().isMacroID())
    return;
  F.HoistDecl = DS;

  // Written only by its initialiser, so one value serves every iteration.
  unsigned Writes = Facts.writeCount(V);
  NameClash Clash(V);
  Clash.TraverseStmt(const_cast<Stmt *>(F.Function->getBody()));
  F.HoistSafe = OnlyKnownReads && !F.Conditional && Writes == 1 &&
                !Clash.Found && !V->getType()->isReferenceType();
}

} // namespace nplusone
