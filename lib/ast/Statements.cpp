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

bool subtreeContains(const Stmt *Root, const Stmt *Target) {
  return walkSubtree(Root, [&](const Stmt *S) {
           return S == Target ? WalkAction::Stop : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

} // namespace nplusone
