// The check follows the statement that runs: a buffer reused for a SELECT
// and then an UPDATE runs the UPDATE, and SQL built with QString::arg or
// fmt::format is read through the builder. The SELECT run from the same
// buffer earlier is a read, and stays one.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringBuilder>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtSql/QSqlQuery>
#include <cstdio>
#include <fmt/format.h>
#include <sqlite3.h>
#include <vector>

// A C handler that formats every statement into one buffer.
void expireSessions(sqlite3 *db, const std::vector<int> &userIds) {
  char sql[256];
  std::snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions");
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  for (int id : userIds) {
    std::snprintf(sql, sizeof sql,
                  "UPDATE sessions SET expired = 1 WHERE user_id = %d", id);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'userIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'userIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:73: note: the element value 'id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}

// Qt: the statement's text is an UPDATE, whatever fills its %1.
void markSeen(QSqlQuery &q, const std::vector<int> &messageIds) {
  for (int id : messageIds)
    q.exec(QString("UPDATE messages SET seen = 1 WHERE id = %1").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'messageIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'messageIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:70: note: the element value 'id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
}

// The key spliced into a quoted literal ('%1'), as a feed reader marks its
// news read: still an UPDATE. A SELECT with a quoted key stays a read.
void markFeedRead(QSqlQuery &q, const QStringList &feedIds) {
  for (const QString &feedId : feedIds) {
    q.exec(QString("UPDATE news SET read = 2 WHERE feedId == '%1' AND read == 1").arg(feedId));
    q.exec(QString("SELECT count(*) FROM news WHERE feedId == '%1' AND read == 0").arg(feedId));
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: UPDATE runs once per element of 'feedIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'feedIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:87: note: the element value 'feedId' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
    // CHECK-MESSAGES: :[[@LINE-6]]:5: warning: query runs once per element of 'feedIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the elements of 'feedIds' is here
    // CHECK-MESSAGES: :[[@LINE-8]]:88: note: the element value 'feedId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-9]]:12: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  }
}

// The text joined with QStringBuilder's operator%.
void starNews(QSqlQuery &q, const QList<int> &newsIds) {
  const QString head("UPDATE news SET starred = 1");
  for (int id : newsIds) {
    const QString sql = head % QString(" WHERE id = %1").arg(id);
    q.exec(sql);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'newsIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'newsIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:62: note: the element value 'id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

// A cleanup that deletes old news outright or blanks them with an UPDATE
// kept in a variable and spliced in as %1: a write on either branch. The
// same splice of a fixed SELECT stays a read.
void cleanUpFeed(QSqlQuery &q, const QList<int> &oldNewsIds, bool fullCleanUp) {
  QString blank = QString("UPDATE news SET description='', content='', "
                          "deleted=2");
  for (int newsId : oldNewsIds) {
    QString qStr;
    if (fullCleanUp)
      qStr = QString("DELETE FROM news WHERE id='%1'").arg(newsId);
    else
      qStr = QString("%1 WHERE id=='%2'").arg(blank).arg(newsId);
    q.exec(qStr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'oldNewsIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'oldNewsIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:58: note: the element value 'newsId' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

void unreadPerFeed(QSqlQuery &q, const QStringList &feedIds) {
  const QString countUnread("SELECT count(id) FROM news");
  for (const QString &feedId : feedIds)
    q.exec(QString("%1 WHERE feedId=='%2' AND read==0")
               .arg(countUnread)
               .arg(feedId));
    // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: query runs once per element of 'feedIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'feedIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the element value 'feedId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-6]]:12: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
}

// The same text built with fmt::format.
void archive(sqlite3 *db, const std::vector<int> &ids) {
  for (int id : ids)
    sqlite3_exec(db, fmt::format("DELETE FROM inbox WHERE id = {}", id).c_str(),
                 nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: DELETE runs once per element of 'ids' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the element value 'id' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}

//===--- Reads stay reads ----------------------------------------------===//

void countPerUser(sqlite3 *db, const std::vector<int> &userIds) {
  char sql[256];
  for (int id : userIds) {
    std::snprintf(sql, sizeof sql,
                  "SELECT count(*) FROM sessions WHERE user_id = %d", id);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'userIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'userIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:71: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  }
  std::snprintf(sql, sizeof sql, "DELETE FROM sessions WHERE stale = 1");
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}
