// Marking news read: the file never names a driver, but the program opens
// SQLite (database.cpp), so writes inside one transaction are its bulk load.
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

void markFeedsRead(const QList<int> &feedIds) {
  QSqlDatabase db = QSqlDatabase::database();
  db.transaction();
  QSqlQuery q(db);
  for (int feedId : feedIds)
    q.exec(QString("UPDATE news SET read = 2 WHERE feedId = '%1'").arg(feedId));
  db.commit();
}

// Look-alike: no transaction, every UPDATE commits and syncs on its own.
void markFeedsStarred(const QList<int> &feedIds) {
  QSqlQuery q;
  for (int feedId : feedIds)
    q.exec(QString("UPDATE news SET starred = 1 WHERE feedId = '%1'").arg(feedId));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'feedIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'feedIds' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:75: note: the element value 'feedId' flows into the UPDATE's SQL text here
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: prepare() it once and run execBatch(), one QVariantList bound per placeholder
  // CHECK-MESSAGES: :[[@LINE-6]]:3: note: wrap the loop in QSqlDatabase::transaction() ... commit(): outside a transaction every statement commits on its own
}
