//===- SqlClients.cpp - Qt SQL, SOCI, Poco::Data, cppdb, ODBC, sqlpp11 ----===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Clients that talk to many SQL databases; their batched SQL is spelled in
// the generic dialect unless SqlDialect says otherwise.
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// Qt SQL. QSqlQuery runs the SQL given to its constructor or to exec(QString);
// exec() runs what prepare() compiled, with the values bound since.
const ApiFunction QtSqlFunctions[] = {
    api("QSqlQuery::QSqlQuery", RoleExecute)
        .sqlAt(0)
        .handleAt(ReturnValue)
        .arity(2),
    method("QSqlQuery::exec", RoleExecute).arity(0),
    method("QSqlQuery::exec", RoleExecute).sqlAt(0).arity(1),
    method("QSqlQuery::execBatch", RoleExecute),
    method("QSqlQuery::prepare", RolePrepare).sqlAt(0),
    method("QSqlQuery::bindValue", RoleBind | RoleZeroBasedPosition)
        .paramsFrom(0)
        .valueAt(1),
    method("QSqlQuery::addBindValue", RoleBind).valueAt(0),
    method("QSqlQuery::next", RoleAdvance),
    method("QSqlQuery::seek", RoleAdvance),
    method("QSqlQuery::value", RoleColumnRead),
    method("QSqlQuery::record", RoleColumnRead),
    api("QSqlDatabase::exec", RoleExecute).sqlAt(0),
    method("QSqlDatabase::transaction", RoleTransaction),
    method("QSqlDatabase::commit", RoleTransactionEnd),
    method("QSqlDatabase::rollback", RoleTransactionEnd),
    // The overload taking a QSqlDriver object names no driver.
    api("QSqlDatabase::addDatabase", RoleSelectDriver)
        .sqlAt(0)
        .sqlOfType("QString"),
    method("QSqlTableModel::select", RoleExecute).reads(),
    method("QSqlRelationalTableModel::select", RoleExecute).reads(),
    method("QSqlQueryModel::setQuery", RoleExecute).reads().sqlAt(0),
    method("QSqlQueryModel::rowCount", RoleRowCount),
    method("QSqlQueryModel::record", RoleColumnRead),
    method("QSqlQueryModel::data", RoleColumnRead),
    // QSqlTableModel overrides (or hides) the model's readers.
    method("QSqlTableModel::rowCount", RoleRowCount),
    method("QSqlTableModel::record", RoleColumnRead),
    method("QSqlTableModel::data", RoleColumnRead),
    method("QSqlRelationalTableModel::data", RoleColumnRead),
};

// SOCI. `sql << "..."` runs when the full expression ends, with the into()
// and use() elements that follow it; `sql.prepare << "..."` compiles a
// statement or a rowset. into() receives a column of each fetched row.
const ApiFunction SociFunctions[] = {
    api("soci::session::operator<<", RoleExecute | RoleStatementInputs)
        .sqlAt(0),
    api("soci::details::prepare_type::operator<<",
        RolePrepare | RoleStatementInputs)
        .sqlAt(0)
        .handleAt(ReturnValue),
    api("soci::rowset::rowset", RoleExecute).reads().handleAt(ReturnValue),
    method("soci::statement::execute", RoleExecute),
    method("soci::statement::fetch", RoleAdvance),
    api("soci::into", RoleColumnRead).valueAt(0),
    api("soci::transaction::transaction", RoleTransaction),
    method("soci::session::begin", RoleTransaction),
    method("soci::session::commit", RoleTransactionEnd),
    method("soci::session::rollback", RoleTransactionEnd),
    method("soci::transaction::commit", RoleTransactionEnd),
    method("soci::transaction::rollback", RoleTransactionEnd),
};
const char *const SociResultTypes[] = {"soci::rowset"};

