//===- Sqlite.cpp - SQLite3 C API, SQLiteCpp and sqlite_orm ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// The SQLite3 C API. A statement is prepared, bound and stepped; stepping a
// fresh or reset statement runs it, and stepping it in a loop condition walks
// its rows.
constexpr ApiFunction sqlitePrepare(const char *Name, int StmtOutArg) {
  return api(Name, RolePrepare).sqlAt(1).handleAt(StmtOutArg);
}
constexpr ApiFunction sqliteBind(const char *Name) {
  return api(Name, RoleBind).paramsFrom(1).handleAt(0).valueAt(2);
}
constexpr ApiFunction sqliteColumn(const char *Name) {
  return api(Name, RoleColumnRead).handleAt(0);
}
const ApiFunction Sqlite3Functions[] = {
    sqlitePrepare("sqlite3_prepare", 3),
    sqlitePrepare("sqlite3_prepare_v2", 3),
    sqlitePrepare("sqlite3_prepare_v3", 4),
    sqlitePrepare("sqlite3_prepare16", 3),
    sqlitePrepare("sqlite3_prepare16_v2", 3),
    sqlitePrepare("sqlite3_prepare16_v3", 4),
    api("sqlite3_step", RoleExecute | RoleAdvance).handleAt(0),
    // The callback runs once per row, the row's text values in its third
    // parameter: `int cb(void *ctx, int n, char **values, char **names)`.
    api("sqlite3_exec", RoleExecute).sqlAt(1).perRow(2, 2),
    // The rows land in a table of strings, counted by an out-argument.
    api("sqlite3_get_table", RoleExecute).sqlAt(1).handleAt(2).rowCountAt(3),
    sqliteBind("sqlite3_bind_blob"),
    sqliteBind("sqlite3_bind_blob64"),
    sqliteBind("sqlite3_bind_double"),
    sqliteBind("sqlite3_bind_int"),
    sqliteBind("sqlite3_bind_int64"),
    sqliteBind("sqlite3_bind_text"),
    sqliteBind("sqlite3_bind_text16"),
    sqliteBind("sqlite3_bind_text64"),
    sqliteBind("sqlite3_bind_value"),
    sqliteBind("sqlite3_bind_pointer"),
    sqliteBind("sqlite3_bind_zeroblob"),
    sqliteColumn("sqlite3_column_blob"),
    sqliteColumn("sqlite3_column_bytes"),
    sqliteColumn("sqlite3_column_bytes16"),
    sqliteColumn("sqlite3_column_double"),
    sqliteColumn("sqlite3_column_int"),
    sqliteColumn("sqlite3_column_int64"),
    sqliteColumn("sqlite3_column_text"),
    sqliteColumn("sqlite3_column_text16"),
    sqliteColumn("sqlite3_column_value"),
    sqliteColumn("sqlite3_column_type"),
};

// SQLiteCpp. A Statement compiles its SQL when constructed; executeStep()
// runs it and steps its rows, exec() runs it to completion.
const ApiFunction SqliteCppFunctions[] = {
    api("SQLite::Database::exec", RoleExecute).sqlAt(0),
    api("SQLite::Database::tryExec", RoleExecute).sqlAt(0),
    api("SQLite::Transaction::Transaction", RoleTransaction),
    method("SQLite::Transaction::commit", RoleTransactionEnd),
    api("SQLite::Database::execAndGet", RoleExecute | RoleSingleRow)
        .reads()
        .sqlAt(0),
    api("SQLite::Statement::Statement", RolePrepare)
        .sqlAt(1)
        .handleAt(ReturnValue),
    method("SQLite::Statement::executeStep", RoleExecute | RoleAdvance),
    method("SQLite::Statement::tryExecuteStep", RoleExecute | RoleAdvance),
    method("SQLite::Statement::exec", RoleExecute),
    method("SQLite::Statement::bind", RoleBind).paramsFrom(0).valueAt(1),
    method("SQLite::Statement::bindNoCopy", RoleBind).paramsFrom(0).valueAt(1),
    method("SQLite::Statement::getColumn", RoleColumnRead),
    method("SQLite::Statement::getColumns", RoleColumnRead),
    method("SQLite::Statement::isColumnNull", RoleColumnRead),
};

// sqlite_orm: typed calls on a storage object, no SQL text.
#define STORAGE "sqlite_orm::internal::storage_t::"
const ApiFunction SqliteOrmFunctions[] = {
    readCall(STORAGE "get_all"),
    readCall(STORAGE "get_all_pointer"),
    readCall(STORAGE "get_all_optional"),
    readOneCall(STORAGE "get"),
    readOneCall(STORAGE "get_pointer"),
    readOneCall(STORAGE "get_optional"),
    readOneCall(STORAGE "get_no_throw"),
    readCall(STORAGE "select"),
    readCall(STORAGE "iterate"),
    readCall(STORAGE "count"),
    writeCall(STORAGE "insert"),
    writeCall(STORAGE "replace"),
    writeCall(STORAGE "update"),
    writeCall(STORAGE "update_all"),
    writeCall(STORAGE "remove"),
    writeCall(STORAGE "remove_all"),
    writeCall(STORAGE "insert_range"),
    writeCall(STORAGE "replace_range"),
    // Transaction control lives in the storage's base class; transaction()
    // runs the callable it is given inside one.
    api("sqlite_orm::internal::storage_base::begin_transaction",
        RoleTransaction),
    api("sqlite_orm::internal::storage_base::transaction", RoleTransaction),
    api("sqlite_orm::internal::storage_base::transaction_guard",
        RoleTransaction),
};
#undef STORAGE

const char JsonArrayBind[] = "with the keys as one JSON array";
const char SqliteWrite[] = "one multi-row INSERT, or one UPDATE/DELETE ... "
                           "WHERE id IN (SELECT value FROM json_each(?))";

} // namespace

const LibraryModel &sqlite3() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "sqlite3";
    L.DisplayName = "SQLite3 C API";
    L.Dialect = SqlDialect::SQLite;
    L.InProcess = true;
    L.Functions = Sqlite3Functions;
    L.BatchBindHint = JsonArrayBind;
    L.BatchWriteHint = SqliteWrite;
    L.TransactionHint = "wrap the loop in one transaction (BEGIN ... COMMIT): "
                        "outside one, every statement is a transaction of its "
                        "own";
    return L;
  }();
  return M;
}

const LibraryModel &sqliteCpp() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "sqlitecpp";
    L.DisplayName = "SQLiteCpp";
    L.Dialect = SqlDialect::SQLite;
    L.InProcess = true;
    L.Functions = SqliteCppFunctions;
    L.BatchBindHint = JsonArrayBind;
    L.BatchWriteHint = SqliteWrite;
    L.TransactionHint = "wrap the loop in one SQLite::Transaction and "
                        "commit() once: outside one, every statement is a "
                        "transaction of its own";
    return L;
  }();
  return M;
}

const LibraryModel &sqliteOrm() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "sqlite_orm";
    L.DisplayName = "sqlite_orm";
    L.Dialect = SqlDialect::SQLite;
    L.InProcess = true;
    L.Functions = SqliteOrmFunctions;
    L.BatchReadHint =
        "one get_all<T>(where(in(&T::column, keys))) for all keys";
    L.BatchWriteHint = "one insert_range/replace_range for all objects, or "
                       "one remove_all(where(in(&T::id, ids)))";
    L.TransactionHint =
        "wrap the loop in one storage.transaction([&] { ...; return true; })";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
