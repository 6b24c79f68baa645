//===- SqlClients.cpp - Qt SQL, SOCI, Poco::Data, cppdb, ODBC, sqlpp11 ----===//
//
// Clients that talk to many SQL databases; their batched SQL is spelled in
// the generic dialect unless SqlDialect says otherwise.
//
//===----------------------------------------------------------------------===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

constexpr ApiFunction onObject(const char *Name, unsigned Roles,
                               int Sql = NoArg, int Value = NoArg,
                               int Arity = AnyArity,
                               AccessKind Access = AccessKind::ByText) {
  return {Name, Roles, Access, Sql, NoArg, ImplicitObject, Value, Arity};
}

// Qt SQL. QSqlQuery runs the SQL given to its constructor or to exec(QString);
// exec() runs what prepare() compiled, with the values bound since.
const ApiFunction QtSqlFunctions[] = {
    {"QSqlQuery::QSqlQuery", RoleExecute, AccessKind::ByText, 0, NoArg,
     ReturnValue, NoArg, 2},
    onObject("QSqlQuery::exec", RoleExecute, NoArg, NoArg, 0),
    onObject("QSqlQuery::exec", RoleExecute, 0, NoArg, 1),
    onObject("QSqlQuery::execBatch", RoleExecute),
    onObject("QSqlQuery::prepare", RolePrepare, 0),
    onObject("QSqlQuery::bindValue", RoleBind, NoArg, 1),
    onObject("QSqlQuery::addBindValue", RoleBind, NoArg, 0),
    onObject("QSqlQuery::next", RoleAdvance),
    onObject("QSqlQuery::seek", RoleAdvance),
    onObject("QSqlQuery::value", RoleColumnRead),
    onObject("QSqlQuery::record", RoleColumnRead),
    {"QSqlDatabase::exec", RoleExecute, AccessKind::ByText, 0},
    onObject("QSqlTableModel::select", RoleExecute, NoArg, NoArg, AnyArity,
             AccessKind::Read),
    onObject("QSqlRelationalTableModel::select", RoleExecute, NoArg, NoArg,
             AnyArity, AccessKind::Read),
    {"QSqlQueryModel::setQuery", RoleExecute, AccessKind::Read, 0},
};

// SOCI. `sql << "..."` runs when the full expression ends, with the into()
// and use() elements that follow it; `sql.prepare << "..."` compiles a
// statement or a rowset. into() receives a column of each fetched row.
const ApiFunction SociFunctions[] = {
    {"soci::session::operator<<", RoleExecute | RoleStatementInputs,
     AccessKind::ByText, 0},
    {"soci::details::prepare_type::operator<<",
     RolePrepare | RoleStatementInputs, AccessKind::ByText, 0, NoArg,
     ReturnValue},
    {"soci::rowset::rowset", RoleExecute, AccessKind::Read, NoArg, NoArg,
     ReturnValue},
    onObject("soci::statement::execute", RoleExecute),
    onObject("soci::statement::fetch", RoleAdvance),
    {"soci::into", RoleColumnRead, AccessKind::ByText, NoArg, NoArg, NoArg, 0},
};
const char *const SociResultTypes[] = {"soci::rowset"};

// Poco::Data. `session << "...", into(x), use(y), now` runs at `now`; a
// RecordSet built from a session and SQL runs it.
const ApiFunction PocoFunctions[] = {
    {"Poco::Data::Session::operator<<", RoleExecute | RoleStatementInputs,
     AccessKind::ByText, 0},
    {"Poco::Data::RecordSet::RecordSet", RoleExecute, AccessKind::ByText, 1,
     NoArg, ReturnValue},
    // `Statement select(session); select << "...", into(x);` compiles it.
    {"Poco::Data::Statement::operator<<", RolePrepare | RoleStatementInputs,
     AccessKind::ByText, 0, NoArg, ImplicitObject},
    onObject("Poco::Data::Statement::execute", RoleExecute),
    onObject("Poco::Data::RecordSet::moveNext", RoleAdvance),
    onObject("Poco::Data::RecordSet::value", RoleColumnRead),
    {"Poco::Data::Keywords::into", RoleColumnRead, AccessKind::ByText, NoArg,
     NoArg, NoArg, 0},
};
const char *const PocoResultTypes[] = {"Poco::Data::RecordSet"};

