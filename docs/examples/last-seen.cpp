// One UPDATE per user: the write-in-loop page's example.
#include <pqxx/pqxx>

void markSeen(pqxx::work &tx) {
  for (auto const &u : tx.exec("SELECT id FROM users WHERE active"))
    tx.exec_params("UPDATE users SET seen = now() WHERE id = $1",
                   u["id"].as<int>());
}
