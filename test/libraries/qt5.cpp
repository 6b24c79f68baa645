// Qt SQL on the real Debian Qt 5.15 headers (qtbase5-dev, <QtSql/QSqlQuery>):
// each N+1 shape in Qt's own idioms (while (q.next()), prepare/bindValue/exec), and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -fPIC -I %qt5_include
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <QtSql/QSqlQueryModel>
#include <QtSql/QSqlRecord>
#include <QtSql/QSqlTableModel>
#include <vector>

// The canonical N+1: the constructor runs the outer query, one prepared
// query per row.
void ordersPerUser() {
  QSqlQuery users("SELECT id, name FROM users");
  while (users.next()) {
    const int id = users.value(0).toInt();
    QSqlQuery orders;
    orders.prepare("SELECT total FROM orders WHERE user_id = :id");
    orders.bindValue(":id", id);
    orders.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:29: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:20: note: batch it: 'user_id IN (:id)' with one ? per key, each given with addBindValue(), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-12]]:19: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    while (orders.next()) {
    }
  }
}

// exec(QString) on the outer query, positional binds, the column by name.
void profilesPerUser(QSqlDatabase db) {
  QSqlQuery users(db);
  users.exec("SELECT id, name FROM users WHERE active = 1");
  QSqlQuery profile(db);
  profile.prepare("SELECT bio FROM profiles WHERE user_id = ?");
  while (users.next()) {
    profile.addBindValue(users.value("id"));
    if (profile.exec() && profile.next())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: the row value 'users.value("id")' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:19: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
      (void)profile.value(0).toString();
  }
}

// QSqlDatabase::exec per row, the key pasted into the SQL text.
void countsByText(QSqlDatabase &db) {
  QSqlQuery users = db.exec("SELECT id FROM users");
  while (users.next()) {
    QSqlQuery c = db.exec(QString("SELECT count(*) FROM orders WHERE user_id = %1").arg(users.value(0).toInt()));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:89: note: the row value 'users.value(0).toInt()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:27: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
    (void)c;
  }
}

// The first()/next() do-while over the rows.
void citiesDoWhile(QSqlDatabase &db) {
  QSqlQuery users("SELECT id FROM users", db);
  if (users.first()) {
    do {
      QSqlQuery a(db);
      a.prepare("SELECT city FROM addresses WHERE user_id = ?");
      a.addBindValue(users.value(0));
      a.exec();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-8]]:13: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-7]]:5: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: the row value 'users.value(0)' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-7]]:17: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
      // CHECK-MESSAGES: :[[@LINE-12]]:19: note: or read both in one query: add 'LEFT JOIN addresses ON addresses.user_id = users.id' and its columns here
    } while (users.next());
  }
}

// An index loop over the rows of a QSqlQueryModel.
void namesFromModel() {
  QSqlQueryModel model;
  model.setQuery("SELECT id FROM users");
  for (int i = 0; i < model.rowCount(); ++i) {
    QSqlQuery q;
    q.prepare("SELECT name FROM profiles WHERE user_id = ?");
    q.addBindValue(model.record(i).value("id"));
    q.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'model' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'model' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'model' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: the row value 'model.record(i).value("id")' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:15: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-11]]:18: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
  }
}