// Poco::Data. `session << "..."` compiles a statement; it runs at the `now`
// manipulator of the same expression or at execute(); into() receives a
// column of each row. A RecordSet built from a session and SQL runs it; one
// built from a statement holds that statement's result.
const ApiFunction PocoFunctions[] = {
    api("Poco::Data::Session::operator<<", RolePrepare | RoleStatementInputs)
        .sqlAt(0)
        .handleAt(ReturnValue),
    api("Poco::Data::RecordSet::RecordSet", RoleExecute)
        .sqlAt(1)
        .handleAt(ReturnValue)
        .arity(3),
    api("Poco::Data::RecordSet::RecordSet", RoleResultOf).handleAt(0).arity(2),
    // `Statement select(session); select << "...", into(x);` compiles it.
    method("Poco::Data::Statement::operator<<",
           RolePrepare | RoleStatementInputs)
        .sqlAt(0),
    method("Poco::Data::Statement::execute", RoleExecute),
    // `while (!select.done()) select.execute();` pages through the rows.
    method("Poco::Data::Statement::done", RoleAdvance),
    method("Poco::Data::RecordSet::moveNext", RoleAdvance),
    method("Poco::Data::RecordSet::rowCount", RoleRowCount),
    method("Poco::Data::RecordSet::value", RoleColumnRead).rowAt(1),
    api("Poco::Data::Keywords::into", RoleColumnRead).valueAt(0),
    method("Poco::Data::Session::begin", RoleTransaction),
    method("Poco::Data::Session::commit", RoleTransactionEnd),
    method("Poco::Data::Session::rollback", RoleTransactionEnd),
    method("Poco::Data::Transaction::commit", RoleTransactionEnd),
    method("Poco::Data::Transaction::rollback", RoleTransactionEnd),
    api("Poco::Data::Transaction::Transaction", RoleTransaction),
};
const char *const PocoRunManipulators[] = {"Poco::Data::Keywords::now"};
const char *const PocoResultTypes[] = {"Poco::Data::RecordSet"};

// cppdb. `sql << "..." << value` compiles a statement and binds values; it
// runs through query(), row(), exec(), a conversion to result or the
// cppdb::exec / cppdb::row manipulators.
const ApiFunction CppdbFunctions[] = {
    api("cppdb::session::operator<<", RolePrepare | RoleStatementInputs)
        .sqlAt(0)
        .handleAt(ReturnValue),
    method("cppdb::statement::query", RoleExecute),
    method("cppdb::statement::row", RoleExecute),
    method("cppdb::statement::exec", RoleExecute),
    method("cppdb::statement::operator cppdb::result", RoleExecute),
    method("cppdb::statement::operator<<", RoleBind).valueAt(0),
    method("cppdb::statement::bind", RoleBind).valueAt(0).arity(1),
    method("cppdb::statement::bind", RoleBind)
        .paramsFrom(0)
        .valueAt(1)
        .arity(2),
    method("cppdb::result::next", RoleAdvance),
    method("cppdb::result::get", RoleColumnRead),
    method("cppdb::result::fetch", RoleColumnRead).valueAt(1),
    method("cppdb::result::operator>>", RoleColumnRead).valueAt(0),
    api("cppdb::transaction::transaction", RoleTransaction),
    method("cppdb::session::begin", RoleTransaction),
    method("cppdb::session::commit", RoleTransactionEnd),
    method("cppdb::session::rollback", RoleTransactionEnd),
    method("cppdb::transaction::commit", RoleTransactionEnd),
    method("cppdb::transaction::rollback", RoleTransactionEnd),
};
const char *const CppdbRunManipulators[] = {"cppdb::exec", "cppdb::row"};
const char *const CppdbResultTypes[] = {"cppdb::result"};

// ODBC. A statement handle runs SQL directly or as prepared, then steps its
// rows with SQLFetch; SQLGetData and SQLBindCol buffers receive the columns.
const ApiFunction OdbcFunctions[] = {
    api("SQLExecDirect", RoleExecute).sqlAt(1).handleAt(0),
    api("SQLExecDirectW", RoleExecute).sqlAt(1).handleAt(0),
    api("SQLPrepare", RolePrepare).sqlAt(1).handleAt(0),
    api("SQLPrepareW", RolePrepare).sqlAt(1).handleAt(0),
    api("SQLExecute", RoleExecute).handleAt(0),
    api("SQLBindParameter", RoleBind).paramsFrom(1).handleAt(0).valueAt(7),
    api("SQLFetch", RoleAdvance).handleAt(0),
    api("SQLFetchScroll", RoleAdvance).handleAt(0),
    api("SQLGetData", RoleColumnRead).handleAt(0).valueAt(3),
    api("SQLBindCol", RoleColumnRead).handleAt(0).valueAt(3),
    api("SQLSetConnectAttr", RoleTransaction),
};

