// Loops over what a reader yields, one element per iteration: the outlines
// of an imported OPML file (QXmlStreamReader), the lines of a CSV export
// (QTextStream, std::ifstream), a list walked with a Java-style iterator.
// A lookup or write keyed by what the reader gave runs once per element.
// Look-alikes: a migration file run statement by statement (the text is the
// element: no key to batch), and a read that takes nothing from the reader.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QList>
#include <QtCore/QListIterator>
#include <QtCore/QString>
#include <QtCore/QTextStream>
#include <QtCore/QVariant>
#include <QtCore/QXmlStreamReader>
#include <QtSql/QSqlQuery>
#include <fstream>
#include <sqlite3.h>
#include <string>

// A feed reader's OPML import skips the feeds it already has.
int importOpml(const QByteArray &opml) {
  QXmlStreamReader xml(opml);
  QSqlQuery q;
  int skipped = 0;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement() || xml.name() != QLatin1String("outline"))
      continue;
    QString url = xml.attributes().value("xmlUrl").toString();
    q.prepare("SELECT id FROM feeds WHERE xmlUrl LIKE :xmlUrl");
    q.bindValue(":xmlUrl", url);
    q.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'xml' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the elements of 'xml' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the element value 'url' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    if (q.next()) {
      ++skipped;
      continue;
    }
    q.prepare("INSERT INTO feeds(xmlUrl, title) VALUES (?, ?)");
    q.addBindValue(url);
    q.addBindValue(xml.attributes().value("title").toString());
    q.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'xml' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-21]]:3: note: the loop over the elements of 'xml' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: the element value 'url' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:15: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
    // CHECK-MESSAGES: :[[@LINE-24]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
  }
  return skipped;
}

// Price updates from a CSV file, one product looked up per line.
void applyPriceList(QFile &csv) {
  QTextStream in(&csv);
  QSqlQuery q;
  while (!in.atEnd()) {
    const QString line = in.readLine();
    const QString sku = line.section(',', 0, 0);
    q.prepare("SELECT id, price FROM products WHERE sku = ?");
    q.addBindValue(sku);
    q.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'in' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the elements of 'in' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the element value 'sku' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: batch it: 'sku IN (?)' with one ? per key, each given with addBindValue(), then group the rows by sku
  }
}

// The same import in plain C++ on SQLite.
void importBlocklist(sqlite3 *db, const char *path) {
  std::ifstream in(path);
  std::string host;
  sqlite3_stmt *find = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM blocked_hosts WHERE host = ?", -1,
                     &find, nullptr);
  while (!in.eof()) {
    std::getline(in, host);
    sqlite3_bind_text(find, 1, host.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(find);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'in' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'in' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:32: note: the element value 'host.c_str()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: 'host IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by host
    sqlite3_reset(find);
  }
  sqlite3_finalize(find);
}

// Tags of a note walked with a Java-style iterator.
void countTagUse(const QList<int> &tagIds) {
  QSqlQuery q;
  QListIterator<int> it(tagIds);
  while (it.hasNext()) {
    int tagId = it.next();
    q.exec(QString("SELECT count(*) FROM note_tags WHERE tag_id = %1").arg(tagId));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'tagIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'tagIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:76: note: the element value 'tagId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: 'tag_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by tag_id
  }
}

// The same tags walked by index up to the list's count().
void countTagUseByIndex(const QList<int> &tagIds) {
  QSqlQuery q;
  for (int i = 0; i < tagIds.count(); i++)
    q.exec(QString("SELECT count(*) FROM note_tags WHERE tag_id = %1")
               .arg(tagIds.at(i)));
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: query runs once per element of 'tagIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'tagIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the element value 'tagIds.at(i)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: 'tag_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by tag_id
}

//===--- Look-alikes ------------------------------------------------------===//

// A migration run statement by statement: each line is a statement of its
// own, with no key that IN (...) could batch.
void runMigration(QFile &script) {
  QTextStream in(&script);
  QSqlQuery q;
  while (!in.atEnd()) {
    const QString statement = in.readLine();
    if (!statement.trimmed().isEmpty())
      q.exec(statement);
  }
}
