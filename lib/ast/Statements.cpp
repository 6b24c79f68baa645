//===- Statements.cpp - Loop bodies and bounded subtree walks -------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/ast/Statements.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace nplusone {

namespace {
/// Blocks nested at the end of blocks deeper than this are not looked
/// into: real code has one or two.
constexpr unsigned MaxUnwrapBlocks = 64;
} // namespace

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *S = dyn_cast_or_null<ForStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<WhileStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<DoStmt>(Loop))
    return S->getBody();
  if (const auto *S = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return S->getBody();
  return nullptr;
}

const Stmt *finalExit(const Stmt *Block, bool ThroughTry) {
  const Stmt *Last = Block;
  for (unsigned Steps = 0; Steps < MaxUnwrapBlocks; ++Steps) {
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Last)) {
      Last = nullptr;
      for (const Stmt *S : CS->body())
        if (!isa<NullStmt>(S))
          Last = S;
      continue;
    }
    const auto *Try = dyn_cast_or_null<CXXTryStmt>(Last);
    if (!Try || !ThroughTry)
      break;
    Last = Try->getTryBlock();
  }
  if (const auto *E = dyn_cast_or_null<Expr>(Last))
    Last = E->IgnoreImplicit();
  if (Last && (isa<BreakStmt>(Last) || isa<ReturnStmt>(Last) ||
               isa<CXXThrowExpr>(Last) || isa<GotoStmt>(Last)))
    return Last;
  return nullptr;
}

bool subtreeContains(const Stmt *Root, const Stmt *Target) {
  return walkSubtree(Root, [&](const Stmt *S) {
           return S == Target ? WalkAction::Stop : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

bool mentionsDecl(const Expr *E, const ValueDecl *D) {
  return walkSubtree(E, [&](const Stmt *S) {
           // `sizeof buf` reads no value.
           if (isa<UnaryExprOrTypeTraitExpr>(S))
             return WalkAction::SkipChildren;
           const auto *DRE = dyn_cast<DeclRefExpr>(S);
           return DRE && DRE->getDecl() == D ? WalkAction::Stop
                                             : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

bool rangeHolds(const Stmt *Outer, SourceLocation Loc) {
  return !(Loc < Outer->getBeginLoc()) && !(Outer->getEndLoc() < Loc);
}

bool rangeHolds(const Stmt *Outer, const Stmt *Inner) {
  return rangeHolds(Outer, Inner->getBeginLoc()) &&
         rangeHolds(Outer, Inner->getEndLoc());
}

const CompoundStmt *innermostBlockAt(const Stmt *Root, SourceLocation Loc) {
  const CompoundStmt *Found = nullptr;
  walkSubtree(Root, [&](const Stmt *S) {
    if (!rangeHolds(S, Loc))
      return WalkAction::SkipChildren;
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      Found = Block;
    return WalkAction::Continue;
  });
  return Found;
}

} // namespace nplusone
