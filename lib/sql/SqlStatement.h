//===- SqlStatement.h - What a statement is and what it names ---*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Questions about one SQL statement that its tokens answer without parsing
// it whole: does it read or write, what table does it read, does it return
// at most one row, and which placeholder takes which parameter. Each answer
// is conservative: text the reader does not understand gets none.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLSTATEMENT_H
#define NPLUSONE_LIB_SQL_SQLSTATEMENT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace nplusone {

enum class SqlStatementKind {
  Unknown,
  Read,
  Write,
  /// Session and transaction control (SET, RESET, LOCK, BEGIN, COMMIT,
  /// ROLLBACK, SAVEPOINT, ...): it reads no rows and writes none.
  Session,
};

/// Classifies SQL text by its leading keyword, after comments, whitespace,
/// parentheses and a WITH clause.
SqlStatementKind classifySql(llvm::StringRef Sql);

/// Where the values concatenated into a statement's text go.
enum class SqlHolePlaces {
  /// No hole, or text that does not tokenize.
  None,
  /// Every hole is a value (`... WHERE id = <hole>`): a key.
  Values,
  /// Some hole names a table, a column or a schema, or is a statement of
  /// its own: the text changes per value, not just a key.
  Names,
};

/// What the holes (SqlHole) of \p Sql stand for.
SqlHolePlaces sqlHolePlaces(llvm::StringRef Sql);

/// \p Format, a printf format a statement is written with (`snprintf(q,
/// n, "SELECT count(*) FROM %s", t)`), with each conversion (`%s`, `%lu`,
/// `%.*s`) as a hole; `%%` stays a percent sign.
std::string printfConversionsAsHoles(llvm::StringRef Format);

/// The leading keyword of a statement, upper-cased ("INSERT"), if any.
std::optional<std::string> sqlLeadingKeyword(llvm::StringRef Sql);

/// True for BEGIN, START TRANSACTION and SAVEPOINT.
bool isTransactionStart(llvm::StringRef Sql);

/// True for a statement that ends the open transaction: COMMIT, END, or a
/// ROLLBACK that is not back to a savepoint.
bool isTransactionEnd(llvm::StringRef Sql);

/// The first table named after FROM at the top level, if any (none for a
/// cursor's FETCH).
std::optional<std::string> sqlMainTable(llvm::StringRef Sql);

/// The table a write changes: `INSERT [OR ...] INTO t`, `UPDATE [OR ...] t`,
/// `DELETE FROM t`, `REPLACE INTO t`; none for anything else.
std::optional<std::string> sqlWrittenTable(llvm::StringRef Sql);

/// True when the statement's own clauses limit it to one row: `LIMIT 1`,
/// `TOP 1`, `FETCH FIRST 1 ROW ONLY` at its top level.
bool sqlReturnsAtMostOneRow(llvm::StringRef Sql);

/// True when the statement's own clauses select a page of its rows: LIMIT,
/// OFFSET, FETCH or TOP at its top level, other than a limit to one row.
bool sqlSelectsPage(llvm::StringRef Sql);

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

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLSTATEMENT_H
