// A Qt music player on the SQLite driver: the unit opens its database with
// QSqlDatabase::addDatabase("QSQLITE"), so statements run in process and a
// loop of writes between transaction() and commit() is SQLite's bulk load,
// not N+1. Still reported: writes after the commit, writes with no
// transaction, and reads, also a read a helper runs after the insert the
// bulk load covers (SQLITE run). When the unit also opens a client-server
// driver, every write is one round trip again (SERVER run).
// RUN: %check_nplusone --fix=none --messages-prefix=CHECK-MESSAGES,SQLITE %s %t -- -- -std=c++17 -fPIC -I %qt5_include
// RUN: %check_nplusone --fix=none --messages-prefix=CHECK-MESSAGES,SERVER %s %t-server -- -- -std=c++17 -fPIC -I %qt5_include -DWITH_STATS_SERVER

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtCore/QVector>
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

// Qt's foreach inside the transaction: the same bulk load.
void tagTracks(const QStringList &paths, int tagId) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery insert(db);
  foreach (const QString &path, paths)
    insert.exec(QString("INSERT INTO track_tags (path, tag) VALUES ('%1', %2)").arg(path).arg(tagId));
  // SERVER: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // SERVER: :[[@LINE-3]]:3: note: the loop over the elements of 'paths' is here
  // SERVER: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'foreach'
  // SERVER: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH'
  // SERVER: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH_IMPL'
  // SERVER: :[[@LINE-6]]:85: note: the element value 'path' flows into the INSERT's SQL text here
  // SERVER: :[[@LINE-7]]:17: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  db.commit();
}

// A commit on the path that returns early ends nothing for the loop below.
void retagTracks(const QStringList &paths, int tagId, bool unchanged) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery clear(db);
  clear.exec(QString("DELETE FROM track_tags WHERE tag = %1").arg(tagId));
  if (unchanged) {
    db.commit();
    return;
  }
  QSqlQuery insert(db);
  for (const QString &path : paths)
    insert.exec(QString("INSERT INTO track_tags (path, tag) VALUES ('%1', %2)").arg(path).arg(tagId));
  // SERVER: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // SERVER: :[[@LINE-3]]:3: note: the loop over the elements of 'paths' is here
  // SERVER: :[[@LINE-3]]:85: note: the element value 'path' flows into the INSERT's SQL text here
  // SERVER: :[[@LINE-4]]:17: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  db.commit();
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

// Helpers that write and then read: inside the import's transaction their
// inserts and updates are the bulk load, but the count each one reads back
// is still one query per entry.
static int playlistLength(int playlist) {
  QSqlQuery count;
  count.prepare("SELECT count(*) FROM playlist_items WHERE playlist = ?");
  count.addBindValue(playlist);
  count.exec();
  return count.next() ? count.value(0).toInt() : 0;
}

static void touchPlaylist(int playlist) {
  QSqlQuery touch;
  touch.prepare("UPDATE playlists SET modified = datetime('now') WHERE id = ?");
  touch.addBindValue(playlist);
  touch.exec();
}

static void appendQuietly(int playlist, const QString &path) {
  QSqlQuery insert;
  insert.prepare("INSERT INTO playlist_items (playlist, path) VALUES (?, ?)");
  insert.addBindValue(playlist);
  insert.addBindValue(path);
  insert.exec();
  touchPlaylist(playlist);
}

static int appendEntry(int playlist, const QString &path) {
  appendQuietly(playlist, path);
  return playlistLength(playlist);
}

struct PlaylistEntry {
  int playlist;
  QString path;
};

int importEntries(const QVector<PlaylistEntry> &entries) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  int longest = 0;
  for (const PlaylistEntry &entry : entries)
    longest = qMax(longest, appendEntry(entry.playlist, entry.path));
  // SQLITE: :[[@LINE-1]]:29: warning: query runs once per element of 'entries' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // SQLITE: :[[@LINE-3]]:3: note: the loop over the elements of 'entries' is here
  // SQLITE: :[[@LINE-3]]:41: note: the element value 'entry.playlist' is passed to 'appendEntry' here and reaches its query
  // SQLITE: :[[@LINE-17]]:10: note: 'appendEntry' calls 'playlistLength' here
  // SQLITE: :[[@LINE-40]]:3: note: 'playlistLength' runs the query here
  // SQLITE: :[[@LINE-43]]:17: note: batch it: 'playlist IN (?)' with one ? per key, each given with addBindValue(), then group the rows by playlist
  // SERVER: :[[@LINE-7]]:29: warning: INSERT runs once per element of 'entries' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // SERVER: :[[@LINE-9]]:3: note: the loop over the elements of 'entries' is here
  // SERVER: :[[@LINE-9]]:41: note: the element value 'entry.playlist' is passed to 'appendEntry' here and reaches its INSERT
  // SERVER: :[[@LINE-24]]:3: note: 'appendEntry' calls 'appendQuietly' here
  // SERVER: :[[@LINE-30]]:3: note: 'appendQuietly' runs the INSERT here
  // SERVER: :[[@LINE-34]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  db.commit();
  return longest;
}

// One playlist: the length read back after each insert changes with the
// inserts themselves, so it is neither per element nor loop-invariant.
int importPlaylist(int playlist, const QStringList &paths) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  int longest = 0;
  for (const QString &path : paths)
    longest = qMax(longest, appendEntry(playlist, path));
  // SERVER: :[[@LINE-1]]:29: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // SERVER: :[[@LINE-3]]:3: note: the loop over the elements of 'paths' is here
  // SERVER: :[[@LINE-3]]:51: note: the element value 'path' is passed to 'appendEntry' here and reaches its INSERT
  // SERVER: :[[@LINE-42]]:3: note: 'appendEntry' calls 'appendQuietly' here
  // SERVER: :[[@LINE-48]]:3: note: 'appendQuietly' runs the INSERT here
  // SERVER: :[[@LINE-52]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  db.commit();
  return longest;
}

void restorePlaylist(int playlist, const QStringList &paths) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  for (const QString &path : paths)
    appendQuietly(playlist, path);
  // SERVER: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'paths' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // SERVER: :[[@LINE-3]]:3: note: the loop over the elements of 'paths' is here
  // SERVER: :[[@LINE-3]]:29: note: the element value 'path' is passed to 'appendQuietly' here and reaches its INSERT
  // SERVER: :[[@LINE-62]]:3: note: 'appendQuietly' runs the INSERT here
  // SERVER: :[[@LINE-66]]:18: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  db.commit();
}

} // namespace player
