// Table definitions for the sqlpp11 stand-in tests, in the shape
// sqlpp11-ddl2cpp generates from:
//   CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
//   CREATE TABLE orders (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL,
//                        total DOUBLE PRECISION);
#ifndef NPLUSONE_TEST_SQLPP11_SHOP_TABLES_H
#define NPLUSONE_TEST_SQLPP11_SHOP_TABLES_H

#include <sqlpp11/sqlpp11.h>

namespace shop {

namespace Users_ {
struct Id {
  struct _alias_t {
    static constexpr const char _literal[] = "id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T id;
      T &operator()() { return id; }
      const T &operator()() const { return id; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::bigint, sqlpp::tag::must_not_insert,
                                     sqlpp::tag::must_not_update>;
};
struct Name {
  struct _alias_t {
    static constexpr const char _literal[] = "name";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T name;
      T &operator()() { return name; }
      const T &operator()() const { return name; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::text, sqlpp::tag::require_insert>;
};
} // namespace Users_

struct Users : sqlpp::table_t<Users, Users_::Id, Users_::Name> {
  struct _alias_t {
    static constexpr const char _literal[] = "users";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T users;
      T &operator()() { return users; }
      const T &operator()() const { return users; }
    };
  };
};

namespace Orders_ {
struct Id {
  struct _alias_t {
    static constexpr const char _literal[] = "id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T id;
      T &operator()() { return id; }
      const T &operator()() const { return id; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::bigint, sqlpp::tag::must_not_insert,
                                     sqlpp::tag::must_not_update>;
};
struct UserId {
  struct _alias_t {
    static constexpr const char _literal[] = "user_id";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T userId;
      T &operator()() { return userId; }
      const T &operator()() const { return userId; }
    };
  };
  using _traits = sqlpp::make_traits<sqlpp::bigint, sqlpp::tag::require_insert>;
};
struct Total {
  struct _alias_t {
    static constexpr const char _literal[] = "total";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T total;
      T &operator()() { return total; }
      const T &operator()() const { return total; }
    };
  };
  using _traits =
      sqlpp::make_traits<sqlpp::floating_point, sqlpp::tag::can_be_null>;
};
} // namespace Orders_

struct Orders
    : sqlpp::table_t<Orders, Orders_::Id, Orders_::UserId, Orders_::Total> {
  struct _alias_t {
    static constexpr const char _literal[] = "orders";
    using _name_t = sqlpp::make_char_sequence<sizeof(_literal), _literal>;
    template <typename T> struct _member_t {
      T orders;
      T &operator()() { return orders; }
      const T &operator()() const { return orders; }
    };
  };
};

} // namespace shop

#endif