// cppdb. `sql << "..." << value` builds a statement that runs through
// query(), row(), exec(), a conversion to result or the cppdb::row /
// cppdb::exec manipulators, usually in the same expression; a statement
// kept in a variable is run by its own query(), row() or exec().
const ApiFunction CppdbFunctions[] = {
    {"cppdb::session::operator<<", RoleExecute | RoleStatementInputs,
     AccessKind::ByText, 0, NoArg, ReturnValue},
    onObject("cppdb::statement::query", RoleExecute),
    onObject("cppdb::statement::row", RoleExecute),
    onObject("cppdb::statement::exec", RoleExecute),
    onObject("cppdb::statement::operator<<", RoleBind, NoArg, 0),
    onObject("cppdb::statement::bind", RoleBind, NoArg, 0, 1),
    onObject("cppdb::statement::bind", RoleBind, NoArg, 1, 2),
    onObject("cppdb::result::next", RoleAdvance),
    onObject("cppdb::result::get", RoleColumnRead),
    onObject("cppdb::result::fetch", RoleColumnRead, NoArg, 1),
    onObject("cppdb::result::operator>>", RoleColumnRead, NoArg, 0),
};
const char *const CppdbResultTypes[] = {"cppdb::result"};

// ODBC. A statement handle runs SQL directly or as prepared, then steps its
// rows with SQLFetch; SQLGetData and SQLBindCol buffers receive the columns.
const ApiFunction OdbcFunctions[] = {
    {"SQLExecDirect", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"SQLExecDirectW", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"SQLPrepare", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    {"SQLPrepareW", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    {"SQLExecute", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLBindParameter", RoleBind, AccessKind::ByText, NoArg, NoArg, 0, 7},
    {"SQLFetch", RoleAdvance, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLFetchScroll", RoleAdvance, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLGetData", RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0, 3},
    {"SQLBindCol", RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0, 3},
};

// nanodbc: free functions and statement methods run SQL; a result steps its
// rows with next().
const ApiFunction NanodbcFunctions[] = {
    {"nanodbc::execute", RoleExecute, AccessKind::ByText, 1, NoArg, 0, NoArg,
     AnyArity},
    {"nanodbc::just_execute", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"nanodbc::query", RoleExecute, AccessKind::Read, 1, NoArg, 0},
    {"nanodbc::prepare", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    onObject("nanodbc::statement::prepare", RolePrepare, 0, NoArg, AnyArity),
    onObject("nanodbc::statement::execute", RoleExecute),
    onObject("nanodbc::statement::just_execute", RoleExecute),
    onObject("nanodbc::statement::execute_direct", RoleExecute, 1),
    onObject("nanodbc::statement::bind", RoleBind, NoArg, 1),
    onObject("nanodbc::result::next", RoleAdvance),
    onObject("nanodbc::result::get", RoleColumnRead),
};
const char *const NanodbcResultTypes[] = {"nanodbc::result"};

// sqlpp11: `db(statement)` runs a statement built as a typed expression;
// its type says whether it writes.
const ApiFunction Sqlpp11Functions[] = {
    {"sqlpp::postgresql::connection_base::operator()", RoleExecute,
     AccessKind::ByText, 0},
    {"sqlpp::sqlite3::connection_base::operator()", RoleExecute,
     AccessKind::ByText, 0},
    {"sqlpp::mysql::connection_base::operator()", RoleExecute,
     AccessKind::ByText, 0},
    {"sqlpp::postgresql::connection::operator()", RoleExecute,
     AccessKind::ByText, 0},
    {"sqlpp::sqlite3::connection::operator()", RoleExecute, AccessKind::ByText,
     0},
    {"sqlpp::mysql::connection::operator()", RoleExecute, AccessKind::ByText,
     0},
};
const char *const Sqlpp11ResultTypes[] = {"sqlpp::result_t"};
const char *const Sqlpp11WriteTypes[] = {"sqlpp::insert_t", "sqlpp::update_t",
                                         "sqlpp::remove_t"};

const char InListBind[] =
    "build the list with one placeholder per key (IN (?, ?, ...)) and bind "
    "every key";
const char MultiRowWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... "
    "WHERE id IN (...)";

} // namespace

const LibraryModel &qtSql() {
  static const LibraryModel M{
      "qt",
      "Qt SQL",
      SqlDialect::Generic,
      QtSqlFunctions,
      {},
      "prepare() it once with one placeholder per key (IN (?, ?, ...)) and "
      "addBindValue() every key",
      "prepare() the statement once and run it with execBatch(), binding one "
      "QVariantList per placeholder with addBindValue()",
      "wrap the loop in QSqlDatabase::transaction() ... commit(): outside a "
      "transaction every statement commits on its own"};
  return M;
}

const LibraryModel &soci() {
  static const LibraryModel M{
      "soci",
      "SOCI",
      SqlDialect::Generic,
      SociFunctions,
      SociResultTypes,
      InListBind,
      "bind whole vectors: one statement with use(std::vector<T>) runs for "
      "every element in one round trip",
      "wrap the loop in one soci::transaction tr(sql); ... tr.commit()",
      nullptr,
      {},
      {},
      {},
      "one query over all keys (WHERE id IN (...)) reading into(std::vector) "
      "for every column"};
  return M;
}

const LibraryModel &poco() {
  static const LibraryModel M{
      "poco",
      "Poco::Data",
      SqlDialect::Generic,
      PocoFunctions,
      PocoResultTypes,
      InListBind,
      "bind whole vectors: one statement with use(std::vector<T>) runs for "
      "every element (bulk binding)",
      "wrap the loop in session.begin() ... session.commit()",
      nullptr,
      {},
      {},
      {},
      "one query over all keys (WHERE id IN (...)) reading into(std::vector) "
      "for every column"};
  return M;
}

const LibraryModel &cppdb() {
  static const LibraryModel M{
      "cppdb",
      "cppdb",
      SqlDialect::Generic,
      CppdbFunctions,
      CppdbResultTypes,
      InListBind,
      MultiRowWrite,
      "wrap the loop in one cppdb::transaction guard(sql); ... "
      "guard.commit()"};
  return M;
}

const LibraryModel &odbc() {
  static const LibraryModel M{
      "odbc",
      "ODBC",
      SqlDialect::Generic,
      OdbcFunctions,
      {},
      InListBind,
      "one statement for all rows: a multi-row INSERT, or bind parameter "
      "arrays (SQL_ATTR_PARAMSET_SIZE) and run SQLExecute once",
      "turn autocommit off (SQL_ATTR_AUTOCOMMIT) and SQLEndTran once after "
      "the loop"};
  return M;
}

const LibraryModel &nanodbc() {
  static const LibraryModel M{
      "nanodbc",
      "nanodbc",
      SqlDialect::Generic,
      NanodbcFunctions,
      NanodbcResultTypes,
      InListBind,
      "bind arrays of values (statement::bind with a batch of elements) and "
      "run execute(batch_size) once",
      "wrap the loop in one nanodbc::transaction and commit() once"};
  return M;
}

const LibraryModel &sqlpp11() {
  static const LibraryModel M{
      "sqlpp11",
      "sqlpp11",
      SqlDialect::Generic,
      Sqlpp11Functions,
      Sqlpp11ResultTypes,
      "bind all keys at once",
      "one insert_into(t).columns(...) with one add(...) per row, or one "
      "update/remove_from whose where() covers all keys with in()",
      "wrap the loop in one transaction (auto tx = start_transaction(db); "
      "... tx.commit())",
      nullptr,
      {},
      Sqlpp11WriteTypes,
      {},
      "one select(...).where(t.column.in(sqlpp::value_list(keys))) for all "
      "keys"};
  return M;
}

} // namespace models
} // namespace nplusone
