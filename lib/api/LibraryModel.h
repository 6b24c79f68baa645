//===- LibraryModel.h - What a database library's calls do ------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The data a library model is made of: which calls run SQL, which prepare
// or bind a statement, which step a cursor, which read a column of the
// current row, which types hold query results, and how the batched form is
// said for the library. lib/api/models/ fills these in, one family of
// libraries per file; ApiModel.h looks them up.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_LIBRARYMODEL_H
#define NPLUSONE_LIB_API_LIBRARYMODEL_H

#include "lib/ast/CallSites.h"
#include "lib/sql/SqlDialect.h"
#include "llvm/ADT/ArrayRef.h"

namespace nplusone {

/// What a call does to the database. A function may play several roles:
/// sqlite3_step both executes a freshly bound statement and advances its
/// cursor.
enum ApiRole : unsigned {
  RoleNone = 0,
  /// Runs a statement: its SQL comes from SqlArg, or from the statement
  /// handle (HandleArg) when SqlArg is absent.
  RoleExecute = 1u << 0,
  /// Compiles SQL (SqlArg) into the statement handle HandleArg.
  RolePrepare = 1u << 1,
  /// Binds the value ValueArg to the statement handle HandleArg.
  RoleBind = 1u << 2,
  /// Steps the cursor HandleArg to its next row; in a loop condition it makes
  /// the loop iterate the rows of that cursor.
  RoleAdvance = 1u << 3,
  /// Reads a value of the current row of cursor HandleArg.
  RoleColumnRead = 1u << 4,
  /// Returns the number of rows of the result HandleArg (index loops).
  RoleRowCount = 1u << 5,
  /// Loads an ORM relation of the object HandleArg (lazy loading).
  RoleLazyLoad = 1u << 6,
  /// With RoleLazyLoad: only when the object is a data member (a relation
  /// field such as `order->customer`), not the loaded object itself.
  RoleOnMemberOnly = 1u << 7,
  /// Returns the result of the statement last run on the handle HandleArg
  /// (`mysql_store_result(conn)`); it runs nothing itself.
  RoleResultOf = 1u << 8,
  /// With RoleExecute: the statement takes its parameters from the rest of
  /// the full expression it is in (`sql << "...", into(x), use(id)`).
  RoleStatementInputs = 1u << 9,
  /// With RoleExecute: returns at most one row (`exec1`, `query_one`,
  /// `findOne`); a loop over its result walks fields, not rows.
  RoleSingleRow = 1u << 10,
  /// Starts a transaction (`SQLite::Transaction tx(db)`,
  /// `db.transaction()`): writes after it are grouped already.
  RoleTransaction = 1u << 11,
  /// With RoleBind: a numeric position (FirstParamArg) counts placeholders
  /// from 0 (Qt's bindValue(int, ...)) rather than from 1.
  RoleZeroBasedPosition = 1u << 12,
  /// Starts sending statements without waiting for their results (libpq
  /// pipeline mode): statements sent after it go out together.
  RolePipelineStart = 1u << 13,
  /// Waits for the statements a pipeline sent (PQpipelineSync): one round
  /// trip.
  RolePipelineSync = 1u << 14,
  /// Chooses the database driver by name, given at SqlArg
  /// (`QSqlDatabase::addDatabase("QSQLITE")`).
  RoleSelectDriver = 1u << 15,
  /// Commits or rolls back the transaction open on the handle
  /// (`db.commit()`, `tx.commit()`): writes after it commit one by one.
  RoleTransactionEnd = 1u << 16,
  /// Prepares the SQL at SqlArg under the name at NameArg
  /// (`conn.prepare("mark_done", "UPDATE ...")`); an execute call that
  /// names it (NameArg) runs that SQL.
  RolePrepareNamed = 1u << 17,
};

/// Whether an executed statement reads or writes. ByText means the SQL text
/// decides (a leading INSERT/UPDATE/DELETE/... is a write).
enum class AccessKind { Read, Write, ByText };

/// Marks a handle that is the value the call returns or the object a
/// constructor builds: `pstmt = con->prepareStatement("...")`. (NoArg and
/// ImplicitObject, the other special positions, are in lib/ast/CallSites.h.)
constexpr int ReturnValue = -3;
/// Matches a declaration with any number of parameters.
constexpr int AnyArity = -1;
/// For a per-row callback (RowCallbackArg): every parameter of the callable
/// receives one field of the row (libpqxx's `for_query`).
constexpr int EveryParam = -4;

/// One function or method of a library. Models build entries by naming the
/// fields they set, everything else keeping its default:
///
///   api("sqlite3_bind_int", RoleBind).handleAt(0).paramsFrom(1).valueAt(2)
struct ApiFunction {
  /// Fully qualified name, without template arguments:
  /// "pqxx::transaction_base::exec_params", "sqlite3_step".
  const char *QualifiedName = "";
  unsigned Roles = RoleNone;
  AccessKind Access = AccessKind::ByText;
  int SqlArg = NoArg;
  /// First argument that is a bound query parameter; later ones are too.
  /// For RoleBind: the argument that says which placeholder the value goes
  /// to, by position (from 1) or by name (`:id`).
  int FirstParamArg = NoArg;
  /// The statement, cursor or result the call works on.
  int HandleArg = NoArg;
  /// The value a bind call binds; for a column read, the argument that
  /// receives the value read (`SQLGetData(h, 1, type, &id, ...)`).
  int ValueArg = NoArg;
  /// The statement name a RolePrepareNamed call stores the SQL under, or
  /// an execute call runs (`exec_prepared("mark_done", id)`).
  int NameArg = NoArg;
  /// For RoleExecute: the out-argument that receives the number of rows of
  /// the result left in HandleArg (`sqlite3_get_table(db, sql, &cells,
  /// &nrow, &ncol, &err)`), which index loops count.
  int RowCountArg = NoArg;
  /// For a column read: the argument that says which row of the result it
  /// reads (`PQgetvalue(res, row, col)`); a loop stepping it walks rows.
  int RowIndexArg = NoArg;
  /// A callable argument the library calls once per row: of the statement
  /// the call runs, or of the result HandleArg when it runs none
  /// (`sqlite3_exec(db, sql, callback, ctx, &err)`, `tx.for_query(sql, f)`).
  int RowCallbackArg = NoArg;
  /// The callable's parameter that receives the row (`char **values` of
  /// sqlite3_exec's callback), or EveryParam.
  int RowCallbackParam = NoArg;
  /// The number of parameters the declaration has, when overloads of one
  /// name differ in role (`QSqlQuery::exec()` and `exec(const QString &)`).
  int Arity = AnyArity;
  /// The class the SqlArg parameter must have, when overloads put the SQL
  /// at different positions (userver's Execute with and without a
  /// CommandControl first).
  const char *SqlType = nullptr;

