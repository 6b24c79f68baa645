//===- HoistPlan.h - Moving an invariant query out of its loop --*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Decides whether the declaration that holds a loop-invariant query can move
// before the loop, and whether that is provably safe: the code then compiles
// and computes the same values, so the move can be a warning fix-it. The
// edits themselves are made by the diagnostics (checks/common/FixIts.h).
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_HOISTPLAN_H
#define NPLUSONE_LIB_ANALYSIS_HOISTPLAN_H

#include "lib/analysis/Finding.h"

namespace nplusone {

/// Fills F.HoistDecl and F.HoistSafe for a loop-invariant finding.
/// \p OnlyKnownReads: every query the loop runs is a read whose SQL is known.
void planHoist(LoopQueryFinding &F, const RowLoop &L,
               const FunctionFacts &Facts, bool OnlyKnownReads);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_HOISTPLAN_H
