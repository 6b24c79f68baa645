// Stand-in for ODB's public API (not packaged by Debian): odb::database,
// odb::query with query_base / query_column / query_columns (specialized by
// the ODB compiler's generated headers; see shop-odb.hxx), odb::result,
// odb::transaction and the lazy pointers, with the real names and
// signatures the tests use. Bodies are stubs.
#ifndef NPLUSONE_TEST_ODB_DATABASE_HXX
#define NPLUSONE_TEST_ODB_DATABASE_HXX

#include <memory>
#include <string>

namespace odb {

// Befriended by persistent classes so that generated code reaches their
// private data members (odb/core.hxx).
class access {};

// A query condition (odb/query.hxx): what query columns' comparisons build
// and what odb::query<T> converts from.
class query_base {
public:
  query_base() {}
  explicit query_base(const std::string &native) {}
  query_base operator&&(const query_base &other) const { return *this; }
  query_base operator||(const query_base &other) const { return *this; }
  query_base operator!() const { return *this; }
};

// One column of a persistent class in queries, as the ODB compiler
// generates them (database-specific in the real library: pgsql::query_column
// and so on).
template <typename T> class query_column {
public:
  query_base operator==(const T &value) const { return {}; }
  query_base operator!=(const T &value) const { return {}; }
  query_base operator<(const T &value) const { return {}; }
  query_base operator>(const T &value) const { return {}; }
  query_base operator<=(const T &value) const { return {}; }
  query_base operator>=(const T &value) const { return {}; }
  query_base is_null() const { return {}; }
  query_base is_not_null() const { return {}; }
  query_base in(const T &v1, const T &v2) const { return {}; }
  template <typename I> query_base in_range(I begin, I end) const {
    return {};
  }
};

// The columns of T usable in queries: the ODB compiler specializes it in
// the generated <name>-odb.hxx header (see shop-odb.hxx).
template <typename T> struct query_columns {};

template <typename T> class query : public query_base, public query_columns<T> {
public:
  query() {}
  explicit query(const std::string &where) {}
  query(const query_base &condition) {}
  template <typename V> static query<T> id_equals(const V &value) {
    return query<T>();
  }
};

template <typename T> class result {
public:
  class iterator {
  public:
    T &operator*() const;
    T *operator->() const;
    iterator &operator++();
    bool operator!=(const iterator &) const;
    bool operator==(const iterator &) const;
  };
  iterator begin();
  iterator end();
  bool empty() const;
};

class transaction_impl;

class database {
public:
  transaction_impl *begin();
  template <typename T> result<T> query(const odb::query<T> &q = {});
  template <typename T> std::shared_ptr<T> query_one(const odb::query<T> &q);
  template <typename T, typename ID> std::shared_ptr<T> load(const ID &id);
  template <typename T, typename ID> std::shared_ptr<T> find(const ID &id);
  template <typename T> void persist(T &object);
  template <typename T> void update(const T &object);
  template <typename T> void erase(const T &object);
};

class transaction {
public:
  explicit transaction(transaction_impl *impl, bool make_current = true);
  void commit();
  void rollback();
};

template <typename T> class lazy_shared_ptr {
public:
  std::shared_ptr<T> load() const;
  std::shared_ptr<T> get_eager() const;
  bool loaded() const;
  template <typename ID> ID object_id() const;
};

template <typename T> class lazy_ptr {
public:
  T *load() const;
  bool loaded() const;
};

} // namespace odb

#endif
