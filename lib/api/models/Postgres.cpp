//===- Postgres.cpp - libpqxx, libpq and userver postgres -----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// libpqxx 6 and 7. Work types (pqxx::work, read_transaction, nontransaction)
// inherit these from pqxx::transaction_base. The *_n overloads take a row
// count first, so their SQL is the second argument.
#define TX "pqxx::transaction_base::"
constexpr ApiFunction pqxxExec(const char *Name) {
  return api(Name, RoleExecute);
}
// The *1 and *01 forms return a single row.
constexpr ApiFunction pqxxExecOne(const char *Name) {
  return api(Name, RoleExecute | RoleSingleRow);
}
#define SF "pqxx::stream_from::"
constexpr ApiFunction pqxxStream(const char *Name) {
  return api(Name, RoleExecute).reads().handleAt(ReturnValue);
}
const ApiFunction PqxxFunctions[] = {
    // libpqxx 7 takes pqxx::params second; libpqxx 6 a description.
    pqxxExec(TX "exec").sqlAt(0).paramsFrom(1),
    pqxxExec(TX "exec0").sqlAt(0),
    pqxxExecOne(TX "exec1").sqlAt(0),
    pqxxExec(TX "exec_n").sqlAt(1),
    pqxxExec(TX "exec_params").sqlAt(0).paramsFrom(1),
    pqxxExec(TX "exec_params0").sqlAt(0).paramsFrom(1),
    pqxxExecOne(TX "exec_params1").sqlAt(0).paramsFrom(1),
    pqxxExec(TX "exec_params_n").sqlAt(1).paramsFrom(2),
    // Prepared statements name the statement instead of carrying SQL.
    pqxxExec(TX "exec_prepared").nameAt(0).paramsFrom(1),
    pqxxExec(TX "exec_prepared0").nameAt(0).paramsFrom(1),
    pqxxExecOne(TX "exec_prepared1").nameAt(0).paramsFrom(1),
    pqxxExec(TX "exec_prepared_n").nameAt(1).paramsFrom(2),
    // libpqxx 6 prepares on connection_base, 7 on connection.
    api("pqxx::connection_base::prepare", RolePrepareNamed)
        .nameAt(0)
        .sqlAt(1)
        .arity(2),
    api("pqxx::connection::prepare", RolePrepareNamed)
        .nameAt(0)
        .sqlAt(1)
        .arity(2),
    // libpqxx 7 query API.
    pqxxExec(TX "query").sqlAt(0).paramsFrom(1),
    pqxxExec(TX "query_value").sqlAt(0).paramsFrom(1),
    pqxxExecOne(TX "query01").sqlAt(0).paramsFrom(1),
    pqxxExecOne(TX "query1").sqlAt(0).paramsFrom(1),
    pqxxExec(TX "query_n").sqlAt(1).paramsFrom(2),
    pqxxExec(TX "stream").sqlAt(0).paramsFrom(1),
    // The callable runs once per row, a field in each of its parameters;
    // for_each is the deprecated name of for_stream.
    pqxxExec(TX "for_query").sqlAt(0).paramsFrom(2).perRow(1, EveryParam),
    pqxxExec(TX "for_stream").sqlAt(0).perRow(1, EveryParam),
    pqxxExec(TX "for_each").sqlAt(0).perRow(1, EveryParam),
    api("pqxx::result::for_each", RoleNone)
        .handleAt(ImplicitObject)
        .perRow(0, EveryParam),
    // stream_from streams a table (libpqxx 6 and 7) or a query (7) with
    // COPY: the object holds the rows, `stream >> tuple` steps it to the
    // next one and reads it, iter<T...>() walks them. The constructors
    // taking a from_query / from_table tag have the text third.
    pqxxStream(SF "stream_from").sqlAt(2).sqlOfType("std::basic_string_view"),
    pqxxStream(SF "stream_from").sqlAt(1),
    pqxxStream(SF "query").sqlAt(1),
    pqxxStream(SF "table").sqlAt(1),
    pqxxStream(SF "raw_table").sqlAt(1),
    method(SF "operator>>", RoleAdvance | RoleColumnRead).valueAt(0),
    method(SF "iter", RoleResultOf),
};
#undef TX
#undef SF

const char *const PqxxResultTypes[] = {"pqxx::result"};

