//===- Models.h - The built-in library models ------------------*- C++ -*-===//
//
// One function per supported library, each returning that library's model:
// plain data, defined in the file of its family (PostgreSQL, SQLite, ...).
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_MODELS_MODELS_H
#define NPLUSONE_LIB_MODELS_MODELS_H

#include "lib/ApiModel.h"

namespace nplusone {
namespace models {

// PostgreSQL.
const LibraryModel &pqxx();
const LibraryModel &libpq();
const LibraryModel &userver();
// SQLite.
const LibraryModel &sqlite3();
const LibraryModel &sqliteCpp();
const LibraryModel &sqliteOrm();
// MySQL / MariaDB.
const LibraryModel &mysqlC();
const LibraryModel &mysqlConnector();
const LibraryModel &mysqlX();
// Generic SQL clients.
const LibraryModel &qtSql();
const LibraryModel &soci();
const LibraryModel &poco();
const LibraryModel &cppdb();
const LibraryModel &odbc();
const LibraryModel &nanodbc();
const LibraryModel &sqlpp11();
// ORMs.
const LibraryModel &odb();
const LibraryModel &wtDbo();
const LibraryModel &drogon();
// Key-value and document stores.
const LibraryModel &hiredis();
const LibraryModel &redisPlusPlus();
const LibraryModel &mongocxx();

} // namespace models
} // namespace nplusone

#endif // NPLUSONE_LIB_MODELS_MODELS_H
