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
// one (`storage.transaction([&] { ... })`).
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

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_TRANSACTIONS_H