// libpq. Results are PGresult pointers walked by index up to PQntuples;
// prepared statements are named, so their SQL is not at the call.
constexpr ApiFunction pqRowRead(const char *Name) {
  return api(Name, RoleColumnRead).handleAt(0).rowAt(1);
}
const ApiFunction LibpqFunctions[] = {
    api("PQexec", RoleExecute).sqlAt(1),
    api("PQexecParams", RoleExecute).sqlAt(1).paramsFrom(2),
    api("PQexecPrepared", RoleExecute).nameAt(1).paramsFrom(2),
    api("PQprepare", RolePrepareNamed).nameAt(1).sqlAt(2),
    api("PQsendPrepare", RolePrepareNamed).nameAt(1).sqlAt(2),
    // Results of sent queries are fetched from the connection.
    api("PQsendQuery", RoleExecute).sqlAt(1).handleAt(0),
    api("PQsendQueryParams", RoleExecute).sqlAt(1).paramsFrom(2).handleAt(0),
    api("PQsendQueryPrepared", RoleExecute).nameAt(1).paramsFrom(2),
    // In single-row mode each result is one row: `while ((row =
    // PQgetResult(conn)))` walks them.
    api("PQgetResult", RoleResultOf | RoleAdvance | RoleColumnRead).handleAt(0),
    api("PQntuples", RoleRowCount).handleAt(0),
    // Pipeline mode: statements sent between entering it and a sync go out
    // together.
    api("PQenterPipelineMode", RolePipelineStart).handleAt(0),
    api("PQpipelineSync", RolePipelineSync).handleAt(0),
    pqRowRead("PQgetvalue"),
    pqRowRead("PQgetisnull"),
    pqRowRead("PQgetlength"),
};

// userver's asynchronous PostgreSQL driver: a cluster runs a statement on a
// host it picks by the flags given first; a transaction runs it in itself.
// The overloads taking a CommandControl first have the query one later.
#define PG "userver::storages::postgres::"
constexpr ApiFunction userverExecute(const char *Name, int Sql) {
  return api(Name, RoleExecute)
      .sqlAt(Sql)
      .paramsFrom(Sql + 1)
      .sqlOfType(PG "Query");
}
const ApiFunction UserverFunctions[] = {
    userverExecute(PG "Cluster::Execute", 1),
    userverExecute(PG "Cluster::Execute", 2),
    userverExecute(PG "Transaction::Execute", 0),
    userverExecute(PG "Transaction::Execute", 1),
    method(PG "ResultSet::Size", RoleRowCount),
    api(PG "Cluster::Begin", RoleTransaction),
};
const char *const UserverResultTypes[] = {PG "ResultSet", PG "TypedResultSet"};
#undef PG

const char PostgresWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), COPY for many rows, or one "
    "UPDATE/DELETE ... WHERE id = ANY($1)";

} // namespace

const LibraryModel &pqxx() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "pqxx";
    L.DisplayName = "libpqxx";
    L.Dialect = SqlDialect::PostgreSQL;
    L.Functions = PqxxFunctions;
    L.ResultTypes = PqxxResultTypes;
    L.BatchBindHint =
        "with the keys in one std::vector ('{1,2,3}' in libpqxx 6)";
    L.BatchWriteHint = "one multi-row INSERT, pqxx::stream_to (COPY), or one "
                       "UPDATE/DELETE ... WHERE id = ANY($1)";
    return L;
  }();
  return M;
}

const LibraryModel &libpq() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "libpq";
    L.DisplayName = "libpq";
    L.Dialect = SqlDialect::PostgreSQL;
    L.Functions = LibpqFunctions;
    L.BatchBindHint = "with the keys in one array text '{1,2,3}'";
    L.BatchWriteHint = "one multi-row INSERT, COPY with PQputCopyData, or one "
                       "UPDATE/DELETE ... WHERE id = ANY($1)";
    L.TransactionHint = "wrap the loop in one transaction (PQexec(conn, "
                        "\"BEGIN\") ... \"COMMIT\"): outside one, every "
                        "statement commits on its own";
    return L;
  }();
  return M;
}

const LibraryModel &userver() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "userver";
    L.DisplayName = "userver postgres";
    L.Dialect = SqlDialect::PostgreSQL;
    L.Functions = UserverFunctions;
    L.ResultTypes = UserverResultTypes;
    L.BatchBindHint = "with the keys in one std::vector";
    L.BatchWriteHint = PostgresWrite;
    L.TransactionHint = "run the loop's statements in one transaction "
                        "(cluster->Begin(...)) and Commit() once";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
