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
#include "lib/ast/Statements.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

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

enum class TransactionStep { None, Opens, Ends };

TransactionStep stepOfText(llvm::StringRef Text) {
  if (isTransactionStart(Text))
    return TransactionStep::Opens;
  if (isTransactionEnd(Text))
    return TransactionStep::Ends;
  return TransactionStep::None;
}

/// What \p C, a call before the loop, does to the transaction: the
/// library's own calls, or a BEGIN or COMMIT it runs directly or through a
/// helper (`exec(db, "BEGIN")`, a guard's constructor).
TransactionStep transactionStep(const CallFacts &C, const LoopQueryFinding &F,
                                AnalysisContext &Ctx) {
  if (C.Roles & RoleTransaction)
    return TransactionStep::Opens;
  if (C.Roles & RoleTransactionEnd)
    return TransactionStep::Ends;
  const FunctionFacts &Facts = Ctx.facts(*F.Function);
  QueryTarget T;
  const FunctionDecl *Owner = F.Function;
  if (C.Roles & RoleExecute) {
    T = describeQuery(C, Facts);
  } else if (const FunctionDecl *Callee = Ctx.followableCallee(C.Call)) {
    if (!reachedQuery(C.Call, F.Function, Callee, Ctx, T, Owner))
      return TransactionStep::None;
  } else if (const CallSummary *Remote =
                 Ctx.remoteSummary(C.Call, Ctx.options().MaxCallDepth)) {
    // A wrapper in another unit (`db.beginTransaction()`): its summary's
    // text, or the text this call passes it.
    T.Sql = Remote->Remote->SqlParam >= 0
                ? callArg(C.Call, Remote->Remote->SqlParam)
                : nullptr;
    if (!T.Sql)
      return stepOfText(Remote->Remote->Sql);
  } else {
    return TransactionStep::None;
  }
  auto Text = leadingSqlText(T.Sql, &Ctx.facts(*Owner));
  return Text ? stepOfText(*Text) : TransactionStep::None;
}

/// A guard object (`ScopedTransaction tx(db)`) holds its transaction until
/// the end of the block that declares it: that block must hold the loop.
bool guardScopeHolds(const CallFacts &C, const RowLoop &L,
                     const FunctionDecl &FD) {
  if (!isa<CXXConstructExpr>(C.Call))
    return true;
  const CompoundStmt *Block =
      innermostBlockAt(FD.getBody(), C.Call->getBeginLoc());
  return !Block || rangeHolds(Block, L.Loop);
}

/// \p A is written before \p B: compared where macros expand, so that a
/// loop a macro writes (Qt's `foreach`) is placed at the macro's use.
bool writtenBefore(const Stmt *A, const Stmt *B, const FunctionDecl &FD) {
  const SourceManager &SM = FD.getASTContext().getSourceManager();
  return SM.getExpansionLoc(A->getBeginLoc()) <
         SM.getExpansionLoc(B->getBeginLoc());
}

/// \p C sits in a block that leaves the function before \p L is reached:
/// `if (unchanged) { db_.commit(); return; }` ends no transaction for the
/// code after it.
bool leavesBeforeLoop(const CallFacts &C, const RowLoop &L,
                      const FunctionDecl &FD) {
  const CompoundStmt *Block =
      innermostBlockAt(FD.getBody(), C.Call->getBeginLoc());
  if (!Block || Block == FD.getBody() || rangeHolds(Block, L.Loop))
    return false;
  const Stmt *Exit = finalExit(Block);
  return Exit && (isa<ReturnStmt>(Exit) || isa<CXXThrowExpr>(Exit));
}

} // namespace

bool loopRunsInPipeline(const LoopQueryFinding &F, const RowLoop &L,
                        AnalysisContext &Ctx) {
  const FunctionFacts &Facts = Ctx.facts(*F.Function);
  bool Started = false;
  for (const CallFacts &C : Facts.calls()) {
    if (writtenBefore(C.Call, L.Loop, *F.Function)) {
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
  // The calls before the loop in source order: the last step decides.
  llvm::SmallVector<const CallFacts *, 8> Before;
  for (const CallFacts &C : Ctx.facts(*F.Function).calls())
    if (writtenBefore(C.Call, L.Loop, *F.Function))
      Before.push_back(&C);
  llvm::sort(Before, [&](const CallFacts *A, const CallFacts *B) {
    return writtenBefore(A->Call, B->Call, *F.Function);
  });
  bool Open = false;
  for (const CallFacts *C : Before) {
    if (leavesBeforeLoop(*C, L, *F.Function))
      continue;
    switch (transactionStep(*C, F, Ctx)) {
    case TransactionStep::Opens:
      Open |= guardScopeHolds(*C, L, *F.Function);
      break;
    case TransactionStep::Ends:
      Open = false;
      break;
    case TransactionStep::None:
      break;
    }
  }
  return Open;
}

} // namespace nplusone
