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
// The *1 and *01 forms return a single row.
#define PQXX_EXEC1(Name, Sql, FirstParam)                                      \
  ApiFunction {                                                                \
    "pqxx::transaction_base::" Name, RoleExecute | RoleSingleRow,              \
        AccessKind::ByText, Sql, FirstParam                                    \
  }
const ApiFunction PqxxFunctions[] = {
    // libpqxx 7 takes pqxx::params second; libpqxx 6 a description.
    PQXX_EXEC("exec", 0, 1),
    PQXX_EXEC("exec0", 0, NoArg),
    PQXX_EXEC1("exec1", 0, NoArg),
    PQXX_EXEC("exec_n", 1, NoArg),
    PQXX_EXEC("exec_params", 0, 1),
    PQXX_EXEC("exec_params0", 0, 1),
    PQXX_EXEC1("exec_params1", 0, 1),
    PQXX_EXEC("exec_params_n", 1, 2),
    // Prepared statements name the statement instead of carrying SQL.
    PQXX_EXEC("exec_prepared", NoArg, 1),
    PQXX_EXEC("exec_prepared0", NoArg, 1),
    PQXX_EXEC1("exec_prepared1", NoArg, 1),
    PQXX_EXEC("exec_prepared_n", NoArg, 2),
    // libpqxx 7 query API.
    PQXX_EXEC("query", 0, 1),
    PQXX_EXEC("query_value", 0, 1),
    PQXX_EXEC1("query01", 0, 1),
    PQXX_EXEC1("query1", 0, 1),
    PQXX_EXEC("query_n", 1, 2),
    PQXX_EXEC("stream", 0, 1),
    PQXX_EXEC("for_query", 0, NoArg),
    PQXX_EXEC("for_stream", 0, NoArg),
};
#undef PQXX_EXEC
#undef PQXX_EXEC1

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
    // Results of sent queries are fetched from the connection.
    {"PQsendQuery", RoleExecute, AccessKind::ByText, 1, NoArg, 0},
    {"PQsendQueryParams", RoleExecute, AccessKind::ByText, 1, 2, 0},
    pqExec("PQsendQueryPrepared", NoArg, 2),
    // In single-row mode each result is one row: `while ((row =
    // PQgetResult(conn)))` walks them.
    {"PQgetResult", RoleResultOf | RoleAdvance | RoleColumnRead,
     AccessKind::ByText, NoArg, NoArg, 0},
    {"PQntuples", RoleRowCount, AccessKind::ByText, NoArg, NoArg, 0},
    pqRowRead("PQgetvalue"),
    pqRowRead("PQgetisnull"),
    pqRowRead("PQgetlength"),
};

// userver's asynchronous PostgreSQL driver: a cluster runs a statement on a
// host it picks by the flags given first; a transaction runs it in itself.
// The overloads taking a CommandControl first have the query one later.
#define PG "userver::storages::postgres::"
constexpr ApiFunction userverExecute(const char *Name, int Sql) {
  return {Name,  RoleExecute, AccessKind::ByText, Sql,       Sql + 1,
          NoArg, NoArg,       AnyArity,           PG "Query"};
}
const ApiFunction UserverFunctions[] = {
    userverExecute(PG "Cluster::Execute", 1),
    userverExecute(PG "Cluster::Execute", 2),
    userverExecute(PG "Transaction::Execute", 0),
    userverExecute(PG "Transaction::Execute", 1),
    {PG "ResultSet::Size", RoleRowCount, AccessKind::ByText, NoArg, NoArg,
     ImplicitObject},
    {PG "Cluster::Begin", RoleTransaction},
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
    L.BatchBindHint = "bind all keys as one array (a std::vector in libpqxx "
                      "7, '{1,2,3}' text in libpqxx 6)";
    L.BatchWriteHint = "one multi-row INSERT ... VALUES (...), (...), "
                       "pqxx::stream_to (COPY) for many rows, or one "
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
    L.BatchBindHint = "pass all keys as one array text '{1,2,3}' in "
                      "paramValues and cast the parameter ($1::int[])";
    L.BatchWriteHint = "one multi-row INSERT ... VALUES (...), (...), COPY "
                       "... FROM STDIN with PQputCopyData, or one "
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
    L.BatchBindHint = "bind all keys as one std::vector parameter (it is "
                      "sent as an array)";
    L.BatchWriteHint = PostgresWrite;
    L.TransactionHint = "run the loop's statements in one transaction "
                        "(cluster->Begin(...)) and Commit() once";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
