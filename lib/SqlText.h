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

/// A rewrite of the key comparison of a per-key lookup into batched form.
/// The edit replaces [Begin, End) of the SQL text with Replacement.
struct BatchedSqlRewrite {
  size_t Begin = 0;
  size_t End = 0;
  std::string Replacement;
  std::string KeyColumn;
  /// The whole SQL text after the edit.
  std::string NewSql;
};

/// Rewrites `SELECT ... WHERE ... col = <param> ...`, with exactly one
/// parameter placeholder in the text, into the dialect's batched spelling:
/// PostgreSQL `col = ANY($1)`, SQLite `col IN (SELECT value FROM
/// json_each(?))`. MySQL and generic SQL need a placeholder list whose length
/// is only known at run time, so they get no text rewrite. Returns nullopt
/// for anything else.
std::optional<BatchedSqlRewrite> rewriteKeyLookupBatched(llvm::StringRef Sql,
                                                         SqlDialect D);

} // namespace nplusone

#endif // NPLUSONE_LIB_SQLTEXT_H
