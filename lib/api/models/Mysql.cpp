//===- Mysql.cpp - MySQL/MariaDB C API, Connector/C++ 1.1 and X DevAPI ----===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// The C API runs a statement on a connection and then fetches its result
// from the connection; rows are stepped with mysql_fetch_row, whose value is
// the current row.
const ApiFunction MysqlCFunctions[] = {
    api("mysql_query", RoleExecute).sqlAt(1).handleAt(0),
    api("mysql_real_query", RoleExecute).sqlAt(1).handleAt(0),
    api("mysql_send_query", RoleExecute).sqlAt(1).handleAt(0),
    api("mysql_store_result", RoleResultOf).handleAt(0),
    api("mysql_use_result", RoleResultOf).handleAt(0),
    api("mysql_fetch_row", RoleAdvance | RoleColumnRead).handleAt(0),
    api("mysql_stmt_prepare", RolePrepare).sqlAt(1).handleAt(0),
    api("mysql_stmt_execute", RoleExecute).handleAt(0),
    api("mysql_stmt_bind_param", RoleBind).handleAt(0).valueAt(1),
    api("mysql_stmt_fetch", RoleAdvance).handleAt(0),
    // The bind array's buffers receive the columns of each fetched row.
    api("mysql_stmt_bind_result", RoleColumnRead).handleAt(0).valueAt(1),
    api("mysql_num_rows", RoleRowCount).handleAt(0),
    api("mysql_autocommit", RoleTransaction),
};

// Connector/C++ 1.1 (JDBC style): statements and result sets are objects,
// usually held in std::unique_ptr.
// `pstmt->setInt(1, id)`: the value for the first placeholder.
constexpr ApiFunction jdbcSetter(const char *Name) {
  return method(Name, RoleBind).paramsFrom(0).valueAt(1);
}
#define PSTMT "sql::PreparedStatement::"
const ApiFunction MysqlConnectorFunctions[] = {
    method("sql::Statement::executeQuery", RoleExecute).reads().sqlAt(0),
    method("sql::Statement::executeUpdate", RoleExecute).writes().sqlAt(0),
    method("sql::Statement::execute", RoleExecute).sqlAt(0),
    api("sql::Connection::prepareStatement", RolePrepare)
        .sqlAt(0)
        .handleAt(ReturnValue),
    method(PSTMT "executeQuery", RoleExecute).reads().arity(0),
    method(PSTMT "executeQuery", RoleExecute).reads().sqlAt(0).arity(1),
    method(PSTMT "executeUpdate", RoleExecute).writes().sqlAt(0).arity(1),
    method(PSTMT "execute", RoleExecute).sqlAt(0).arity(1),
    method(PSTMT "executeUpdate", RoleExecute).writes().arity(0),
    method(PSTMT "execute", RoleExecute).arity(0),
    jdbcSetter(PSTMT "setInt"),
    jdbcSetter(PSTMT "setUInt"),
    jdbcSetter(PSTMT "setInt64"),
    jdbcSetter(PSTMT "setUInt64"),
    jdbcSetter(PSTMT "setBigInt"),
    jdbcSetter(PSTMT "setString"),
    jdbcSetter(PSTMT "setDouble"),
    jdbcSetter(PSTMT "setBoolean"),
    jdbcSetter(PSTMT "setDateTime"),
    method("sql::ResultSet::next", RoleAdvance),
    method("sql::Connection::setAutoCommit", RoleTransaction),
    method("sql::Connection::commit", RoleTransactionEnd),
    method("sql::Connection::rollback", RoleTransactionEnd),
};
#undef PSTMT

