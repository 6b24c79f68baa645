// The category tree: each node renders its children, which render theirs.
#include "catalog.h"
#include <cstdio>

void renderSubtree(pqxx::connection &conn, int id, int depth) {
  if (depth > 8)
    return;
  std::printf("%*s%d\n", depth * 2, "", id);
  renderNode(conn, id, depth);
}
