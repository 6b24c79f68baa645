// The feed reader opens its one database here, on Qt's SQLite driver; the
// other files only take the default connection.
#include "database.h"
#include <QtSql/QSqlDatabase>

bool openDatabase(const QString &path) {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName(path);
  return db.open();
}
