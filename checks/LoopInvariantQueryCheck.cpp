//===- LoopInvariantQueryCheck.cpp - nplusone-loop-invariant-query --------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/LoopInvariantQueryCheck.h"
#include "checks/common/FindingDiagnostics.h"
#include "checks/common/FixIts.h"

using namespace clang;

namespace nplusone {

void LoopInvariantQueryCheck::report(const LoopQueryFinding &F,
                                     const FunctionLoopQueries &Function) {
  const RowLoop &L = Function.Loops[F.Loop];
  const ASTContext &AST = F.Function->getASTContext();
  auto Edits = hoistEdits(F, L, AST);
  {
    auto Warning =
        diag(F.At, "query runs %select{once|up to once}0 %1 but does not "
                   "depend on the loop; run it once before the loop")
        << (F.Conditional ? 1 : 0) << perIteration(L);
    // Only a move proven safe is applied by --fix.
    if (F.HoistSafe)
      for (const FixItHint &Edit : Edits)
        Warning << Edit;
  }
  noteLoop(*this, L);
  noteCallChain(*this, F);
  if (F.HoistSafe || Edits.empty()) {
    diag(F.At,
         "hoist it: run the query once before the loop and reuse its result",
         DiagnosticIDs::Note);
    return;
  }
  auto Note = diag(F.HoistDecl->getBeginLoc(),
                   "hoist it before the loop (check that nothing in the loop "
                   "changes what it reads)",
                   DiagnosticIDs::Note);
  for (const FixItHint &Edit : Edits)
    Note << Edit;
}

} // namespace nplusone
