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
    {"QSqlQuery::bindValue", RoleBind | RoleZeroBasedPosition,
     AccessKind::ByText, NoArg, 0, ImplicitObject, 1},
    onObject("QSqlQuery::addBindValue", RoleBind, NoArg, 0),
    onObject("QSqlQuery::next", RoleAdvance),
    onObject("QSqlQuery::seek", RoleAdvance),
    onObject("QSqlQuery::value", RoleColumnRead),
    onObject("QSqlQuery::record", RoleColumnRead),
    {"QSqlDatabase::exec", RoleExecute, AccessKind::ByText, 0},
    onObject("QSqlDatabase::transaction", RoleTransaction),
    onObject("QSqlTableModel::select", RoleExecute, NoArg, NoArg, AnyArity,
             AccessKind::Read),
    onObject("QSqlRelationalTableModel::select", RoleExecute, NoArg, NoArg,
             AnyArity, AccessKind::Read),
    {"QSqlQueryModel::setQuery", RoleExecute, AccessKind::Read, 0, NoArg,
     ImplicitObject},
    onObject("QSqlQueryModel::rowCount", RoleRowCount),
    onObject("QSqlQueryModel::record", RoleColumnRead),
    onObject("QSqlQueryModel::data", RoleColumnRead),
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
    {"soci::transaction::transaction", RoleTransaction},
    onObject("soci::session::begin", RoleTransaction),
};
const char *const SociResultTypes[] = {"soci::rowset"};

// Poco::Data. `session << "..."` compiles a statement; it runs at the `now`
// manipulator of the same expression or at execute(); into() receives a
// column of each row. A RecordSet built from a session and SQL runs it; one
// built from a statement holds that statement's result.
const ApiFunction PocoFunctions[] = {
    {"Poco::Data::Session::operator<<", RolePrepare | RoleStatementInputs,
     AccessKind::ByText, 0, NoArg, ReturnValue},
    {"Poco::Data::RecordSet::RecordSet", RoleExecute, AccessKind::ByText, 1,
     NoArg, ReturnValue, NoArg, 3},
    {"Poco::Data::RecordSet::RecordSet", RoleResultOf, AccessKind::ByText,
     NoArg, NoArg, 0, NoArg, 2},
    // `Statement select(session); select << "...", into(x);` compiles it.
    {"Poco::Data::Statement::operator<<", RolePrepare | RoleStatementInputs,
     AccessKind::ByText, 0, NoArg, ImplicitObject},
    onObject("Poco::Data::Statement::execute", RoleExecute),
    // `while (!select.done()) select.execute();` pages through the rows.
    onObject("Poco::Data::Statement::done", RoleAdvance),
    onObject("Poco::Data::RecordSet::moveNext", RoleAdvance),
    onObject("Poco::Data::RecordSet::rowCount", RoleRowCount),
    onObject("Poco::Data::RecordSet::value", RoleColumnRead),
    {"Poco::Data::Keywords::into", RoleColumnRead, AccessKind::ByText, NoArg,
     NoArg, NoArg, 0},
    onObject("Poco::Data::Session::begin", RoleTransaction),
    {"Poco::Data::Transaction::Transaction", RoleTransaction},
};
const char *const PocoRunManipulators[] = {"Poco::Data::Keywords::now"};
const char *const PocoResultTypes[] = {"Poco::Data::RecordSet"};

// cppdb. `sql << "..." << value` compiles a statement and binds values; it
// runs through query(), row(), exec(), a conversion to result or the
// cppdb::exec / cppdb::row manipulators.
const ApiFunction CppdbFunctions[] = {
    {"cppdb::session::operator<<", RolePrepare | RoleStatementInputs,
     AccessKind::ByText, 0, NoArg, ReturnValue},
    onObject("cppdb::statement::query", RoleExecute),
    onObject("cppdb::statement::row", RoleExecute),
    onObject("cppdb::statement::exec", RoleExecute),
    onObject("cppdb::statement::operator cppdb::result", RoleExecute),
    onObject("cppdb::statement::operator<<", RoleBind, NoArg, 0),
    onObject("cppdb::statement::bind", RoleBind, NoArg, 0, 1),
    {"cppdb::statement::bind", RoleBind, AccessKind::ByText, NoArg, 0,
     ImplicitObject, 1, 2},
    onObject("cppdb::result::next", RoleAdvance),
    onObject("cppdb::result::get", RoleColumnRead),
    onObject("cppdb::result::fetch", RoleColumnRead, NoArg, 1),
    onObject("cppdb::result::operator>>", RoleColumnRead, NoArg, 0),
    {"cppdb::transaction::transaction", RoleTransaction},
    onObject("cppdb::session::begin", RoleTransaction),
};
const char *const CppdbRunManipulators[] = {"cppdb::exec", "cppdb::row"};
const char *const CppdbResultTypes[] = {"cppdb::result"};

