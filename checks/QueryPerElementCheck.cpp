//===- QueryPerElementCheck.cpp - nplusone-query-per-element --------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/QueryPerElementCheck.h"
#include "checks/common/FindingDiagnostics.h"

using namespace clang;

namespace nplusone {

void QueryPerElementCheck::report(const LoopQueryFinding &F,
                                  const FunctionLoopQueries &Function) {
  const RowLoop &L = Function.Loops[F.Loop];
  diag(F.At, "query runs %select{once|up to once}0 %1 (N+1 queries); "
             "%select{load the rows for all elements|read the whole chain}2 in "
             "one query")
      << (F.Conditional ? 1 : 0) << perIteration(L) << (L.FollowsLinks ? 1 : 0);
  noteRowSource(*this, L, F.Function);
  noteRepeatingLoop(*this, F, Function);
  noteRowValue(*this, F, L);
  noteCallChain(*this, F);
  noteBatchedRead(*this, F);
}

} // namespace nplusone
