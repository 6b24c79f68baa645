//===- Mysql.cpp - MySQL/MariaDB C API, Connector/C++ 1.1 and X DevAPI ----===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// The C API runs a statement on a connection and then fetches its result
// from the connection; rows are stepped with mysql_fetch_row, whose value is
// the current row.
const ApiFunction MysqlCFunctions[] = {
    {"mysql_query", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"mysql_real_query", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"mysql_send_query", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"mysql_store_result", RoleResultOf, AccessKind::ByText, NoArg, NoArg, 0},
    {"mysql_use_result", RoleResultOf, AccessKind::ByText, NoArg, NoArg, 0},
    {"mysql_fetch_row", RoleAdvance | RoleColumnRead, AccessKind::ByText, NoArg,
     NoArg, 0},
    {"mysql_stmt_prepare", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    {"mysql_stmt_execute", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0},
    {"mysql_stmt_bind_param", RoleBind, AccessKind::ByText, NoArg, NoArg, 0, 1},
    {"mysql_stmt_fetch", RoleAdvance, AccessKind::ByText, NoArg, NoArg, 0},
    // The bind array's buffers receive the columns of each fetched row.
    {"mysql_stmt_bind_result", RoleColumnRead, AccessKind::ByText, NoArg, NoArg,
     0, 1},
    {"mysql_num_rows", RoleRowCount, AccessKind::ByText, NoArg, NoArg, 0},
    {"mysql_autocommit", RoleTransaction},
};

// Connector/C++ 1.1 (JDBC style): statements and result sets are objects,
// usually held in std::unique_ptr.
constexpr ApiFunction jdbcMethod(const char *Name, unsigned Roles,
                                 AccessKind Access = AccessKind::ByText,
                                 int Sql = NoArg, int Value = NoArg,
                                 int Arity = AnyArity) {
  return {Name, Roles, Access, Sql, NoArg, ImplicitObject, Value, Arity};
}
// `pstmt->setInt(1, id)`: the value for the first placeholder.
constexpr ApiFunction jdbcSetter(const char *Name) {
  return {Name, RoleBind, AccessKind::ByText, NoArg, 0, ImplicitObject, 1};
}
#define PSTMT "sql::PreparedStatement::"
const ApiFunction MysqlConnectorFunctions[] = {
    jdbcMethod("sql::Statement::executeQuery", RoleExecute, AccessKind::Read,
               0),
    jdbcMethod("sql::Statement::executeUpdate", RoleExecute, AccessKind::Write,
               0),
    jdbcMethod("sql::Statement::execute", RoleExecute, AccessKind::ByText, 0),
    {"sql::Connection::prepareStatement", RolePrepare, AccessKind::ByText, 0,
     NoArg, ReturnValue},
    jdbcMethod(PSTMT "executeQuery", RoleExecute, AccessKind::Read, NoArg,
               NoArg, 0),
    jdbcMethod(PSTMT "executeQuery", RoleExecute, AccessKind::Read, 0, NoArg,
               1),
    jdbcMethod(PSTMT "executeUpdate", RoleExecute, AccessKind::Write, 0, NoArg,
               1),
    jdbcMethod(PSTMT "execute", RoleExecute, AccessKind::ByText, 0, NoArg, 1),
    jdbcMethod(PSTMT "executeUpdate", RoleExecute, AccessKind::Write, NoArg,
               NoArg, 0),
    jdbcMethod(PSTMT "execute", RoleExecute, AccessKind::ByText, NoArg, NoArg,
               0),
    jdbcSetter(PSTMT "setInt"),
    jdbcSetter(PSTMT "setUInt"),
    jdbcSetter(PSTMT "setInt64"),
    jdbcSetter(PSTMT "setUInt64"),
    jdbcSetter(PSTMT "setBigInt"),
    jdbcSetter(PSTMT "setString"),
    jdbcSetter(PSTMT "setDouble"),
    jdbcSetter(PSTMT "setBoolean"),
    jdbcSetter(PSTMT "setDateTime"),
    jdbcMethod("sql::ResultSet::next", RoleAdvance),
    jdbcMethod("sql::Connection::setAutoCommit", RoleTransaction),
};
#undef PSTMT

// X DevAPI: statements are built by chained calls and run by execute(); the
// whole chain, binds included, is one statement, which may also be kept in a
// variable and bound and run later.
constexpr ApiFunction xStatement(const char *Name, AccessKind Access,
                                 int Sql = NoArg) {
  return {Name,       RolePrepare | RoleStatementInputs, Access, Sql, NoArg,
          ReturnValue};
}
constexpr ApiFunction xDirect(const char *Name, AccessKind Access,
                              unsigned Extra = 0) {
  return {Name, RoleExecute | Extra, Access, NoArg, 0};
}
constexpr ApiFunction xResult(const char *Name, unsigned Roles) {
  return {Name, Roles, AccessKind::ByText, NoArg, NoArg, ImplicitObject};
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
    {"mysqlx::Executable::execute", RoleExecute, AccessKind::ByText, NoArg,
     NoArg, ImplicitObject},
    {"mysqlx::internal::Bind_parameters::bind", RoleBind, AccessKind::ByText,
     NoArg, NoArg, ImplicitObject, 1},
    {"mysqlx::internal::Bind_placeholders::bind", RoleBind, AccessKind::ByText,
     NoArg, NoArg, ImplicitObject, 0},
    // Calls that run at once.
    xDirect("mysqlx::Collection::getOne", AccessKind::Read, RoleSingleRow),
    xDirect("mysqlx::Collection::removeOne", AccessKind::Write),
    xDirect("mysqlx::Collection::replaceOne", AccessKind::Write),
    xDirect("mysqlx::Collection::addOrReplaceOne", AccessKind::Write),
    xDirect("mysqlx::Collection::count", AccessKind::Read),
    xDirect("mysqlx::Table::count", AccessKind::Read),
    xResult("mysqlx::RowResult::fetchOne", RoleAdvance | RoleColumnRead),
    xResult("mysqlx::SqlResult::fetchOne", RoleAdvance | RoleColumnRead),
    xResult("mysqlx::DocResult::fetchOne", RoleAdvance | RoleColumnRead),
    xResult("mysqlx::RowResult::fetchAll", RoleResultOf),
    xResult("mysqlx::SqlResult::fetchAll", RoleResultOf),
    xResult("mysqlx::DocResult::fetchAll", RoleResultOf),
    xResult("mysqlx::Session::startTransaction", RoleTransaction),
};
const char *const MysqlXResultTypes[] = {
    "mysqlx::RowResult", "mysqlx::SqlResult", "mysqlx::DocResult"};

const char MysqlBind[] =
    "build the list with one placeholder per key (IN (?, ?, ...)) and bind "
    "every key";
const char MysqlWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... "
    "WHERE id IN (...)";
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
    L.BatchBindHint = MysqlBind;
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
    L.Functions = MysqlConnectorFunctions;
    L.BatchBindHint = MysqlBind;
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
    L.BatchBindHint = MysqlBind;
    L.BatchReadHint = "run one select(...).where(\"id IN (...)\") (or "
                      "find(\"id IN ...\")) for all keys";
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