// ODBC. A statement handle runs SQL directly or as prepared, then steps its
// rows with SQLFetch; SQLGetData and SQLBindCol buffers receive the columns.
const ApiFunction OdbcFunctions[] = {
    {"SQLExecDirect", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"SQLExecDirectW", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"SQLPrepare", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    {"SQLPrepareW", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    {"SQLExecute", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLBindParameter", RoleBind, AccessKind::ByText, NoArg, 1, 0, 7},
    {"SQLFetch", RoleAdvance, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLFetchScroll", RoleAdvance, AccessKind::ByText, NoArg, NoArg, 0},
    {"SQLGetData", RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0, 3},
    {"SQLBindCol", RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0, 3},
    {"SQLSetConnectAttr", RoleTransaction},
};

// nanodbc: free functions and statement methods run SQL; a result steps its
// rows with next().
const ApiFunction NanodbcFunctions[] = {
    // execute(connection&, query, batch, timeout) runs SQL; execute(statement
    // &, batch) runs a prepared statement.
    {"nanodbc::execute", RoleExecute, AccessKind::ByText, 1, NoArg, 0, NoArg,
     4},
    {"nanodbc::just_execute", RoleExecute, AccessKind::ByText, 1, NoArg, 0,
     NoArg, 4},
    {"nanodbc::execute", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0,
     NoArg, 2},
    {"nanodbc::just_execute", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0,
     NoArg, 2},
    {"nanodbc::transact", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0,
     NoArg, 2},
    {"nanodbc::just_transact", RoleExecute, AccessKind::ByText, NoArg, NoArg, 0,
     NoArg, 2},
    {"nanodbc::query", RoleExecute, AccessKind::Read, 1, NoArg, 0},
    {"nanodbc::prepare", RolePrepare, AccessKind::ByText, 1, NoArg, 0},
    // statement(connection&, query, timeout) prepares.
    {"nanodbc::statement::statement", RolePrepare, AccessKind::ByText, 1, NoArg,
     ReturnValue, NoArg, 3},
    onObject("nanodbc::statement::prepare", RolePrepare, 0, NoArg, 1),
    onObject("nanodbc::statement::prepare", RolePrepare, 0, NoArg, 2),
    onObject("nanodbc::statement::prepare", RolePrepare, 1, NoArg, 3),
    onObject("nanodbc::statement::execute", RoleExecute),
    onObject("nanodbc::statement::just_execute", RoleExecute),
    onObject("nanodbc::statement::execute_direct", RoleExecute, 1),
    onObject("nanodbc::statement::just_execute_direct", RoleExecute, 1),
    onObject("nanodbc::statement::bind", RoleBind, NoArg, 1),
    onObject("nanodbc::result::next", RoleAdvance),
    onObject("nanodbc::result::get", RoleColumnRead),
    {"nanodbc::transaction::transaction", RoleTransaction},
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
    // `while (!r.empty()) { row = r.front(); ...; r.pop_front(); }`.
    onObject("sqlpp::result_t::empty", RoleAdvance),
    onObject("sqlpp::result_t::front", RoleColumnRead),
    onObject("sqlpp::postgresql::connection_base::start_transaction",
             RoleTransaction),
    onObject("sqlpp::sqlite3::connection_base::start_transaction",
             RoleTransaction),
    onObject("sqlpp::mysql::connection_base::start_transaction",
             RoleTransaction),
    {"sqlpp::start_transaction", RoleTransaction},
};
const char *const Sqlpp11ResultTypes[] = {"sqlpp::result_t"};
const StatementType Sqlpp11WriteTypes[] = {{"sqlpp::insert_t", "INSERT"},
                                           {"sqlpp::update_t", "UPDATE"},
                                           {"sqlpp::remove_t", "DELETE"}};
const char *const Sqlpp11Builders[] = {"sqlpp::"};

const char InListBind[] =
    "build the list with one placeholder per key (IN (?, ?, ...)) and bind "
    "every key";
// SOCI and Poco read whole columns into vectors in one round trip.
const char BulkIntoRead[] =
    "load all rows in one query with 'IN (...)' (one placeholder per key), "
    "reading each column into a std::vector with into(), or JOIN it into the "
    "outer query";
const char MultiRowWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... "
    "WHERE id IN (...)";

} // namespace

const LibraryModel &qtSql() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "qt";
    L.DisplayName = "Qt SQL";
    L.Functions = QtSqlFunctions;
    L.BatchBindHint = "prepare() it once with one placeholder per key (IN "
                      "(?, ?, ...)) and addBindValue() every key";
    L.BatchWriteHint = "prepare() the statement once and run it with "
                       "execBatch(), binding one QVariantList per "
                       "placeholder with addBindValue()";
    L.TransactionHint = "wrap the loop in QSqlDatabase::transaction() ... "
                        "commit(): outside a transaction every statement "
                        "commits on its own";
    return L;
  }();
  return M;
}

const LibraryModel &soci() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "soci";
    L.DisplayName = "SOCI";
    L.Functions = SociFunctions;
    L.ResultTypes = SociResultTypes;
    L.BatchBindHint = InListBind;
    L.TextBatchReadHint = BulkIntoRead;
    L.BatchWriteHint = "bind whole vectors: one statement with "
                       "use(std::vector<T>) runs for every element in one "
                       "round trip";
    L.TransactionHint =
        "wrap the loop in one soci::transaction tr(sql); ... tr.commit()";
    return L;
  }();
  return M;
}

