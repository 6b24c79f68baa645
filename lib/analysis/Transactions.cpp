//===- Transactions.cpp - Whether a loop's writes share a transaction -----===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/Transactions.h"
#include "lib/analysis/Finding.h"
#include "lib/analysis/LoopEnds.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace nplusone {

namespace {

/// \p FD is the body of a lambda handed to a transaction call of the
/// function that defines it: `storage.transaction([&] { for (...) ... })`.
bool runsInTransactionCallback(const FunctionDecl *FD, AnalysisContext &Ctx) {
  if (!isLambdaBody(FD))
    return false;
  const CXXRecordDecl *Closure = cast<CXXMethodDecl>(FD)->getParent();
  const auto *Outer = dyn_cast<FunctionDecl>(Closure->getDeclContext());
  if (!Outer || !Outer->hasBody())
    return false;
  for (const CallFacts &C : Ctx.facts(*Outer).calls()) {
    if (!(C.Roles & RoleTransaction))
      continue;
    for (unsigned I = 0, N = callArgCount(C.Call); I < N; ++I)
      if (const auto *LE = dyn_cast_or_null<LambdaExpr>(
              stripTemporaries(callArg(C.Call, static_cast<int>(I)))))
        if (LE->getLambdaClass() == Closure)
          return true;
  }
  return false;
}

/// \p C, a call before the loop, opens a transaction: the library's own, or
/// a BEGIN it runs directly or through a helper (`exec(db, "BEGIN")`).
bool opensTransaction(const CallFacts &C, const LoopQueryFinding &F,
                      AnalysisContext &Ctx) {
  if (C.Roles & RoleTransaction)
    return true;
  const FunctionFacts &Facts = Ctx.facts(*F.Function);
  QueryTarget T;
  const FunctionDecl *Owner = F.Function;
  if (C.Roles & RoleExecute) {
    T = describeQuery(C, Facts);
  } else if (const FunctionDecl *Callee = Ctx.followableCallee(C.Call)) {
    if (!reachedQuery(C.Call, F.Function, Callee, Ctx, T, Owner))
      return false;
  } else {
    return false;
  }
  auto Text = leadingSqlText(T.Sql, &Ctx.facts(*Owner));
  return Text && isTransactionStart(*Text);
}

} // namespace

bool loopRunsInPipeline(const LoopQueryFinding &F, const RowLoop &L,
                        AnalysisContext &Ctx) {
  const FunctionFacts &Facts = Ctx.facts(*F.Function);
  bool Started = false;
  for (const CallFacts &C : Facts.calls()) {
    if (C.Call->getBeginLoc() < L.Loop->getBeginLoc()) {
      Started |= (C.Roles & RolePipelineStart) != 0;
      continue;
    }
    // A sync or a wait for a result in the loop is a round trip per
    // iteration.
    if (C.Loop >= 0 && inLoopSubtree(C.Loop, F.Loop, Facts) &&
        (C.Roles & (RolePipelineSync | RoleResultOf)))
      return false;
  }
  return Started;
}

bool loopRunsInTransaction(const LoopQueryFinding &F, const RowLoop &L,
                           AnalysisContext &Ctx) {
  if (runsInTransactionCallback(F.Function, Ctx))
    return true;
  for (const CallFacts &C : Ctx.facts(*F.Function).calls())
    if (C.Call->getBeginLoc() < L.Loop->getBeginLoc() &&
        opensTransaction(C, F, Ctx))
      return true;
  return false;
}

} // namespace nplusone
