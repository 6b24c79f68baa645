//===- Postgres.cpp - libpqxx, libpq and userver postgres -----------------===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// libpqxx 6 and 7. Work types (pqxx::work, read_transaction, nontransaction)
// inherit these from pqxx::transaction_base. The *_n overloads take a row
// count first, so their SQL is the second argument.
#define PQXX_EXEC(Name, Sql, FirstParam)                                       \
  ApiFunction {                                                                \
    "pqxx::transaction_base::" Name, RoleExecute, AccessKind::ByText, Sql,     \
        FirstParam                                                             \
  }
const ApiFunction PqxxFunctions[] = {
    // libpqxx 7 takes pqxx::params second; libpqxx 6 a description.
    PQXX_EXEC("exec", 0, 1),
    PQXX_EXEC("exec0", 0, NoArg),
    PQXX_EXEC("exec1", 0, NoArg),
    PQXX_EXEC("exec_n", 1, NoArg),
    PQXX_EXEC("exec_params", 0, 1),
    PQXX_EXEC("exec_params0", 0, 1),
    PQXX_EXEC("exec_params1", 0, 1),
    PQXX_EXEC("exec_params_n", 1, 2),
    // Prepared statements name the statement instead of carrying SQL.
    PQXX_EXEC("exec_prepared", NoArg, 1),
    PQXX_EXEC("exec_prepared0", NoArg, 1),
    PQXX_EXEC("exec_prepared1", NoArg, 1),
    PQXX_EXEC("exec_prepared_n", NoArg, 2),
    // libpqxx 7 query API.
    PQXX_EXEC("query", 0, 1),
    PQXX_EXEC("query_value", 0, 1),
    PQXX_EXEC("query01", 0, 1),
    PQXX_EXEC("query1", 0, 1),
    PQXX_EXEC("query_n", 1, 2),
    PQXX_EXEC("stream", 0, 1),
    PQXX_EXEC("for_query", 0, NoArg),
    PQXX_EXEC("for_stream", 0, NoArg),
};
#undef PQXX_EXEC

const char *const PqxxResultTypes[] = {"pqxx::result"};

// libpq. Results are PGresult pointers walked by index up to PQntuples;
// prepared statements are named, so their SQL is not at the call.
constexpr ApiFunction pqExec(const char *Name, int Sql, int FirstParam) {
  return {Name, RoleExecute, AccessKind::ByText, Sql, FirstParam};
}
constexpr ApiFunction pqRowRead(const char *Name) {
  return {Name, RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0};
}
const ApiFunction LibpqFunctions[] = {
    pqExec("PQexec", 1, NoArg),
    pqExec("PQexecParams", 1, 2),
    pqExec("PQexecPrepared", NoArg, 2),
    pqExec("PQsendQuery", 1, NoArg),
    pqExec("PQsendQueryParams", 1, 2),
    pqExec("PQsendQueryPrepared", NoArg, 2),
    {"PQgetResult", RoleResultOf, AccessKind::ByText, NoArg, NoArg, 0},
    {"PQntuples", RoleRowCount, AccessKind::ByText, NoArg, NoArg, 0},
    pqRowRead("PQgetvalue"),
    pqRowRead("PQgetisnull"),
    pqRowRead("PQgetlength"),
};

// userver's asynchronous PostgreSQL driver: a cluster runs a statement on a
// host it picks by the flags given first; a transaction runs it in itself.
const ApiFunction UserverFunctions[] = {
    {"userver::storages::postgres::Cluster::Execute", RoleExecute,
     AccessKind::ByText, 1, 2},
    {"userver::storages::postgres::Transaction::Execute", RoleExecute,
     AccessKind::ByText, 0, 1},
};
const char *const UserverResultTypes[] = {
    "userver::storages::postgres::ResultSet"};

const char PostgresWrite[] =
    "one multi-row INSERT ... VALUES (...), (...), COPY for many rows, or one "
    "UPDATE/DELETE ... WHERE id = ANY($1)";

} // namespace

const LibraryModel &pqxx() {
  static const LibraryModel M{
      "pqxx",
      "libpqxx",
      SqlDialect::PostgreSQL,
      PqxxFunctions,
      PqxxResultTypes,
      "bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text "
      "in libpqxx 6)",
      "one multi-row INSERT ... VALUES (...), (...), pqxx::stream_to (COPY) "
      "for many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)"};
  return M;
}

const LibraryModel &libpq() {
  static const LibraryModel M{
      "libpq",
      "libpq",
      SqlDialect::PostgreSQL,
      LibpqFunctions,
      {},
      "pass all keys as one array text '{1,2,3}' in paramValues and cast the "
      "parameter ($1::int[])",
      "one multi-row INSERT ... VALUES (...), (...), COPY ... FROM STDIN with "
      "PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)",
      "wrap the loop in one transaction (PQexec(conn, \"BEGIN\") ... "
      "\"COMMIT\"): outside one, every statement commits on its own"};
  return M;
}

const LibraryModel &userver() {
  static const LibraryModel M{
      "userver",
      "userver postgres",
      SqlDialect::PostgreSQL,
      UserverFunctions,
      UserverResultTypes,
      "bind all keys as one std::vector parameter (it is sent as an array)",
      PostgresWrite,
      "run the loop's statements in one transaction (cluster->Begin(...)) "
      "and Commit() once"};
  return M;
}

} // namespace models
} // namespace nplusone
