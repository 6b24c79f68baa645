//===- SqlBatchRewrite.h - A per-key lookup, batched ------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Rewrites the simplest per-key lookup (`... WHERE col = <param>`) into the
// one query that reads the rows of every key at once. Anything the reader
// does not understand yields no rewrite, never a wrong one.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLBATCHREWRITE_H
#define NPLUSONE_LIB_SQL_SQLBATCHREWRITE_H

#include "lib/sql/SqlDialect.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace nplusone {

/// One change to SQL text: bytes [Begin, End) become Replacement.
struct SqlEdit {
  size_t Begin = 0;
  size_t End = 0;
  std::string Replacement;
};

/// What a per-key lookup becomes when batched: the edits to its text (in
/// order, not overlapping) and the whole text after them.
struct BatchedSqlRewrite {
  std::vector<SqlEdit> Edits;
  /// The key column as the query writes it (`user_id`, `o.user_id`).
  std::string KeyColumn;
  /// The batched comparison that replaces the per-key one, the change a
  /// reader needs to see (`user_id = ANY($1)`).
  std::string BatchedComparison;
  /// The text after the edits; a concatenated key becomes a parameter.
  std::string NewSql;
};

/// How a batched lookup takes its keys in a dialect: PostgreSQL one array
/// parameter, SQLite one JSON array text, the others one placeholder each.
enum class BatchedKeyForm { Array, JsonArray, PlaceholderList };
BatchedKeyForm batchedKeyForm(SqlDialect D);

/// Rewrites a single-table or joined `SELECT ... WHERE ... col = <param>
/// ...` whose key is the placeholder \p KeyPlaceholder (0-based, in text
/// order, holes included; -1 when the text has exactly one) into the
/// dialect's batched spelling: PostgreSQL `col = ANY($1)`, SQLite `col IN
/// (SELECT value FROM json_each(?))`, MySQL and generic `col IN (?)` (to be
/// given one placeholder per key). The key column is added to the select
/// list when it is missing, so the rows can be grouped by it, and to a
/// GROUP BY when the select list aggregates. Anything the reader does not
/// understand, or whose batched form would mean something else (LIMIT,
/// OR, subqueries, window functions), yields nullopt and, when \p WhyNot
/// is given, the reason.
std::optional<BatchedSqlRewrite>
rewriteKeyLookupBatched(llvm::StringRef Sql, SqlDialect D,
                        int KeyPlaceholder = -1, std::string *WhyNot = nullptr);

/// \p Sql with \p Edits applied.
std::string applySqlEdits(llvm::StringRef Sql, llvm::ArrayRef<SqlEdit> Edits);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLBATCHREWRITE_H