// A write per row.
void markSeen(QSqlDatabase &db) {
  QSqlQuery users("SELECT id FROM users WHERE active = 1", db);
  QSqlQuery upd(db);
  upd.prepare("UPDATE users SET seen = 1 WHERE id = :id");
  while (users.next()) {
    upd.bindValue(":id", users.value(0));
    upd.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: the row value 'users.value(0)' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:15: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

// Writes in one transaction: only the batching hint applies, not the
// transaction hint.
void archiveAll(QSqlDatabase &db) {
  db.transaction();
  QSqlQuery users("SELECT id FROM users WHERE closed = 1", db);
  QSqlQuery del(db);
  del.prepare("DELETE FROM sessions WHERE user_id = ?");
  while (users.next()) {
    del.addBindValue(users.value(0));
    del.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: the row value 'users.value(0)' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:15: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  }
  db.commit();
}

// One query per element of a vector of ids.
QStringList namesOf(const std::vector<int> &ids) {
  QStringList names;
  QSqlQuery q;
  q.prepare("SELECT name FROM users WHERE id = ?");
  for (int id : ids) {
    q.addBindValue(id);
    if (q.exec() && q.next())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: batch it: 'id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by id
      names << q.value(0).toString();
  }
  return names;
}

// The same query on every row.
void configPerRow() {
  QSqlQuery users("SELECT id FROM users");
  while (users.next()) {
    QSqlQuery cfg("SELECT value FROM config WHERE name = 'limit'");
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:15: note: hoist it: run the query once before the loop and reuse its result
    (void)cfg;
  }
}

// SQL written with QStringLiteral (in Qt 5 a lambda called in place around
// a UTF-16 literal) is read like a plain literal: an UPDATE per row is a
// write, a lookup per row a read, and no fix edits the macro's literal.
void renameTracks(const QSqlDatabase &db, const QString &prefix) {
  QSqlQuery tracks(db);
  tracks.exec(QStringLiteral("SELECT id, title FROM tracks WHERE album_id = 7"));
  QSqlQuery rename(db);
  QSqlQuery plays(db);
  while (tracks.next()) {
    rename.prepare(QStringLiteral("UPDATE tracks SET title = :title WHERE id = :id"));
    rename.bindValue(QStringLiteral(":title"), prefix + tracks.value(1).toString());
    rename.bindValue(QStringLiteral(":id"), tracks.value(0));
    rename.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'tracks' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'tracks' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-6]]:48: note: the row value 'prefix + tracks.value(1).toString()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:20: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
    plays.prepare(QStringLiteral("SELECT count(*) FROM plays WHERE track_id = :id"));
    plays.bindValue(QStringLiteral(":id"), tracks.value(0));
    plays.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'tracks' (N+1 queries); load the rows for all tracks in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-18]]:3: note: 'tracks' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-16]]:3: note: the loop over the rows of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:44: note: the row value 'tracks.value(0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: batch it: 'track_id IN (:id)' with one ? per key, each given with addBindValue(), then group the rows by track_id
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads values; the
// batched write runs once, with execBatch().
int beforeAndAfter(QSqlDatabase &db) {
  QSqlQuery count("SELECT count(*) FROM users", db);
  int n = count.next() ? count.value(0).toInt() : 0;
  QSqlQuery users("SELECT id, name FROM users", db);
  QVariantList ids;
  while (users.next()) {
    ids << users.value(0);
    n += users.record().count();
  }
  QSqlQuery upd(db);
  upd.prepare("UPDATE users SET seen = 1 WHERE id = ?");
  upd.addBindValue(ids);
  upd.execBatch();
  return n;
}

// Only the first row is used: the loop body always returns.
QString firstName() {
  QSqlQuery users("SELECT id FROM users ORDER BY id");
  while (users.next()) {
    QSqlQuery q;
    q.prepare("SELECT name FROM profiles WHERE user_id = ?");
    q.addBindValue(users.value(0));
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
  }
  return QString();
}

// Unrelated classes with Qt-like method names.
struct Cache {
  bool exec(const QString &key);
  bool next();
  QVariant value(int i) const;
};
int warm(Cache &cache, const QStringList &keys) {
  int hits = 0;
  for (const QString &k : keys)
    hits += cache.exec(k);
  while (cache.next())
    hits += cache.exec(cache.value(0).toString());
  return hits;
}
void listTables(QSqlDatabase &db) {
  QStringList tables = db.tables();
  QListIterator<QString> it(tables);
  while (it.hasNext())
    (void)db.record(it.next());
}

// A music library whose album view is a QSqlTableModel that a helper
// configures and select()s; the caller walks the model's rows.
static void loadAlbums(QSqlTableModel &albums, const QString &artist) {
  albums.setTable("albums");
  albums.setFilter(QString("artist = '%1'").arg(artist));
  albums.setSort(2, Qt::AscendingOrder);
  albums.select();
}

