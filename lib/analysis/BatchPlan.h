//===- BatchPlan.h - The batched form of a per-row read ---------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What a read that runs once per row becomes when batched: its SQL text read
// with the run-time values as holes, which placeholder carries the row's
// key, the rewritten SQL (key compared with the whole list, key added to the
// select list) and, when the loop's own query is understood too, the one
// JOIN query that replaces both. Computed with the finding (BatchPlanner.h);
// the diagnostics only say it.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_BATCHPLAN_H
#define NPLUSONE_LIB_ANALYSIS_BATCHPLAN_H

#include "lib/analysis/SqlTextReader.h"
#include "lib/sql/SqlBatchRewrite.h"
#include "lib/sql/SqlDialect.h"
#include "lib/sql/SqlJoin.h"
#include <optional>
#include <string>

namespace clang {
class Expr;
} // namespace clang

namespace nplusone {

struct BatchPlan {
  /// The query's text, when it has one.
  std::optional<SqlTextParts> Text;
  /// The query is written as text (SQL or commands), even when the reader
  /// cannot read it, rather than built through the library's API.
  bool IsText = false;
  SqlDialect Dialect = SqlDialect::Generic;
  std::optional<BatchedSqlRewrite> Rewrite;
  /// The loop follows a chain one link per read: no list of keys is known
  /// up front, the batched form is a recursive query.
  bool FollowsLinks = false;
  /// The single query joining the loop's rows with this lookup's, and the
  /// loop query's text to show it at.
  std::optional<JoinedSelect> Join;
  const clang::Expr *JoinAt = nullptr;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_BATCHPLAN_H
