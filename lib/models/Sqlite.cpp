//===- Sqlite.cpp - SQLite3 C API, SQLiteCpp and sqlite_orm ---------------===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// The SQLite3 C API. A statement is prepared, bound and stepped; stepping a
// fresh or reset statement runs it, and stepping it in a loop condition walks
// its rows.
constexpr ApiFunction sqlitePrepare(const char *Name, int StmtOutArg) {
  return {Name, RolePrepare, AccessKind::ByText, 1, NoArg, StmtOutArg};
}
constexpr ApiFunction sqliteBind(const char *Name) {
  return {Name, RoleBind, AccessKind::ByText, NoArg, 1, 0, 2};
}
constexpr ApiFunction sqliteColumn(const char *Name) {
  return {Name, RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0};
}
const ApiFunction Sqlite3Functions[] = {
    sqlitePrepare("sqlite3_prepare", 3),
    sqlitePrepare("sqlite3_prepare_v2", 3),
    sqlitePrepare("sqlite3_prepare_v3", 4),
    sqlitePrepare("sqlite3_prepare16", 3),
    sqlitePrepare("sqlite3_prepare16_v2", 3),
    sqlitePrepare("sqlite3_prepare16_v3", 4),
    {"sqlite3_step", RoleExecute | RoleAdvance, AccessKind::ByText, NoArg,
     NoArg, 0},
    {"sqlite3_exec", RoleExecute, AccessKind::ByText, 1},
    {"sqlite3_get_table", RoleExecute, AccessKind::ByText, 1},
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
constexpr ApiFunction sqliteCppMethod(const char *Name, unsigned Roles,
                                      int ValueArg = NoArg,
                                      int Position = NoArg) {
  return {Name,           Roles,   AccessKind::ByText, NoArg, Position,
          ImplicitObject, ValueArg};
}
const ApiFunction SqliteCppFunctions[] = {
    {"SQLite::Database::exec", RoleExecute, AccessKind::ByText, 0},
    {"SQLite::Database::tryExec", RoleExecute, AccessKind::ByText, 0},
    {"SQLite::Transaction::Transaction", RoleTransaction},
    {"SQLite::Database::execAndGet", RoleExecute | RoleSingleRow,
     AccessKind::Read, 0},
    {"SQLite::Statement::Statement", RolePrepare, AccessKind::ByText, 1, NoArg,
     ReturnValue},
    sqliteCppMethod("SQLite::Statement::executeStep",
                    RoleExecute | RoleAdvance),
    sqliteCppMethod("SQLite::Statement::tryExecuteStep",
                    RoleExecute | RoleAdvance),
    sqliteCppMethod("SQLite::Statement::exec", RoleExecute),
    sqliteCppMethod("SQLite::Statement::bind", RoleBind, 1, 0),
    sqliteCppMethod("SQLite::Statement::bindNoCopy", RoleBind, 1, 0),
    sqliteCppMethod("SQLite::Statement::getColumn", RoleColumnRead),
    sqliteCppMethod("SQLite::Statement::getColumns", RoleColumnRead),
    sqliteCppMethod("SQLite::Statement::isColumnNull", RoleColumnRead),
};

// sqlite_orm: typed calls on a storage object, no SQL text.
constexpr ApiFunction ormRead(const char *Name) {
  return {Name, RoleExecute, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction ormReadOne(const char *Name) {
  return {Name, RoleExecute | RoleSingleRow, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction ormWrite(const char *Name) {
  return {Name, RoleExecute, AccessKind::Write, NoArg, 0};
}
#define STORAGE "sqlite_orm::internal::storage_t::"
const ApiFunction SqliteOrmFunctions[] = {
    ormRead(STORAGE "get_all"),
    ormRead(STORAGE "get_all_pointer"),
    ormRead(STORAGE "get_all_optional"),
    ormReadOne(STORAGE "get"),
    ormReadOne(STORAGE "get_pointer"),
    ormReadOne(STORAGE "get_optional"),
    ormReadOne(STORAGE "get_no_throw"),
    ormRead(STORAGE "select"),
    ormRead(STORAGE "iterate"),
    ormRead(STORAGE "count"),
    ormWrite(STORAGE "insert"),
    ormWrite(STORAGE "replace"),
    ormWrite(STORAGE "update"),
    ormWrite(STORAGE "update_all"),
    ormWrite(STORAGE "remove"),
    ormWrite(STORAGE "remove_all"),
    ormWrite(STORAGE "insert_range"),
    ormWrite(STORAGE "replace_range"),
    // Transaction control lives in the storage's base class; transaction()
    // runs the callable it is given inside one.
    {"sqlite_orm::internal::storage_base::begin_transaction", RoleTransaction},
    {"sqlite_orm::internal::storage_base::transaction", RoleTransaction},
    {"sqlite_orm::internal::storage_base::transaction_guard", RoleTransaction},
};
#undef STORAGE

const char JsonArrayBind[] =
    "bind all keys as one JSON array text such as '[1,2,3]'";
const char SqliteWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... "
    "WHERE id IN (SELECT value FROM json_each(?))";

} // namespace

const LibraryModel &sqlite3() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "sqlite3";
    L.DisplayName = "SQLite3 C API";
    L.Dialect = SqlDialect::SQLite;
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
    L.Functions = SqliteOrmFunctions;
    L.BatchReadHint =
        "load them with one get_all<T>(where(in(&T::column, keys)))";
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