  constexpr ApiFunction reads() const { return access(AccessKind::Read); }
  constexpr ApiFunction writes() const { return access(AccessKind::Write); }
  constexpr ApiFunction access(AccessKind A) const {
    return with(&ApiFunction::Access, A);
  }
  constexpr ApiFunction sqlAt(int Arg) const {
    return with(&ApiFunction::SqlArg, Arg);
  }
  constexpr ApiFunction paramsFrom(int Arg) const {
    return with(&ApiFunction::FirstParamArg, Arg);
  }
  constexpr ApiFunction handleAt(int Arg) const {
    return with(&ApiFunction::HandleArg, Arg);
  }
  constexpr ApiFunction valueAt(int Arg) const {
    return with(&ApiFunction::ValueArg, Arg);
  }
  constexpr ApiFunction nameAt(int Arg) const {
    return with(&ApiFunction::NameArg, Arg);
  }
  constexpr ApiFunction rowCountAt(int Arg) const {
    return with(&ApiFunction::RowCountArg, Arg);
  }
  constexpr ApiFunction rowAt(int Arg) const {
    return with(&ApiFunction::RowIndexArg, Arg);
  }
  constexpr ApiFunction perRow(int Arg, int Param) const {
    return with(&ApiFunction::RowCallbackArg, Arg)
        .with(&ApiFunction::RowCallbackParam, Param);
  }
  constexpr ApiFunction arity(int N) const {
    return with(&ApiFunction::Arity, N);
  }
  constexpr ApiFunction sqlOfType(const char *Class) const {
    return with(&ApiFunction::SqlType, Class);
  }

private:
  template <typename T>
  constexpr ApiFunction with(T ApiFunction::*Field, T Value) const {
    ApiFunction Copy = *this;
    Copy.*Field = Value;
    return Copy;
  }
};

/// The entry for \p Name playing \p Roles, every other field at its default.
constexpr ApiFunction api(const char *Name, unsigned Roles) {
  ApiFunction F;
  F.QualifiedName = Name;
  F.Roles = Roles;
  return F;
}

/// A family of generated methods matched by shape rather than by name: a
/// method in a namespace, with a name prefix, taking a parameter whose type
/// names a given class (Drogon ORM's `getUser(const DbClientPtr &)`).
struct ApiMethodShape {
  const char *NamespacePrefix;
  const char *NamePrefix;
  const char *ParameterType;
  ApiFunction Function;
};

/// A statement type of a typed-statement library and the SQL it writes.
struct StatementType {
  const char *TypeName;
  const char *Keyword;
};

/// A supported library: its calls, its result types and how batched SQL is
/// spelled for it. Models set the fields they need by name (see
/// lib/api/models/); everything else keeps its empty default.
struct LibraryModel {
  /// The name users write in the `Libraries` option.
  const char *Name = "";
  /// Human-readable name for docs and messages.
  const char *DisplayName = "";
  SqlDialect Dialect = SqlDialect::Generic;
  llvm::ArrayRef<ApiFunction> Functions = {};
  /// Types whose values are query results: iterating one iterates rows.
  llvm::ArrayRef<const char *> ResultTypes = {};
  /// How the collected keys reach a batched read, said after its new
  /// comparison: "batch it: 'user_id = ANY($1)' <hint>, then group ...".
  /// Every hint is short: notes are read in tooltips. Null: the dialect's.
  const char *BatchBindHint = nullptr;
  /// The batched read said when the query's text (SQL, or commands) cannot
  /// be rewritten; null gives the generic `IN (...)` / JOIN advice. A noun
  /// phrase: "batch it: <hint>".
  const char *TextBatchReadHint = nullptr;
  /// The batched read said for a query built through the library's API
  /// rather than text (ORM finders, builders, MongoDB filters); same form.
  const char *BatchReadHint = nullptr;
  /// The library's batched form of writes made in a loop.
  const char *BatchWriteHint = nullptr;
  /// Said when writes run in a loop outside any transaction; null when the
  /// library always runs statements in an explicit transaction.
  const char *TransactionHint = nullptr;
  /// How to load a relation eagerly instead of once per object.
  const char *EagerLoadHint = nullptr;
  llvm::ArrayRef<ApiMethodShape> Shapes = {};
  /// For statements built as typed objects rather than SQL text (sqlpp11):
  /// a statement whose type names one of these is a write of that kind.
  llvm::ArrayRef<StatementType> WriteStatementTypes = {};
  /// For command languages other than SQL (Redis): the leading words of
  /// commands that write. Any other command reads.
  llvm::ArrayRef<const char *> WriteCommands = {};
  /// For command languages: commands that wait for the next item (`BRPOP`);
  /// a loop around them is a worker, not N+1.
  llvm::ArrayRef<const char *> WaitCommands = {};
  /// Functions passed as manipulators that run a statement prepared in the
  /// same expression (`session << "...", use(id), now`).
  llvm::ArrayRef<const char *> RunManipulators = {};
  /// Namespaces of statement builders: calls into them compute a statement
  /// from their arguments and nothing else (sqlpp11's `select(...)`).
  llvm::ArrayRef<const char *> BuilderNamespaces = {};

  /// The index a column read (`rs->getUInt(1)`) gives the first column of
  /// a row: 0 in most libraries, 1 in JDBC-style ones (Connector/C++).
  unsigned FirstColumnIndex = 0;

  /// The database runs in the calling process (SQLite): a statement costs
  /// no round trip, so writes inside one transaction are already the
  /// batched form.
  bool InProcess = false;
  /// For libraries that front several databases (Qt SQL): the driver names
  /// (RoleSelectDriver) of databases that run in the calling process. A
  /// unit that selects only these is in-process as InProcess says.
  llvm::ArrayRef<const char *> InProcessDrivers = {};

  /// True when the library's query text is SQL (not Redis commands).
  bool speaksSql() const { return WriteCommands.empty(); }
};

} // namespace nplusone

#endif // NPLUSONE_LIB_API_LIBRARYMODEL_H
