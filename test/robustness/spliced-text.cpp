// Text spliced into itself: each QString::arg() below copies the text before
// it four times, so reading the last one in full would take gigabytes. The
// reader gives up on text past its size limit and the N+1 is still reported,
// as for any statement whose text is not known.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtSql/QSqlQuery>

void quadruple(QSqlQuery &q, const QList<int> &ids) {
  QString a0("SELECT %1 %1 %1 %1");
  QString a1 = QString("%1%1%1%1").arg(a0);
  QString a2 = QString("%1%1%1%1").arg(a1);
  QString a3 = QString("%1%1%1%1").arg(a2);
  QString a4 = QString("%1%1%1%1").arg(a3);
  QString a5 = QString("%1%1%1%1").arg(a4);
  QString a6 = QString("%1%1%1%1").arg(a5);
  QString a7 = QString("%1%1%1%1").arg(a6);
  QString a8 = QString("%1%1%1%1").arg(a7);
  QString a9 = QString("%1%1%1%1").arg(a8);
  QString a10 = QString("%1%1%1%1").arg(a9);
  QString a11 = QString("%1%1%1%1").arg(a10);
  QString a12 = QString("%1%1%1%1").arg(a11);
  QString a13 = QString("%1%1%1%1").arg(a12);
  QString a14 = QString("%1%1%1%1").arg(a13);
  QString a15 = QString("%1%1%1%1").arg(a14);
  for (int id : ids)
    q.exec(QString("%1 WHERE id = %2").arg(a15).arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:53: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
}
