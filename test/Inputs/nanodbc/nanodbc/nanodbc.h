// Stand-in for nanodbc (<nanodbc/nanodbc.h>; not packaged by Debian). It
// declares only what the tests use, with the real names and signatures of the
// non-Unicode build (nanodbc::string is std::string): connection, statement,
// result and the free functions execute, just_execute, transact and prepare.
// Declarations only, except where templates need a body.
#ifndef NPLUSONE_TEST_NANODBC_NANODBC_H
#define NPLUSONE_TEST_NANODBC_NANODBC_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nanodbc {

typedef std::string string;

class statement;
class connection;
class transaction;
class result;

class connection {
public:
  connection();
  connection(const connection &rhs);
  connection(connection &&rhs) noexcept;
  connection &operator=(connection rhs);
  connection(string const &dsn, string const &user, string const &pass,
             long timeout = 0);
  explicit connection(string const &connection_string, long timeout = 0);
  ~connection() noexcept;

  void connect(string const &connection_string, long timeout = 0);
  bool connected() const;
  void disconnect();
  string dbms_name() const;
};

class transaction {
public:
  explicit transaction(const class connection &conn);
  ~transaction() noexcept;
  void commit();
  void rollback() noexcept;
};

class statement {
public:
  enum param_direction { PARAM_IN, PARAM_OUT, PARAM_INOUT, PARAM_RETURN };

  statement();
  explicit statement(class connection &conn);
  statement(class connection &conn, string const &query, long timeout = 0);
  statement(const statement &rhs);
  statement(statement &&rhs) noexcept;
  statement &operator=(statement rhs);
  ~statement() noexcept;

  void open(class connection &conn);
  bool open() const;
  void close();

  void prepare(class connection &conn, string const &query, long timeout = 0);
  void prepare(string const &query, long timeout = 0);

  class result execute_direct(class connection &conn, string const &query,
                              long batch_operations = 1, long timeout = 0);
  void just_execute_direct(class connection &conn, string const &query,
                           long batch_operations = 1, long timeout = 0);
  class result execute(long batch_operations = 1, long timeout = 0);
  void just_execute(long batch_operations = 1, long timeout = 0);

  long affected_rows() const;
  short columns() const;
  void reset_parameters() noexcept;
  short parameters() const;

  template <class T>
  void bind(short param_index, T const *value,
            param_direction direction = PARAM_IN);
  template <class T>
  void bind(short param_index, T const *values, std::size_t batch_size,
            param_direction direction = PARAM_IN);
  template <class T>
  void bind_strings(short param_index, std::vector<T> const &values,
                    param_direction direction = PARAM_IN);
  void bind_null(short param_index, std::size_t batch_size = 1);
};

class result {
public:
  result();
  ~result() noexcept;
  result(const result &rhs);
  result(result &&rhs) noexcept;
  result &operator=(result rhs);

  long rowset_size() const noexcept;
  long affected_rows() const;
  bool has_affected_rows() const;
  long rows() const noexcept;
  short columns() const;

  bool first();
  bool last();
  bool next();
  bool prior();
  bool at_end() const noexcept;

  template <class T> void get_ref(short column, T &result) const;
  template <class T> void get_ref(string const &column_name, T &result) const;
  template <class T> T get(short column) const { return T(); }
  template <class T> T get(short column, T const &fallback) const {
    return fallback;
  }
  template <class T> T get(string const &column_name) const { return T(); }
  template <class T> T get(string const &column_name, T const &fallback) const {
    return fallback;
  }

  bool is_null(short column) const;
  bool is_null(string const &column_name) const;
  string column_name(short column) const;

  explicit operator bool() const;
};

result execute(connection &conn, string const &query, long batch_operations = 1,
               long timeout = 0);
void just_execute(connection &conn, string const &query,
                  long batch_operations = 1, long timeout = 0);
result execute(statement &stmt, long batch_operations = 1);
void just_execute(statement &stmt, long batch_operations = 1);
result transact(statement &stmt, long batch_operations);
void just_transact(statement &stmt, long batch_operations);
void prepare(statement &stmt, string const &query, long timeout = 0);

} // namespace nanodbc

#endif