// X DevAPI: statements are built by chained calls and run by execute(); the
// whole chain, binds included, is one statement, which may also be kept in a
// variable and bound and run later.
constexpr ApiFunction xStatement(const char *Name, AccessKind Access,
                                 int Sql = NoArg) {
  return api(Name, RolePrepare | RoleStatementInputs)
      .access(Access)
      .sqlAt(Sql)
      .handleAt(ReturnValue);
}
constexpr ApiFunction xDirect(const char *Name, AccessKind Access,
                              unsigned Extra = 0) {
  return api(Name, RoleExecute | Extra).access(Access).paramsFrom(0);
}
const ApiFunction MysqlXFunctions[] = {
    xStatement("mysqlx::Session::sql", AccessKind::ByText, 0),
    xStatement("mysqlx::Table::select", AccessKind::Read),
    xStatement("mysqlx::Table::insert", AccessKind::Write),
    xStatement("mysqlx::Table::update", AccessKind::Write),
    xStatement("mysqlx::Table::remove", AccessKind::Write),
    xStatement("mysqlx::Collection::find", AccessKind::Read),
    xStatement("mysqlx::Collection::add", AccessKind::Write),
    xStatement("mysqlx::Collection::modify", AccessKind::Write),
    xStatement("mysqlx::Collection::remove", AccessKind::Write),
    method("mysqlx::Executable::execute", RoleExecute),
    method("mysqlx::internal::Bind_parameters::bind", RoleBind).valueAt(1),
    method("mysqlx::internal::Bind_placeholders::bind", RoleBind).valueAt(0),
    // Calls that run at once.
    xDirect("mysqlx::Collection::getOne", AccessKind::Read, RoleSingleRow),
    xDirect("mysqlx::Collection::removeOne", AccessKind::Write),
    xDirect("mysqlx::Collection::replaceOne", AccessKind::Write),
    xDirect("mysqlx::Collection::addOrReplaceOne", AccessKind::Write),
    xDirect("mysqlx::Collection::count", AccessKind::Read),
    xDirect("mysqlx::Table::count", AccessKind::Read),
    method("mysqlx::RowResult::fetchOne", RoleAdvance | RoleColumnRead),
    method("mysqlx::SqlResult::fetchOne", RoleAdvance | RoleColumnRead),
    method("mysqlx::DocResult::fetchOne", RoleAdvance | RoleColumnRead),
    method("mysqlx::RowResult::fetchAll", RoleResultOf),
    method("mysqlx::SqlResult::fetchAll", RoleResultOf),
    method("mysqlx::DocResult::fetchAll", RoleResultOf),
    method("mysqlx::Session::startTransaction", RoleTransaction),
    method("mysqlx::Session::commit", RoleTransactionEnd),
    method("mysqlx::Session::rollback", RoleTransactionEnd),
};
const char *const MysqlXResultTypes[] = {
    "mysqlx::RowResult", "mysqlx::SqlResult", "mysqlx::DocResult"};

const char MysqlWrite[] = "one multi-row INSERT ... VALUES (...), (...), or "
                          "one UPDATE/DELETE ... WHERE id IN (...)";
const char MysqlTransaction[] =
    "wrap the loop in one transaction (START TRANSACTION ... COMMIT): with "
    "autocommit on, every statement commits on its own";

} // namespace

const LibraryModel &mysqlC() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "mysql";
    L.DisplayName = "MySQL/MariaDB C API";
    L.Dialect = SqlDialect::MySQL;
    L.Functions = MysqlCFunctions;
    L.BatchWriteHint = MysqlWrite;
    L.TransactionHint = MysqlTransaction;
    return L;
  }();
  return M;
}

const LibraryModel &mysqlConnector() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "mysql-connector";
    L.DisplayName = "MySQL Connector/C++ 1.1";
    L.Dialect = SqlDialect::MySQL;
    L.FirstColumnIndex = 1;
    L.Functions = MysqlConnectorFunctions;
    L.BatchWriteHint = MysqlWrite;
    L.TransactionHint = "wrap the loop in one transaction "
                        "(con->setAutoCommit(false) ... con->commit())";
    return L;
  }();
  return M;
}

const LibraryModel &mysqlX() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "mysqlx";
    L.DisplayName = "MySQL Connector/C++ X DevAPI";
    L.Dialect = SqlDialect::MySQL;
    L.Functions = MysqlXFunctions;
    L.ResultTypes = MysqlXResultTypes;
    L.BatchReadHint = "one select(...).where(\"id IN (...)\") or find(\"id IN "
                      "...\") for all keys";
    L.BatchWriteHint = "one insert(...) with a values(...) call per row, or "
                       "one update/remove whose where() covers all keys";
    L.TransactionHint = "wrap the loop in one transaction "
                        "(session.startTransaction() ... session.commit())";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
