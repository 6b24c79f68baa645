// Chains followed one link per query: a feed's folders walked up to the root,
// a category's breadcrumbs, a reply's thread. Each lookup reads one row, and
// the key of the next lookup comes from that row, so a chain of depth N costs
// N queries where one recursive query (WITH RECURSIVE) would do. Look-alikes
// that stay silent: a poll whose key does not change, keyset pagination (a
// page of rows per query), and a walk over links already in memory.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include -I/usr/include/postgresql

#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string>

struct FeedCounts {
  int feedId = 0;
  int unread = 0;
};

void emitCounts(const FeedCounts &counts);

// The feed reader keeps everything in one SQLite file.
QSqlDatabase openFeedsDatabase(const QString &path) {
  QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE");
  db.setDatabaseName(path);
  db.open();
  return db;
}

// Is the feed in the folder the user is looking at? Climbs its folders.
bool isInOpenFolder(QSqlDatabase &db, int feedId, int openFolderId) {
  QSqlQuery q(db);
  q.exec(QString("SELECT parentId FROM feeds WHERE id==%1").arg(feedId));
  int parentId = q.first() ? q.value(0).toInt() : 0;
  bool inFolder = parentId == openFolderId;
  while (parentId && !inFolder) {
    q.exec(QString("SELECT parentId FROM feeds WHERE id==%1").arg(parentId));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per link of the chain the loop follows (N+1 queries); read the whole chain in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop here takes the next 'parentId' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-3]]:67: note: the element value 'parentId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: read the whole chain in one recursive query (WITH RECURSIVE), or load every link once and follow them in memory
    if (q.first()) {
      parentId = q.value(0).toInt();
      inFolder = parentId == openFolderId;
    }
  }
  return inFolder;
}

// After new articles arrive, every folder above the feed gets its counters
// recomputed from its children, inside one SQLite transaction: the UPDATEs
// are the bulk-load form, the two reads per folder are not.
void recountParents(QSqlDatabase &db, int feedParentId) {
  QSqlQuery q(db);
  db.transaction();
  int folderId = feedParentId;
  while (folderId) {
    q.exec(QString("SELECT sum(unread) FROM feeds WHERE parentId=='%1'")
               .arg(folderId));
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: query runs once per link of the chain the loop follows (N+1 queries); read the whole chain in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop here takes the next 'folderId' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the element value 'folderId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: read the whole chain in one recursive query (WITH RECURSIVE), or load every link once and follow them in memory
    int unread = q.first() ? q.value(0).toInt() : 0;
    q.exec(QString("UPDATE feeds SET unread='%1' WHERE id=='%2'")
               .arg(unread)
               .arg(folderId));
    FeedCounts counts;
    counts.feedId = folderId;
    counts.unread = unread;
    emitCounts(counts);
    q.exec(QString("SELECT parentId FROM feeds WHERE id==%1").arg(folderId));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per link of the chain the loop follows (N+1 queries); read the whole chain in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop here takes the next 'folderId' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-3]]:67: note: the element value 'folderId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: read the whole chain in one recursive query (WITH RECURSIVE), or load every link once and follow them in memory
    if (q.next())
      folderId = q.value(0).toInt();
  }
  db.commit();
}

// Breadcrumbs of a shop category, one prepared statement stepped per level.
QStringList breadcrumbs(sqlite3 *db, int categoryId) {
  QStringList path;
  sqlite3_stmt *up = nullptr;
  sqlite3_prepare_v2(db, "SELECT name, parent_id FROM categories WHERE id = ?",
                     -1, &up, nullptr);
  while (categoryId > 0) {
    sqlite3_bind_int(up, 1, categoryId);
    if (sqlite3_step(up) != SQLITE_ROW)
      break;
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: query runs once per link of the chain the loop follows (N+1 queries); read the whole chain in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop here takes the next 'categoryId' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-5]]:29: note: the element value 'categoryId' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: read the whole chain in one recursive query (WITH RECURSIVE), or load every link once and follow them in memory
    path.prepend(QString::fromUtf8(
        reinterpret_cast<const char *>(sqlite3_column_text(up, 0))));
    categoryId = sqlite3_column_int(up, 1);
    sqlite3_reset(up);
  }
  sqlite3_finalize(up);
  return path;
}

// A mail thread marked read up to its first message, on PostgreSQL: an
// UPDATE and a SELECT per message, one round trip each.
void markThreadRead(PGconn *conn, const char *messageId) {
  std::string id = messageId;
  while (!id.empty()) {
    const char *params[] = {id.c_str()};
    PQclear(PQexecParams(conn, "UPDATE messages SET read = true WHERE id = $1",
                         1, nullptr, params, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: UPDATE runs once per link of the chain the loop follows (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop here takes the next 'id' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the element value 'params' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
    PGresult *up =
        PQexecParams(conn, "SELECT in_reply_to FROM messages WHERE id = $1", 1,
                     nullptr, params, nullptr, nullptr, 0);
    id = PQntuples(up) == 1 && !PQgetisnull(up, 0, 0) ? PQgetvalue(up, 0, 0)
                                                       : "";
    // CHECK-MESSAGES: :[[@LINE-4]]:9: warning: query runs once per link of the chain the loop follows (N+1 queries); read the whole chain in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-15]]:3: note: the loop here takes the next 'id' from the row each lookup returns
    // CHECK-MESSAGES: :[[@LINE-5]]:31: note: the element value 'params' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:28: note: batch it: read the whole chain in one recursive query (WITH RECURSIVE), or load every link once and follow them in memory
    PQclear(up);
  }
}

//===--- Look-alikes ------------------------------------------------------===//

// A poll: the job's key stays the same, only its state is read again.
void waitForExport(QSqlDatabase &db, int jobId) {
  QSqlQuery q(db);
  QString state = "queued";
  while (state != "done") {
    q.exec(QString("SELECT state FROM export_jobs WHERE id=%1").arg(jobId));
    if (q.first())
      state = q.value(0).toString();
  }
}

// Keyset pagination: each query returns a page of rows, the next page
// starts after the last id seen.
void exportArticles(QSqlDatabase &db, QStringList &out) {
  QSqlQuery q(db);
  int lastId = 0;
  bool more = true;
  while (more) {
    q.exec(QString("SELECT id, title FROM news WHERE id > %1 ORDER BY id "
                   "LIMIT 500")
               .arg(lastId));
    more = false;
    while (q.next()) {
      lastId = q.value(0).toInt();
      out << q.value(1).toString();
      more = true;
    }
  }
}

// The same climb over links already loaded into memory: no query per link.
int depthOf(const QList<int> &parentOf, int feedId) {
  int depth = 0;
  for (int id = parentOf.value(feedId); id; id = parentOf.value(id))
    ++depth;
  return depth;
}
