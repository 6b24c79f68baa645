//===- SqlSelect.h - A SELECT read as its clauses ---------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The shared reading of a plain SELECT for the batched rewrite and the JOIN
// sketch: where its clauses start, its select list, and the key comparison
// `col = <param>` of a per-key lookup. Each reader says why it refuses.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLSELECT_H
#define NPLUSONE_LIB_SQL_SQLSELECT_H

#include "lib/sql/SqlLexer.h"
#include <string>
#include <utility>
#include <vector>

namespace nplusone {

constexpr size_t NoToken = static_cast<size_t>(-1);

/// A SELECT read as its clauses, token indices into the statement.
struct SelectParts {
  size_t Select = 0;        // the SELECT keyword
  size_t FirstItem = 0;     // first token of the select list
  size_t From = NoToken;    // FROM
  size_t Where = NoToken;   // WHERE
  size_t GroupBy = NoToken; // BY of GROUP BY
  size_t OrderBy = NoToken; // ORDER of ORDER BY
  size_t WhereEnd = 0;      // first token after the condition
  std::vector<std::pair<size_t, size_t>> Items; // select list [begin, end)
  bool Aggregates = false;
  bool Joins = false;
};

/// Splits a plain SELECT into clauses, or says why it will not. A lookup
/// needs its WHERE clause; a JOIN's outer query may have none.
bool readSelect(llvm::ArrayRef<SqlToken> Toks, SelectParts &P,
                std::string &WhyNot, bool NeedWhere = true);

/// The placeholder that carries the key: \p KeyPlaceholder (0-based among
/// the placeholders), or the only one when it is -1; NoToken with a reason.
size_t keyPlaceholder(llvm::ArrayRef<SqlToken> Toks, int KeyPlaceholder,
                      std::string &WhyNot);

/// The key comparison `col = <param>` or `<param> = col` as a conjunct at
/// the top level of the WHERE condition: its column's token range and the
/// parameter's, including a `::type` cast after it.
struct KeyComparison {
  size_t ColBegin = 0, ColEnd = 0; // [ColBegin, ColEnd]
  size_t Param = 0, ParamEnd = 0;  // [Param, ParamEnd]
  size_t Begin = 0, End = 0;       // the whole comparison
};

bool findKeyComparison(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                       size_t Param, KeyComparison &K, std::string &WhyNot);

/// The select list names the key column \p Key already (or selects
/// everything).
bool selectsKey(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                llvm::StringRef Sql, llvm::StringRef Key);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLSELECT_H