static void reloadAlbums(QSqlTableModel *albums, const QString &artist) {
  if (artist.isEmpty())
    return;
  loadAlbums(*albums, artist);
}

QStringList coverPaths(const QString &artist) {
  QSqlTableModel albums;
  loadAlbums(albums, artist);
  QStringList paths;
  for (int row = 0; row < albums.rowCount(); ++row) {
    QSqlQuery cover;
    cover.prepare("SELECT path FROM covers WHERE album_id = ?");
    cover.addBindValue(albums.record(row).value("id"));
    cover.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'albums' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-19]]:3: note: 'albums' holds the rows of this query, run on it by 'loadAlbums'
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'albums' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: the row value 'albums.record(row).value("id")' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: batch it: 'album_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by album_id
    if (cover.next())
      paths << cover.value(0).toString();
  }
  return paths;
}

// Through a second helper, and the model held by pointer.
int trackCounts(QSqlTableModel *albums, const QString &artist) {
  reloadAlbums(albums, artist);
  int total = 0;
  for (int row = 0; row < albums->rowCount(); ++row) {
    QSqlQuery tracks;
    tracks.prepare("SELECT COUNT(*) FROM tracks WHERE album_id = :album");
    tracks.bindValue(":album", albums->record(row).value("id"));
    tracks.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'albums' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-39]]:3: note: 'albums' holds the rows of this query, run on it by 'reloadAlbums'
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'albums' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: the row value 'albums->record(row).value("id")' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:20: note: batch it: 'album_id IN (:album)' with one ? per key, each given with addBindValue(), then group the rows by album_id
    total += tracks.next() ? tracks.value(0).toInt() : 0;
  }
  return total;
}

// Look-alike: the model's rows are only read, no query per row.
QStringList albumTitles(const QString &artist) {
  QSqlTableModel albums;
  loadAlbums(albums, artist);
  QStringList titles;
  for (int row = 0; row < albums.rowCount(); ++row)
    titles << albums.record(row).value("title").toString();
  return titles;
}

// A view's model, select()ed by another method: still a query's rows.
class PlaylistView {
public:
  void refresh();
  void exportArtwork();

private:
  QSqlTableModel *Tracks = nullptr;
};

void PlaylistView::refresh() {
  Tracks->setTable("playlist_tracks");
  Tracks->select();
}

void PlaylistView::exportArtwork() {
  for (int i = 0; i < Tracks->rowCount(); ++i) {
    QSqlQuery art;
    art.prepare("SELECT image FROM artwork WHERE track_id = ?");
    art.addBindValue(Tracks->record(i).value("track_id"));
    art.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'Tracks' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'Tracks' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the row value 'Tracks->record(i).value("track_id")' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:17: note: batch it: 'track_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by track_id
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: orders.prepare("SELECT user_id, total FROM orders WHERE user_id IN (:id)");
// NOTE-FIXES: profile.prepare("SELECT user_id, bio FROM profiles WHERE user_id IN (?)");
// NOTE-FIXES: a.prepare("SELECT user_id, city FROM addresses WHERE user_id IN (?)");
// NOTE-FIXES: q.prepare("SELECT user_id, name FROM profiles WHERE user_id IN (?)");
// NOTE-FIXES: q.prepare("SELECT id, name FROM users WHERE id IN (?)");
// NOTE-FIXES: QSqlQuery cfg("SELECT value FROM config WHERE name = 'limit'");
// NOTE-FIXES: cover.prepare("SELECT album_id, path FROM covers WHERE album_id IN (?)");
// NOTE-FIXES: tracks.prepare("SELECT album_id, COUNT(*) FROM tracks WHERE album_id IN (:album) GROUP BY album_id");
// NOTE-FIXES: art.prepare("SELECT track_id, image FROM artwork WHERE track_id IN (?)");