// nanodbc: free functions and statement methods run SQL; a result steps its
// rows with next().
const ApiFunction NanodbcFunctions[] = {
    // execute(connection&, query, batch, timeout) runs SQL; execute(statement
    // &, batch) runs a prepared statement.
    api("nanodbc::execute", RoleExecute).sqlAt(1).handleAt(0).arity(4),
    api("nanodbc::just_execute", RoleExecute).sqlAt(1).handleAt(0).arity(4),
    api("nanodbc::execute", RoleExecute).handleAt(0).arity(2),
    api("nanodbc::just_execute", RoleExecute).handleAt(0).arity(2),
    api("nanodbc::transact", RoleExecute).handleAt(0).arity(2),
    api("nanodbc::just_transact", RoleExecute).handleAt(0).arity(2),
    api("nanodbc::query", RoleExecute).reads().sqlAt(1).handleAt(0),
    api("nanodbc::prepare", RolePrepare).sqlAt(1).handleAt(0),
    // statement(connection&, query, timeout) prepares.
    api("nanodbc::statement::statement", RolePrepare)
        .sqlAt(1)
        .handleAt(ReturnValue)
        .arity(3),
    method("nanodbc::statement::prepare", RolePrepare).sqlAt(0).arity(1),
    method("nanodbc::statement::prepare", RolePrepare).sqlAt(0).arity(2),
    method("nanodbc::statement::prepare", RolePrepare).sqlAt(1).arity(3),
    method("nanodbc::statement::execute", RoleExecute),
    method("nanodbc::statement::just_execute", RoleExecute),
    method("nanodbc::statement::execute_direct", RoleExecute).sqlAt(1),
    method("nanodbc::statement::just_execute_direct", RoleExecute).sqlAt(1),
    method("nanodbc::statement::bind", RoleBind).valueAt(1),
    method("nanodbc::result::next", RoleAdvance),
    method("nanodbc::result::get", RoleColumnRead),
    api("nanodbc::transaction::transaction", RoleTransaction),
};
const char *const NanodbcResultTypes[] = {"nanodbc::result"};

// sqlpp11: `db(statement)` runs a statement built as a typed expression;
// its type says whether it writes.
const ApiFunction Sqlpp11Functions[] = {
    api("sqlpp::postgresql::connection_base::operator()", RoleExecute).sqlAt(0),
    api("sqlpp::sqlite3::connection_base::operator()", RoleExecute).sqlAt(0),
    api("sqlpp::mysql::connection_base::operator()", RoleExecute).sqlAt(0),
    api("sqlpp::postgresql::connection::operator()", RoleExecute).sqlAt(0),
    api("sqlpp::sqlite3::connection::operator()", RoleExecute).sqlAt(0),
    api("sqlpp::mysql::connection::operator()", RoleExecute).sqlAt(0),
    // `while (!r.empty()) { row = r.front(); ...; r.pop_front(); }`.
    method("sqlpp::result_t::empty", RoleAdvance),
    method("sqlpp::result_t::front", RoleColumnRead),
    method("sqlpp::postgresql::connection_base::start_transaction",
           RoleTransaction),
    method("sqlpp::sqlite3::connection_base::start_transaction",
           RoleTransaction),
    method("sqlpp::mysql::connection_base::start_transaction", RoleTransaction),
    api("sqlpp::start_transaction", RoleTransaction),
};
const char *const Sqlpp11ResultTypes[] = {"sqlpp::result_t"};
const StatementType Sqlpp11WriteTypes[] = {{"sqlpp::insert_t", "INSERT"},
                                           {"sqlpp::update_t", "UPDATE"},
                                           {"sqlpp::remove_t", "DELETE"}};
const char *const Sqlpp11Builders[] = {"sqlpp::"};

// SOCI and Poco read whole columns into vectors in one round trip.
const char BulkIntoRead[] = "one query with 'IN (...)' for all keys, each "
                            "column read into a std::vector with into()";
// Qt's SQLite drivers, and SQLCipher's, which is SQLite with encryption.
const char *const QtInProcessDrivers[] = {"QSQLITE", "QSQLITE2", "QSQLCIPHER"};
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
    L.BatchBindHint = "with one ? per key, each given with addBindValue()";
    L.BatchWriteHint = "prepare() it once and run execBatch(), one "
                       "QVariantList bound per placeholder";
    L.TransactionHint = "wrap the loop in QSqlDatabase::transaction() ... "
                        "commit(): outside a transaction every statement "
                        "commits on its own";
    L.InProcessDrivers = QtInProcessDrivers;
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
    L.BatchWriteHint = "a multi-row INSERT, or parameter arrays "
                       "(SQL_ATTR_PARAMSET_SIZE) run by one SQLExecute";
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
    L.BatchReadHint =
        "one select(...).where(t.column.in(sqlpp::value_list(keys))) for all "
        "keys";
    L.BatchWriteHint = "one insert_into(t).columns(...) with add(...) per row, "
                       "or one update/remove_from with in()";
    L.TransactionHint = "wrap the loop in one transaction (auto tx = "
                        "start_transaction(db); ... tx.commit())";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