const LibraryModel &poco() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "poco";
    L.DisplayName = "Poco::Data";
    L.Functions = PocoFunctions;
    L.ResultTypes = PocoResultTypes;
    L.RunManipulators = PocoRunManipulators;
    L.BatchBindHint = InListBind;
    L.TextBatchReadHint = BulkIntoRead;
    L.BatchWriteHint = "bind whole vectors: one statement with "
                       "use(std::vector<T>) runs for every element (bulk "
                       "binding)";
    L.TransactionHint = "wrap the loop in session.begin() ... session.commit()";
    return L;
  }();
  return M;
}

const LibraryModel &cppdb() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "cppdb";
    L.DisplayName = "cppdb";
    L.Functions = CppdbFunctions;
    L.ResultTypes = CppdbResultTypes;
    L.RunManipulators = CppdbRunManipulators;
    L.BatchBindHint = InListBind;
    L.BatchWriteHint = MultiRowWrite;
    L.TransactionHint = "wrap the loop in one cppdb::transaction guard(sql); "
                        "... guard.commit()";
    return L;
  }();
  return M;
}

const LibraryModel &odbc() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "odbc";
    L.DisplayName = "ODBC";
    L.Functions = OdbcFunctions;
    L.BatchBindHint = InListBind;
    L.BatchWriteHint = "one statement for all rows: a multi-row INSERT, or "
                       "bind parameter arrays (SQL_ATTR_PARAMSET_SIZE) and run "
                       "SQLExecute once";
    L.TransactionHint = "turn autocommit off (SQL_ATTR_AUTOCOMMIT) and "
                        "SQLEndTran once after the loop";
    return L;
  }();
  return M;
}

const LibraryModel &nanodbc() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "nanodbc";
    L.DisplayName = "nanodbc";
    L.Functions = NanodbcFunctions;
    L.ResultTypes = NanodbcResultTypes;
    L.BatchBindHint = InListBind;
    L.BatchWriteHint = "bind arrays of values (statement::bind with a batch "
                       "of elements) and run execute(batch_size) once";
    L.TransactionHint =
        "wrap the loop in one nanodbc::transaction and commit() once";
    return L;
  }();
  return M;
}

const LibraryModel &sqlpp11() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "sqlpp11";
    L.DisplayName = "sqlpp11";
    L.Functions = Sqlpp11Functions;
    L.ResultTypes = Sqlpp11ResultTypes;
    L.WriteStatementTypes = Sqlpp11WriteTypes;
    L.BuilderNamespaces = Sqlpp11Builders;
    L.BatchReadHint = "run one "
                      "select(...).where(t.column.in(sqlpp::value_list(keys))) "
                      "for all keys";
    L.BatchWriteHint = "one insert_into(t).columns(...) with one add(...) per "
                       "row, or one update/remove_from whose where() covers "
                       "all keys with in()";
    L.TransactionHint = "wrap the loop in one transaction (auto tx = "
                        "start_transaction(db); ... tx.commit())";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
