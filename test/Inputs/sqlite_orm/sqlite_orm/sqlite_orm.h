// Stand-in for sqlite_orm (<sqlite_orm/sqlite_orm.h>; not packaged by
// Debian). It declares only what the tests use, with the real names and
// signatures: make_storage / make_table / make_column, the condition
// builders (where, c, in, is_equal, order_by, limit, columns), and
// sqlite_orm::internal::storage_t, which declares the CRUD and query members
// (get_all, get, get_pointer, get_optional, select, iterate, count, insert,
// replace, update, remove, remove_all, insert_range, replace_range) just as
// the real storage_t does; transaction control (begin_transaction, commit,
// rollback, transaction, transaction_guard) lives in its base
// internal::storage_base, as in the real library. Bodies are stubs.
#ifndef NPLUSONE_TEST_SQLITE_ORM_SQLITE_ORM_H
#define NPLUSONE_TEST_SQLITE_ORM_SQLITE_ORM_H

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqlite_orm {

namespace internal {

template <class T> struct member_traits;
template <class F, class O> struct member_traits<F O::*> {
  using object_type = O;
  using field_type = F;
};

// Column and table definitions.

struct empty_setter {};

template <class... Cs> struct primary_key_t {};
struct autoincrement_t {};
template <class T> struct default_t { T value; };
struct unique_t {};

template <class G, class S, class... Op> struct column_t {
  using member_pointer_t = G;
  using object_type = typename member_traits<G>::object_type;
  using field_type = typename member_traits<G>::field_type;

  std::string name;
  G member_pointer;
};

template <class O, bool WithoutRowId, class... Cs> struct table_t {
  using object_type = O;
  std::string name;
  std::tuple<Cs...> elements;
};

// Conditions and expressions.

template <class T> struct expression_t { T value; };

template <class L, class R> struct is_equal_t {
  L l;
  R r;
};
template <class L, class R> struct is_not_equal_t {
  L l;
  R r;
};
template <class L, class R> struct lesser_than_t {
  L l;
  R r;
};
template <class L, class R> struct greater_than_t {
  L l;
  R r;
};
template <class L, class R> struct and_condition_t {
  L l;
  R r;
};
template <class L, class R> struct or_condition_t {
  L l;
  R r;
};
template <class L, class A> struct dynamic_in_t {
  L left;
  A argument;
  bool negative = false;
};
template <class L, class... Args> struct in_t {
  L left;
  std::tuple<Args...> argument;
};

template <class C> struct where_t { C expression; };
template <class O> struct order_by_t { O expression; };
template <class T, bool HasOffset, bool OffsetIsImplicit, class O>
struct limit_t {
  T lim;
};
template <class... Args> struct columns_t { std::tuple<Args...> columns; };
template <class... Args> struct set_t { std::tuple<Args...> assigns; };
template <class L, class R> struct assign_t {
  L lhs;
  R rhs;
};

template <class T, class R>
is_equal_t<T, R> operator==(expression_t<T> l, R r) {
  return {l.value, r};
}
template <class T, class R>
is_not_equal_t<T, R> operator!=(expression_t<T> l, R r) {
  return {l.value, r};
}
template <class T, class R>
lesser_than_t<T, R> operator<(expression_t<T> l, R r) {
  return {l.value, r};
}
template <class T, class R>
greater_than_t<T, R> operator>(expression_t<T> l, R r) {
  return {l.value, r};
}
template <class T, class R> assign_t<T, R> operator<<(expression_t<T> l, R r) {
  return {l.value, r};
}

// Result types of select().

template <class St, class T, class SFINAE = void> struct column_result_t {
  using type = int;
};
template <class St, class F, class O> struct column_result_t<St, F O::*, void> {
  using type = F;
};
template <class St, class... Args>
struct column_result_t<St, columns_t<Args...>, void> {
  using type = std::tuple<typename column_result_t<St, Args>::type...>;
};

// Storage.

template <class V> struct iterator_t {
  using view_type = V;
  using value_type = typename view_type::mapped_type;

  const value_type &operator*() const { return *current; }
  const value_type *operator->() const { return current; }
  iterator_t &operator++() { return *this; }
  bool operator==(const iterator_t &) const { return true; }
  bool operator!=(const iterator_t &) const { return false; }

  const value_type *current = nullptr;
};

/// What iterate<O>() returns: a lazily fetched range of O.
template <class T, class S, class... Args> struct view_t {
  using mapped_type = T;
  using self = view_t<T, S, Args...>;

  iterator_t<self> begin() { return {}; }
  iterator_t<self> end() { return {}; }
  size_t size();
};

enum class sync_schema_result { new_table_created, already_in_sync };

/// What storage_base::transaction_guard() returns: a transaction begun at
/// construction and rolled back at destruction unless committed.
struct transaction_guard_t {
  bool commit_on_destroy = false;
  bool gotta_fire = true;
  ~transaction_guard_t();
  void commit();
  void rollback();
};

struct storage_base {
  void begin_transaction();
  void commit();
  void rollback();
  template <class F> bool transaction(const F &f) { return f(); }
  transaction_guard_t transaction_guard();
  void drop_table(const std::string &tableName);
  void vacuum();
  int changes();
  int64_t last_insert_rowid();
  const std::string &filename() const;
};

template <class... DBO> struct storage_t : storage_base {
  using self = storage_t<DBO...>;

  storage_t(std::string filename, DBO... dbObjects) {}

  std::map<std::string, sync_schema_result> sync_schema(bool preserve = false);

  template <class O, class R = std::vector<O>, class... Args>
  R get_all(Args &&...conditions) {
    return R{};
  }
  template <class O, class R = std::vector<std::unique_ptr<O>>, class... Args>
  R get_all_pointer(Args &&...conditions) {
    return R{};
  }
  template <class O, class... Ids> O get(Ids... ids) { return O{}; }
  template <class O, class... Ids> std::unique_ptr<O> get_pointer(Ids... ids) {
    return nullptr;
  }
  template <class O, class... Ids> std::optional<O> get_optional(Ids... ids) {
    return std::nullopt;
  }

  template <class O, class... Args> int count(Args &&...args) { return 0; }
  template <class F, class O, class... Args>
  int count(F O::*m, Args &&...args) {
    return 0;
  }

  template <class T, class... Args,
            class R = typename column_result_t<self, T>::type>
  std::vector<R> select(T m, Args... args) {
    return {};
  }

  template <class T, class... Args>
  view_t<T, self, Args...> iterate(Args &&...args) {
    return {};
  }

  template <class O> int insert(const O &o) { return 0; }
  template <class It> void insert_range(It from, It to) {}
  template <class O> void replace(const O &o) {}
  template <class It> void replace_range(It from, It to) {}
  template <class O> void update(const O &o) {}
  template <class... Args, class... Wargs>
  void update_all(set_t<Args...> set, Wargs... wh) {}
  template <class O, class... Ids> void remove(Ids... ids) {}
  template <class O, class... Args> void remove_all(Args &&...args) {}
};

} // namespace internal

// Schema definition.

inline internal::primary_key_t<> primary_key() { return {}; }
inline internal::autoincrement_t autoincrement() { return {}; }
inline internal::unique_t unique() { return {}; }
template <class T> internal::default_t<T> default_value(T t) { return {t}; }

template <
    class M, class... Op,
    std::enable_if_t<std::is_member_object_pointer<M>::value, bool> = true>
internal::column_t<M, internal::empty_setter, Op...>
make_column(std::string name, M m, Op... constraints) {
  return {std::move(name), m};
}

template <class... Cs, class T = typename std::tuple_element_t<
                           0, std::tuple<Cs...>>::object_type>
internal::table_t<T, false, Cs...> make_table(std::string name, Cs... args) {
  return {std::move(name), std::make_tuple(args...)};
}

template <class... DBO>
internal::storage_t<DBO...> make_storage(std::string filename,
                                         DBO... dbObjects) {
  return {std::move(filename), std::forward<DBO>(dbObjects)...};
}

// Conditions.

template <class T> internal::expression_t<T> c(T value) { return {value}; }

template <class L, class R> internal::is_equal_t<L, R> is_equal(L l, R r) {
  return {l, r};
}
template <class L, class R>
internal::is_not_equal_t<L, R> is_not_equal(L l, R r) {
  return {l, r};
}

template <class L, class E>
internal::dynamic_in_t<L, std::vector<E>> in(L l, std::vector<E> values) {
  return {l, std::move(values)};
}
template <class L, class E>
internal::dynamic_in_t<L, std::vector<E>> in(L l,
                                             std::initializer_list<E> values) {
  return {l, values};
}
template <class L, class E>
internal::dynamic_in_t<L, std::vector<E>> not_in(L l, std::vector<E> values) {
  return {l, std::move(values), true};
}

template <class L, class R> internal::and_condition_t<L, R> and_(L l, R r) {
  return {l, r};
}
template <class L, class R> internal::or_condition_t<L, R> or_(L l, R r) {
  return {l, r};
}

template <class C> internal::where_t<C> where(C expression) {
  return {expression};
}
template <class O> internal::order_by_t<O> order_by(O o) { return {o}; }
template <class T> internal::limit_t<T, false, false, void> limit(T lim) {
  return {lim};
}
template <class... Args> internal::columns_t<Args...> columns(Args... args) {
  return {std::make_tuple(args...)};
}
template <class... Args> internal::set_t<Args...> set(Args... args) {
  return {std::make_tuple(args...)};
}
template <class L, class R> internal::assign_t<L, R> assign(L l, R r) {
  return {l, r};
}

} // namespace sqlite_orm

#endif
