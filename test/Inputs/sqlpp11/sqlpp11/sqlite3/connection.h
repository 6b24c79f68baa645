// Stand-in for the sqlpp11 SQLite3 connector (<sqlpp11/sqlite3/connection.h>).
// As in sqlpp11 0.6x, sqlpp::sqlite3::connection is
// sqlpp::normal_connection<connection_base>, and connection_base declares
// operator()(statement), which runs the statement through the statement's
// _run(db): selects yield a sqlpp::result_t of rows, insert/update/remove
// yield size_t. Only what the tests use; bodies are stubs.
#ifndef NPLUSONE_TEST_SQLPP11_SQLITE3_CONNECTION_H
#define NPLUSONE_TEST_SQLPP11_SQLITE3_CONNECTION_H

#include <cstddef>
#include <memory>
#include <string>

#include <sqlpp11/sqlpp11.h>

namespace sqlpp {
namespace sqlite3 {

struct connection_config {
  std::string path_to_database;
  int flags = 0;
  std::string vfs;
  bool debug = false;
};

/// The connector's raw select result; sqlpp::result_t wraps it.
class bind_result_t {};

struct context_t {};

class connection_base : public sqlpp::connection {
public:
  using _connection_base_t = connection_base;
  using _config_t = connection_config;
  using _config_ptr_t = std::shared_ptr<const _config_t>;
  using _context_t = context_t;
  using _serializer_context_t = _context_t;

  template <typename Select> bind_result_t select(const Select &s) {
    return {};
  }
  template <typename Insert> size_t insert(const Insert &i) { return 0; }
  template <typename Update> size_t update(const Update &u) { return 0; }
  template <typename Remove> size_t remove(const Remove &r) { return 0; }
  size_t execute(const std::string &statement);

  template <typename T>
  auto _run(const T &t, sqlpp::consistent_t) -> decltype(t._run(*this)) {
    return t._run(*this);
  }

  template <typename T>
  auto operator()(const T &t)
      -> decltype(this->_run(t,
                             sqlpp::run_check_t<_serializer_context_t, T>{})) {
    return _run(t, sqlpp::run_check_t<_serializer_context_t, T>{});
  }

  void start_transaction();
  void commit_transaction();
  void rollback_transaction(bool report);

protected:
  connection_base() = default;
};

using connection = sqlpp::normal_connection<connection_base>;

} // namespace sqlite3
} // namespace sqlpp

#endif
