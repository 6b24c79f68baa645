//===- SqlText.h - Reading SQL text: access kind and batched form -*- C++ -*-=//
//
// A small, conservative reader of SQL text. It tells reads from writes by the
// leading keyword and rewrites the simplest per-key lookup
// (`... WHERE col = <param>`) into its batched form. Anything it does not
// understand yields no rewrite, never a wrong one.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQLTEXT_H
#define NPLUSONE_LIB_SQLTEXT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace nplusone {

enum class SqlDialect { Auto, PostgreSQL, SQLite, MySQL, Generic };

/// Parses an `SqlDialect` option value; nullopt when it is not one.
std::optional<SqlDialect> parseSqlDialect(llvm::StringRef Name);

enum class SqlStatementKind { Unknown, Read, Write };

/// Classifies SQL text by its leading keyword, after comments, whitespace,
/// parentheses and a WITH clause.
SqlStatementKind classifySql(llvm::StringRef Sql);

/// The leading keyword of a statement, upper-cased ("INSERT"), if any.
std::optional<std::string> sqlLeadingKeyword(llvm::StringRef Sql);

/// True for BEGIN, START TRANSACTION and SAVEPOINT.
bool isTransactionStart(llvm::StringRef Sql);

/// The first table named after FROM at the top level, if any.
std::optional<std::string> sqlMainTable(llvm::StringRef Sql);

/// True when the statement's own clauses limit it to one row: `LIMIT 1`,
/// `TOP 1`, `FETCH FIRST 1 ROW ONLY` at its top level.
bool sqlReturnsAtMostOneRow(llvm::StringRef Sql);

/// Marks, in SQL text, a value concatenated into it at run time
/// (`"... WHERE id = " + std::to_string(id)`): the reader treats it as a
/// parameter.
constexpr char SqlHole = '\x01';

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
  /// The text after the edits; a concatenated key becomes a parameter.
  std::string NewSql;
};

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

/// The index (0-based, in text order, holes included) of the placeholder
/// that takes the statement's parameter number \p Position (0-based): `$N`
/// for PostgreSQL's numbered parameters, else the Position-th placeholder;
/// -1 when there is none.
int placeholderForParameter(llvm::StringRef Sql, unsigned Position);

/// The index of the placeholder named \p Name (`:id`, `@id`, or `id`), or
/// -1.
int placeholderNamed(llvm::StringRef Sql, llvm::StringRef Name);

/// The index of the only hole in the text, or -1.
int onlyHole(llvm::StringRef Sql);

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

/// The single query that replaces an outer loop's query and the lookup it
/// runs per row, when the lookup's key is the outer column \p OuterColumn:
/// `SELECT u.id, o.total FROM users u LEFT JOIN orders o ON o.user_id =
/// u.id`. Nullopt when either is not a simple select, the lookup
/// aggregates, or the outer query filters its rows.
std::optional<std::string> joinQuery(const SqlSelectSketch &Outer,
                                     const SqlSelectSketch &Inner,
                                     llvm::StringRef OuterColumn);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQLTEXT_H
