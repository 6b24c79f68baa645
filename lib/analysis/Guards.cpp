//===- Guards.cpp - Conditions that keep a query from running -------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/Guards.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace nplusone {

namespace {

/// The integer value of a constant expression, if it is one.
std::optional<int64_t> constantValue(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || E->containsErrors() ||
      !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt().getExtValue();
}

const ParmVarDecl *parameterOf(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
}

/// \p Cond as a test of one parameter: `p`, `!p`, `p == K`, `p != K`.
std::optional<ParamGuard> readTest(const Expr *Cond, const ASTContext &Ctx) {
  ParamGuard G;
  Cond = Cond->IgnoreParenImpCasts();
  for (unsigned Steps = 0; Steps < 4; ++Steps) {
    const auto *UO = dyn_cast<UnaryOperator>(Cond);
    if (!UO || UO->getOpcode() != UO_LNot)
      break;
    G.Expect = !G.Expect;
    Cond = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  if (const ParmVarDecl *P = parameterOf(Cond)) {
    G.Param = P->getFunctionScopeIndex();
    return G;
  }
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO || !BO->isEqualityOp())
    return std::nullopt;
  const ParmVarDecl *P = parameterOf(BO->getLHS());
  std::optional<int64_t> K = constantValue(BO->getRHS(), Ctx);
  if (!P) {
    P = parameterOf(BO->getRHS());
    K = constantValue(BO->getLHS(), Ctx);
  }
  if (!P || !K)
    return std::nullopt;
  G.Param = P->getFunctionScopeIndex();
  G.Kind = ParamGuard::EqualsValue;
  G.Value = *K;
  if (BO->getOpcode() == BO_NE)
    G.Expect = !G.Expect;
  return G;
}

/// State that outlives a call: a static or global variable, or a member.
bool isLastingState(const ValueDecl *D) {
  if (isa<FieldDecl>(D))
    return true;
  const auto *VD = dyn_cast<VarDecl>(D);
  return VD && VD->hasGlobalStorage();
}

bool within(const Stmt *Inner, const Stmt *Outer) {
  return !(Inner->getBeginLoc() < Outer->getBeginLoc()) &&
         !(Outer->getEndLoc() < Inner->getBeginLoc());
}

/// The body of \p FD assigns \p D (`ncached = n`, `++loads`).
bool assigns(const FunctionDecl *FD, const ValueDecl *D) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return false;
  return walkSubtree(Def->getBody(), [&](const Stmt *S) {
           const Expr *Target = nullptr;
           if (const auto *BO = dyn_cast<BinaryOperator>(S))
             Target = BO->isAssignmentOp() ? BO->getLHS() : nullptr;
           else if (const auto *UO = dyn_cast<UnaryOperator>(S))
             Target = UO->isIncrementDecrementOp() ? UO->getSubExpr() : nullptr;
           return Target && rootDecl(Target) == D ? WalkAction::Stop
                                                  : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

/// The branch of \p Guard sets \p D, itself or in a function it calls.
bool branchSets(const GuardFacts &Guard, const ValueDecl *D,
                const FunctionFacts &Facts) {
  for (const FlowEdge &Edge : Facts.edges())
    if (Edge.Dst == D && within(Edge.Src, Guard.Branch))
      return true;
  for (const CallFacts &C : Facts.calls())
    if (within(C.Call, Guard.Branch) && assigns(calleeOf(C.Call), D))
      return true;
  return false;
}

} // namespace

std::optional<ParamGuard> parameterGuard(const CallFacts &C,
                                         const FunctionFacts &Facts) {
  const ASTContext &Ctx = Facts.function().getASTContext();
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent) {
    const GuardFacts &Guard = Facts.guards()[G];
    if (!Guard.Cond)
      continue;
    if (std::optional<ParamGuard> Test = readTest(Guard.Cond, Ctx)) {
      if (Guard.InElse)
        Test->Expect = !Test->Expect;
      return Test;
    }
  }
  return std::nullopt;
}

bool guardMayHold(const ParamGuard &G, const Expr *Call) {
  const Expr *Arg = callArg(Call, static_cast<int>(G.Param));
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Arg || !Callee)
    return true;
  std::optional<int64_t> Value = constantValue(Arg, Callee->getASTContext());
  if (!Value)
    return true;
  bool Test = G.Kind == ParamGuard::NonZero ? *Value != 0 : *Value == G.Value;
  return Test == G.Expect;
}

bool runsOnlyOnce(const CallFacts &C, const FunctionFacts &Facts) {
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent) {
    const GuardFacts &Guard = Facts.guards()[G];
    if (!Guard.Cond || Guard.InElse)
      continue;
    bool Memo = walkSubtree(Guard.Cond, [&](const Stmt *S) {
                  const ValueDecl *D = nullptr;
                  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
                    D = DRE->getDecl();
                  else if (const auto *ME = dyn_cast<MemberExpr>(S))
                    D = ME->getMemberDecl();
                  return D && isLastingState(D) && branchSets(Guard, D, Facts)
                             ? WalkAction::Stop
                             : WalkAction::Continue;
                }) == WalkResult::Stopped;
    if (Memo)
      return true;
  }
  return false;
}

} // namespace nplusone
