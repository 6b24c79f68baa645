//===- LoopQueries.h - Queries that run once per loop iteration -*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The shared driver of every nplusone check. For one function it finds each
// query site that runs once per iteration of a loop (a library call in the
// loop, or a call to a function that reaches one) and gives it exactly one
// category, the most specific that applies (findingKindOf). Each check
// reports one category.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_LOOPQUERIES_H
#define NPLUSONE_LIB_ANALYSIS_LOOPQUERIES_H

#include "lib/analysis/AnalysisContext.h"
#include "lib/analysis/Finding.h"

namespace nplusone {

/// Finds the per-iteration query sites of a function definition.
FunctionLoopQueries findLoopQueries(const clang::FunctionDecl &FD,
                                    AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_LOOPQUERIES_H
