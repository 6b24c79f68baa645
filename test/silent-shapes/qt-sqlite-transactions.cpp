// A Qt music player on the SQLite driver: the unit opens its database with
// QSqlDatabase::addDatabase("QSQLITE"), so statements run in process and a
// loop of writes between transaction() and commit() is SQLite's bulk load,
// not N+1. Still reported: writes after the commit, writes with no
// transaction, and reads. When the unit also opens a client-server driver,
// every write is one round trip again (SERVER run).
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include
// RUN: %check_nplusone --fix=none --messages-prefix=CHECK-MESSAGES,SERVER %s %t-server -- -- -std=c++17 -fPIC -I %qt5_include -DWITH_STATS_SERVER

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

namespace player {

bool openLibrary(const QString &path) {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName(path);
  return db.open();
}

#ifdef WITH_STATS_SERVER
bool openStatsServer() {
  QSqlDatabase stats = QSqlDatabase::addDatabase("QPSQL", "stats");
  stats.setHostName("stats.internal");
  return stats.open();
}
#endif

// The library scanner's import: one transaction around the inserts.
void importTracks(const QStringList &paths) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO tracks (path) VALUES (?)");
  for (const QString &path : paths) {
    insert.addBindValue(path);
    insert.exec();
    // SERVER: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // SERVER: :[[@LINE-4]]:3: note: the loop over the elements of 'paths' is here
    // SERVER: :[[@LINE-4]]:25: note: the element value 'path' flows into the INSERT's parameter here
    // SERVER: :[[@LINE-7]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  }
  db.commit();
}

// The transaction is committed before the loop starts.
void rememberPlayed(const QStringList &paths) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery clear(db);
  clear.exec("DELETE FROM recently_played");
  db.commit();
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO recently_played (path) VALUES (?)");
  for (const QString &path : paths) {
    insert.addBindValue(path);
    insert.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'paths' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:25: note: the element value 'path' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

// No transaction: every insert is a transaction and a journal sync.
void addToPlaylist(int playlist, const QStringList &paths) {
  QSqlQuery insert;
  insert.prepare("INSERT INTO playlist_items (playlist, path) VALUES (?, ?)");
  for (const QString &path : paths) {
    insert.addBindValue(playlist);
    insert.addBindValue(path);
    insert.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'paths' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:25: note: the element value 'path' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

// A transaction does not batch reads.
int totalDuration(const QStringList &paths) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  int total = 0;
  for (const QString &path : paths) {
    QSqlQuery q(db);
    q.prepare("SELECT duration FROM tracks WHERE path = ?");
    q.addBindValue(path);
    q.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'paths' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the elements of 'paths' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the element value 'path' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: batch it: 'path IN (?)' with one ? per key, each given with addBindValue(), then group the rows by path
    if (q.next())
      total += q.value(0).toInt();
  }
  db.commit();
  return total;
}

} // namespace player
