// A folder tree walked through a worklist: a feed reader's folders are rows
// with a parentId, and the ids under a folder are found one SELECT per
// folder, the folder ids carried in a queue or a stack that the loop drains
// one element at a time. Each drained element costs a query. The batched
// walk (one SELECT per level, all the level's ids in it) stays silent. Qt 5
// SQL on the real Debian headers.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++14 -fPIC -I %qt5_include

#include <QtCore/QList>
#include <QtCore/QQueue>
#include <QtCore/QStack>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVariant>
#include <QtSql/QSqlQuery>
#include <vector>

// The feeds under a folder, its subfolders queued as they are found.
QList<int> feedsInFolder(int folderId) {
  QList<int> feedIds;
  QSqlQuery q;
  QQueue<int> parentIds;
  parentIds.enqueue(folderId);
  while (!parentIds.isEmpty()) {
    int parentId = parentIds.dequeue();
    q.exec(QString("SELECT id, xmlUrl FROM feeds WHERE parentId=%1").arg(parentId));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'parentIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'parentIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:74: note: the element value 'parentId' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: 'parentId IN (?)' with one ? per key, each given with addBindValue(), then group the rows by parentId
    while (q.next()) {
      int id = q.value(0).toInt();
      if (q.value(1).toString().isEmpty())
        parentIds.enqueue(id);
      else
        feedIds << id;
    }
  }
  return feedIds;
}

// The same walk depth first, with a std::vector as the stack.
std::vector<int> foldersUnder(int folderId) {
  std::vector<int> found, todo{folderId};
  QSqlQuery q;
  while (!todo.empty()) {
    int parentId = todo.back();
    todo.pop_back();
    q.prepare("SELECT id FROM feeds WHERE parentId=? AND xmlUrl=''");
    q.addBindValue(parentId);
    // CHECK-MESSAGES: :[[@LINE+4]]:5: warning: query runs once per element of 'todo' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the elements of 'todo' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: the element value 'parentId' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: batch it: 'parentId IN (?)' with one ? per key, each given with addBindValue(), then group the rows by parentId
    q.exec();
    while (q.next()) {
      found.push_back(q.value(0).toInt());
      todo.push_back(found.back());
    }
  }
  return found;
}

// A QStack popped while it has elements, tested by its size.
void markFolderTreeRead(int folderId) {
  QStack<int> pending;
  pending.push(folderId);
  QSqlQuery q;
  while (pending.size() > 0) {
    int id = pending.pop();
    q.exec(QString("SELECT id FROM feeds WHERE parentId=%1").arg(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'pending' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'pending' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:66: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: 'parentId IN (?)' with one ? per key, each given with addBindValue(), then group the rows by parentId
    while (q.next())
      pending.push(q.value(0).toInt());
  }
}

//===--- Look-alikes that stay silent ------------------------------------===//

// The batched walk: one SELECT per level of the tree, with every id of the
// level in it; the level is replaced, not drained.
QList<int> feedsInFolderByLevel(int folderId) {
  QList<int> feedIds;
  QStringList level{QString::number(folderId)};
  QSqlQuery q;
  while (!level.isEmpty()) {
    q.exec("SELECT id, xmlUrl FROM feeds WHERE parentId IN (" + level.join(",") + ")");
    level.clear();
    while (q.next()) {
      if (q.value(1).toString().isEmpty())
        level << q.value(0).toString();
      else
        feedIds << q.value(0).toInt();
    }
  }
  return feedIds;
}

// A queue whose elements are only counted, never taken out: the loop ends
// on a query's answer, not by draining the queue.
int waitForUpdates(QQueue<int> &updating) {
  QSqlQuery q;
  int rounds = 0;
  while (!updating.isEmpty()) {
    q.exec("SELECT count(*) FROM feeds WHERE updateState = 1");
    if (!q.next() || q.value(0).toInt() == 0)
      break;
    ++rounds;
  }
  return rounds;
}
