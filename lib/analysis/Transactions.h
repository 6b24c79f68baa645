//===- Transactions.h - Writes a transaction already groups -----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Writes in a loop outside a transaction commit one by one; the advice for
// them says to open one. This file finds the transaction when there is one:
// the library's own (`SQLite::Transaction tx(db)`), a BEGIN run before the
// loop directly or through a helper, or a lambda the library runs inside
// one (`storage.transaction([&] { ... })`); and the pipeline (libpq's
// pipeline mode) that sends a loop's statements together.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_TRANSACTIONS_H
#define NPLUSONE_LIB_ANALYSIS_TRANSACTIONS_H

namespace nplusone {

class AnalysisContext;
struct LoopQueryFinding;
struct RowLoop;

/// True when the writes \p F finds in the loop \p L run inside a
/// transaction opened before the loop.
bool loopRunsInTransaction(const LoopQueryFinding &F, const RowLoop &L,
                           AnalysisContext &Ctx);

/// True when the statements \p F finds in the loop \p L are sent in a
/// pipeline entered before the loop and neither synced nor waited for
/// inside it: one round trip for all of them.
bool loopRunsInPipeline(const LoopQueryFinding &F, const RowLoop &L,
                        AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_TRANSACTIONS_H
