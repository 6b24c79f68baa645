#include "catalog.h"

void renderNode(pqxx::connection &conn, int id, int depth) {
  pqxx::work tx(conn);
  pqxx::result children =
      tx.exec_params("SELECT id FROM categories WHERE parent_id = $1", id);
  tx.commit();
  for (const auto &child : children)
    renderSubtree(conn, child[0].as<int>(), depth + 1);
  // Recursion across files ends: the chain runs down to this function once.
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: query runs up to once per row of 'children' (N+1 queries); load the rows for all categories in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'children' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'children' is here
  // CHECK-MESSAGES: :[[@LINE-5]]:25: note: the row value 'child[0].as<int>()' is passed to 'renderSubtree' here and reaches its query
  // CHECK-MESSAGES: tree.cpp:9:3: note: 'renderSubtree' calls 'renderNode' here
  // CHECK-MESSAGES: :[[@LINE-10]]:7: note: 'renderNode' runs the query here
  // CHECK-MESSAGES: :[[@LINE-11]]:22: note: batch it: 'parent_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by parent_id
}
