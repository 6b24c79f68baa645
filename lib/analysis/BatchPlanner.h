//===- BatchPlanner.h - Planning the batched form of a read -----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Reads the SQL of a per-row read and of the loop's own query, finds the
// placeholder that carries the row's key, and asks lib/sql for the batched
// rewrite and the JOIN (BatchPlan.h holds the result).
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_BATCHPLANNER_H
#define NPLUSONE_LIB_ANALYSIS_BATCHPLANNER_H

#include "lib/analysis/AnalysisContext.h"
#include "lib/analysis/Finding.h"

namespace nplusone {

/// Plans the batched form of the read \p F finds in the loop \p L.
BatchPlan planBatchedRead(const LoopQueryFinding &F, const RowLoop &L,
                          AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_BATCHPLANNER_H
