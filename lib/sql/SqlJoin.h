//===- SqlJoin.h - The JOIN that replaces a loop and its lookup -*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// When both the loop's query and the lookup it runs per row are simple
// single-table selects, one LEFT JOIN reads both. This file sketches such
// selects and writes that JOIN.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLJOIN_H
#define NPLUSONE_LIB_SQL_SQLJOIN_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace nplusone {

/// The parts of a simple single-table SELECT that a JOIN needs.
struct SqlSelectSketch {
  /// The table and the name its columns are qualified with (its alias, or
  /// itself).
  std::string Table;
  std::string Qualifier;
  /// The select list items as written, or {"*"}.
  std::vector<std::string> Columns;
  /// The text of the WHERE condition, empty when there is none.
  std::string Where;
  /// The key column a per-key lookup compares with its parameter.
  std::string KeyColumn;
  /// The WHERE condition is the key comparison and nothing else.
  bool KeyOnly = false;
  bool Aggregates = false;
};

/// Reads `SELECT cols FROM table [alias] [WHERE cond]` with nothing else
/// (no joins, grouping, ordering or limits); nullopt for anything else. For
/// an inner lookup, \p KeyPlaceholder names its key as for the rewrite.
std::optional<SqlSelectSketch> sketchSimpleSelect(llvm::StringRef Sql,
                                                  int KeyPlaceholder = -1);

/// The query that reads an outer loop's rows and their lookups at once.
struct JoinedSelect {
  /// `SELECT u.id, o.total FROM users u LEFT JOIN orders o ON o.user_id =
  /// u.id`.
  std::string Sql;
  /// What it adds to the outer query: `LEFT JOIN orders o ON o.user_id =
  /// u.id`.
  std::string JoinClause;
};

/// The single query that replaces an outer loop's query and the lookup it
/// runs per row, when the lookup's key is the outer column \p OuterColumn.
/// Nullopt when either is not a simple select, the lookup aggregates, or
/// the outer query filters its rows.
std::optional<JoinedSelect> joinQuery(const SqlSelectSketch &Outer,
                                      const SqlSelectSketch &Inner,
                                      llvm::StringRef OuterColumn);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLJOIN_H
