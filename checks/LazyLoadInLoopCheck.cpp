//===- LazyLoadInLoopCheck.cpp - nplusone-lazy-load-in-loop ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/LazyLoadInLoopCheck.h"
#include "checks/common/FindingDiagnostics.h"

using namespace clang;

namespace nplusone {

void LazyLoadInLoopCheck::report(const LoopQueryFinding &F,
                                 const FunctionLoopQueries &Function) {
  const RowLoop &L = Function.Loops[F.Loop];
  diag(F.At, "relation '%0' is loaded lazily, one query %select{|at most }1%2 "
             "(N+1 queries); load it eagerly with the parent rows")
      << F.Relation << (F.Conditional ? 1 : 0) << perIteration(L);
  noteRowSource(*this, L, F.Function);
  noteRowValue(*this, F, L);
  noteCallChain(*this, F);
  noteEagerLoad(*this, F);
}

} // namespace nplusone
