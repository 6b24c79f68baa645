// Qt SQL on the real Debian Qt 6.4 headers (qt6-base-dev, <QtSql/QSqlQuery>; Qt 6 needs C++17):
// the canonical N+1 and a write per row in Qt's idioms, and look-alikes. qt5.cpp covers the rest.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt6_include
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -fPIC -I %qt6_include
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -fPIC -I %qt6_include

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>
#include <vector>

// The canonical N+1: the constructor runs the outer query, one prepared
// query per row.
void ordersPerUser(const QSqlDatabase &db) {
  QSqlQuery users("SELECT id, name FROM users", db);
  while (users.next()) {
    QSqlQuery orders(db);
    orders.prepare("SELECT total FROM orders WHERE user_id = :id");
    orders.bindValue(":id", users.value(0));
    orders.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:29: note: the row value 'users.value(0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:20: note: batch it: 'user_id IN (:id)' with one ? per key, each given with addBindValue(), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-11]]:19: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    while (orders.next()) {
    }
  }
}

// A write per row, on a query moved out of a helper (Qt 6 QSqlQuery is movable).
QSqlQuery activeUsers(const QSqlDatabase &db) {
  QSqlQuery q(db);
  q.exec("SELECT id FROM users WHERE active = 1");
  return q;
}
void markSeen(const QSqlDatabase &db) {
  QSqlQuery users = activeUsers(db);
  QSqlQuery upd(db);
  upd.prepare("UPDATE users SET seen = 1 WHERE id = ?");
  while (users.next()) {
    upd.addBindValue(users.value(0));
    upd.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the row value 'users.value(0)' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:15: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

// One query per element of a vector of ids.
QStringList namesOf(const QSqlDatabase &db, const std::vector<int> &ids) {
  QStringList names;
  for (int id : ids) {
    QSqlQuery q(QString("SELECT name FROM users WHERE id = %1").arg(id), db);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:69: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: batch it: 'id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by id
    if (q.next())
      names << q.value(0).toString();
  }
  return names;
}

// SQL written with QStringLiteral (a UTF-16 literal in Qt 6) is read like a
// plain literal: a note's folder path rewritten per child is an UPDATE per
// row, and a lookup per child is a read.
void moveFolder(const QSqlDatabase &db, const QString &from, const QString &to) {
  QSqlQuery children(db);
  children.prepare(QStringLiteral("SELECT id, path FROM notes WHERE folder = :f"));
  children.bindValue(QStringLiteral(":f"), from);
  children.exec();
  QSqlQuery rename(db);
  QSqlQuery tags(db);
  while (children.next()) {
    rename.prepare(QStringLiteral("UPDATE notes SET path = :path WHERE id = :id"));
    rename.bindValue(QStringLiteral(":path"), to + children.value(1).toString());
    rename.bindValue(QStringLiteral(":id"), children.value(0));
    rename.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'children' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'children' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'children' is here
    // CHECK-MESSAGES: :[[@LINE-6]]:47: note: the row value 'to + children.value(1).toString()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:20: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
    tags.prepare(QStringLiteral("SELECT tag FROM note_tags WHERE note_id = :id"));
    tags.bindValue(QStringLiteral(":id"), children.value(0));
    tags.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'children' (N+1 queries); load the rows for all notes in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-20]]:3: note: 'children' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-16]]:3: note: the loop over the rows of 'children' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: the row value 'children.value(0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:18: note: batch it: 'note_id IN (:id)' with one ? per key, each given with addBindValue(), then group the rows by note_id
  }
}

// One QSqlQuery reused in the loop for a count and then an UPDATE: two
// statements per row, both reported.
void recountTags(const QSqlDatabase &db) {
  QList<int> tagIds;
  QSqlQuery query(db);
  query.exec("SELECT id FROM tags");
  while (query.next())
    tagIds.append(query.value(0).toInt());
  for (int id : tagIds) {
    query.prepare("SELECT count(*) FROM note_tags WHERE tag_id = :id");
    query.bindValue(":id", id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'tagIds' (N+1 queries); load the rows for all tags in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'tagIds' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'tagIds' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: batch it: 'tag_id IN (:id)' with one ? per key, each given with addBindValue(), then group the rows by tag_id
    query.next();
    const int count = query.value(0).toInt();
    query.prepare("UPDATE tags SET note_count = :count WHERE id = :id");
    query.bindValue(":count", count);
    query.bindValue(":id", id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'tagIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-19]]:3: note: 'tagIds' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop over the rows of 'tagIds' is here
    // CHECK-MESSAGES: :[[@LINE-6]]:31: note: the row value 'count' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:19: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-20]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The rows are read into a list first; one batched write after the loop.
void collectThenBatch(const QSqlDatabase &db) {
  QSqlQuery users("SELECT id FROM users", db);
  QVariantList ids;
  while (users.next())
    ids << users.value(0);
  QSqlQuery upd(db);
  upd.prepare("UPDATE users SET seen = 1 WHERE id = ?");
  upd.addBindValue(ids);
  upd.execBatch();
}

// An unrelated class with Qt-like method names.
struct Job {
  bool next();
  bool exec(const QString &what);
  QVariant value(int i) const;
};
void run(Job &job) {
  while (job.next())
    job.exec(job.value(0).toString());
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: orders.prepare("SELECT user_id, total FROM orders WHERE user_id IN (:id)");
