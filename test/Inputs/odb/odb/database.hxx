// Stand-in for ODB's public API (not packaged by Debian): odb::database,
// odb::query, odb::result, odb::transaction and the lazy pointers, with the
// real names and signatures the tests use. Bodies are stubs.
#ifndef NPLUSONE_TEST_ODB_DATABASE_HXX
#define NPLUSONE_TEST_ODB_DATABASE_HXX

#include <memory>
#include <string>

namespace odb {

template <typename T> class query {
public:
  query() {}
  explicit query(const std::string &where) {}
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

class database {
public:
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
  explicit transaction(void *connection);
  void commit();
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
