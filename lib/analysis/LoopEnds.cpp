//===- LoopEnds.cpp - Loops a query's own result ends ---------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/LoopEnds.h"
#include "lib/ast/Statements.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

namespace {

/// \p E tests the result of \p C: it holds the call itself, the variable the
/// result is stored in, or a local set from that variable (`bool ok =
/// PQresultStatus(res) == PGRES_COMMAND_OK`, `state = q.value(0)`).
bool testsResult(const Expr *E, const CallFacts &C, const ValueDecl *Result,
                 const FunctionFacts &Facts) {
  return walkSubtree(E, [&](const Stmt *S) {
           if (S == C.Call)
             return WalkAction::Stop;
           const auto *DRE = dyn_cast<DeclRefExpr>(S);
           if (!DRE || !Result)
             return WalkAction::Continue;
           if (DRE->getDecl() == Result)
             return WalkAction::Stop;
           const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
           bool SetFromResult =
               VD && llvm::any_of(Facts.valuesOf(VD), [&](const Expr *From) {
                 return mentionsDecl(From, Result);
               });
           return SetFromResult ? WalkAction::Stop : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

/// The loop's condition tests a flag the loop sets to a constant after the
/// call: `while (!done) { ...; run(); done = true; }`.
bool flagSetAfter(const Expr *Cond, const CallFacts &C, int Loop,
                  const FunctionFacts &Facts) {
  for (const FlowEdge &Edge : Facts.edges()) {
    if (Edge.Loop < 0 || !inLoopSubtree(Edge.Loop, Loop, Facts) ||
        !(C.Call->getBeginLoc() < Edge.Src->getBeginLoc()))
      continue;
    const Expr *Value = Edge.Src->IgnoreParenImpCasts();
    if ((isa<CXXBoolLiteralExpr>(Value) || isa<IntegerLiteral>(Value)) &&
        mentionsDecl(Cond, Edge.Dst))
      return true;
  }
  return false;
}

} // namespace

bool inLoopSubtree(int Loop, int Ancestor, const FunctionFacts &Facts) {
  for (int L = Loop; L >= 0; L = Facts.loops()[L].Parent)
    if (L == Ancestor)
      return true;
  return false;
}

bool resultEndsLoop(const CallFacts &C, int Loop, const FunctionFacts &Facts,
                    bool InHandle) {
  const ValueDecl *Result = Facts.varOfFullExpr(C.FullExpr);
  if (!Result && InHandle)
    Result = Facts.handleOf(C);
  const Expr *Cond = loopCondition(Facts.loops()[Loop]);
  if (Cond && (testsResult(Cond, C, Result, Facts) ||
               flagSetAfter(Cond, C, Loop, Facts)))
    return true;
  return llvm::any_of(Facts.conditionalExits(), [&](const ConditionalExit &E) {
    return llvm::is_contained(E.Loops, Loop) &&
           testsResult(E.Cond, C, Result, Facts);
  });
}

} // namespace nplusone
