// Qt's foreach over ids read from a query, as a feed reader counts unread
// news per feed: the macro walks a copy of the list (two nested for loops
// before C++17, a for around an `if (...; false) {} else` since), and the
// query in its body runs once per row the list was filled from, like a
// range-for's. A list a helper returns and the caller keeps (a copy before
// C++17) still holds those rows. A query on the path of a break runs once,
// in both expansions. Qt 5 SQL on the real Debian headers.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++14 -fPIC -I %qt5_include
// RUN: %check_nplusone --fix=none %s %t-17 -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlQuery>

static QList<int> feedsWithUnread() {
  QList<int> ids;
  QSqlQuery q;
  q.exec("SELECT id FROM feeds WHERE unread != 0");
  while (q.next())
    ids.append(q.value(0).toInt());
  return ids;
}

int unreadInFolders() {
  int total = 0;
  QSqlQuery q;
  QList<int> ids;
  q.exec("SELECT id FROM feeds WHERE unread != 0");
  while (q.next())
    ids.append(q.value(0).toInt());
  foreach (int id, ids) {
    q.exec(QString("SELECT parentId FROM feeds WHERE id = %1").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all feeds in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'ids' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'foreach'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH_IMPL'
    // CHECK-MESSAGES: :[[@LINE-7]]:68: note: the row value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-8]]:12: note: batch it: 'id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by id
    if (q.next())
      total += q.value(0).toInt();
  }
  return total;
}

int unreadNews() {
  int total = 0;
  QSqlQuery q;
  const QList<int> ids = feedsWithUnread();
  foreach (int id, ids) {
    if (id < 0)
      continue;
    q.exec(QString("SELECT count(id) FROM news WHERE feedId = %1 AND read = 0").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all feeds in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-38]]:3: note: 'ids' holds the rows of this query, returned by 'feedsWithUnread'
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'foreach'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH_IMPL'
    // CHECK-MESSAGES: :[[@LINE-7]]:85: note: the row value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-8]]:12: note: batch it: 'feedId IN (?)' with one ? per key, each given with addBindValue(), then group the rows by feedId
    if (q.next())
      total += q.value(0).toInt();
  }
  return total;
}

int starredNews() {
  int total = 0;
  QSqlQuery q;
  QList<int> ids = feedsWithUnread();
  for (int id : ids) {
    q.exec(QString("SELECT count(id) FROM news WHERE feedId = %1 AND starred = 1").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all feeds in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-58]]:3: note: 'ids' holds the rows of this query, returned by 'feedsWithUnread'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:88: note: the row value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: 'feedId IN (?)' with one ? per key, each given with addBindValue(), then group the rows by feedId
    if (q.next())
      total += q.value(0).toInt();
  }
  return total;
}

// A search that applies the filter it finds and stops: the query runs once
// per call, on the path that leaves the walk. Before C++17 the break leaves
// the macro's inner loop with its flag set, which ends the outer one too.
static void applyFilter(int filterId) {
  QSqlQuery q;
  q.exec(QString("SELECT name, query FROM filters WHERE id = %1").arg(filterId));
}

void selectFilter(const QList<int> &filterIds, int wanted) {
  foreach (int id, filterIds) {
    if (id == wanted) {
      applyFilter(id);
      break;
    }
  }
}

// The nearest shape that is reported: each entry is looked up until one is
// enabled; the break is on another path than the query's.
int firstEnabledFilter(const QList<int> &filterIds) {
  QSqlQuery q;
  foreach (int id, filterIds) {
    q.exec(QString("SELECT enabled FROM filters WHERE id = %1").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'filterIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'filterIds' is here
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'foreach'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH'
    // CHECK-MESSAGES: qglobal.h:{{[0-9]+}}:{{[0-9]+}}: note: expanded from macro 'Q_FOREACH_IMPL'
    // CHECK-MESSAGES: :[[@LINE-6]]:69: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-7]]:12: note: batch it: 'id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by id
    if (q.next() && q.value(0).toBool())
      return id;
  }
  return -1;
}
