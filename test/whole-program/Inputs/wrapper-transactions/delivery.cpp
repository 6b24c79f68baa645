// Delivery writes each message's inbox row; the store's transaction, opened
// in another file, makes the loop SQLite's bulk load.
#include "store.h"
#include <vector>

void deliverBatch(Store &store, const std::vector<Message> &batch) {
  store.beginTransaction();
  for (const Message &m : batch)
    store.exec("INSERT INTO inbox (message, mailbox) VALUES (" +
               std::to_string(m.id) + ", " + std::to_string(m.mailbox) + ")");
  store.commitTransaction();
}

// Look-alike: the transaction is committed before the loop starts.
void markRead(Store &store, const std::vector<Message> &read) {
  store.beginTransaction();
  store.exec("DELETE FROM unread_counts");
  store.commitTransaction();
  for (const Message &m : read)
    store.exec("UPDATE inbox SET seen = 1 WHERE message = " +
               std::to_string(m.id));
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: UPDATE runs once per element of 'read' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'read' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the element value '"UPDATE inbox SET seen = 1 WHERE message = " + std::to_st...' is passed to 'exec' here and reaches its UPDATE
  // CHECK-MESSAGES: store.cpp:5:10: note: 'exec' runs the UPDATE here
  // CHECK-MESSAGES: :[[@LINE-6]]:16: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}

// Look-alike: no transaction at all.
void bounce(Store &store, const std::vector<Message> &bounced) {
  for (const Message &m : bounced)
    store.exec("DELETE FROM inbox WHERE message = " + std::to_string(m.id));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per element of 'bounced' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'bounced' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the element value '"DELETE FROM inbox WHERE message = " + std::to_string(m.id)' is passed to 'exec' here and reaches its DELETE
  // CHECK-MESSAGES: store.cpp:5:10: note: 'exec' runs the DELETE here
  // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}
