// Stand-in for sqlpp11 0.6x (<sqlpp11/sqlpp11.h>; not packaged by Debian).
// It declares only what the tests use, with the real names: a statement is a
// sqlpp::statement_t<Database, Policies...> whose policies spell its kind
// (select_t, insert_t, update_t, remove_t) and each clause (from_t,
// where_t, ...); each policy contributes its fluent methods through a nested
// _base_t<Statement>, and the statement's "result provider" policy
// (select_column_list_t, insert_t, update_t, remove_t) contributes
// _run(db), which the connectors' operator() calls. Tables are defined the
// way sqlpp11-ddl2cpp generates them (see shop_tables.h). Everything is
// simplified: no serialization, no consistency checks, no prepared
// statements, no dynamic parts. Bodies are stubs.
#ifndef NPLUSONE_TEST_SQLPP11_SQLPP11_H
#define NPLUSONE_TEST_SQLPP11_SQLPP11_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

namespace sqlpp {

// ---------------------------------------------------------------------------
// Value types, tags and traits.

struct no_value_t {};
struct boolean {
  using _cpp_value_type = bool;
};
struct integral {
  using _cpp_value_type = int64_t;
};
struct floating_point {
  using _cpp_value_type = double;
};
struct text {
  using _cpp_value_type = std::string;
};
using tinyint = integral;
using smallint = integral;
using integer = integral;
using bigint = integral;
using varchar = text;
using char_ = text;

namespace tag {
struct can_be_null {};
struct must_not_insert {};
struct must_not_update {};
struct require_insert {};
} // namespace tag

template <typename ValueType, typename... Tags> struct make_traits {
  using _value_type = ValueType;
};

template <std::size_t N, const char *Literal> struct char_sequence {};
template <std::size_t N, const char *Literal>
using make_char_sequence = char_sequence<N, Literal>;

struct consistent_t {};
template <typename Context, typename T> using run_check_t = consistent_t;

/// Base class of all connectors' connection classes.
struct connection {};

// ---------------------------------------------------------------------------
// Expressions.

template <typename T> struct integral_operand { T _t; };
template <typename T> struct floating_point_operand { T _t; };
struct text_operand {
  std::string _t;
};

template <typename T, typename Enable = void> struct wrap_operand {
  using type = T;
};
template <typename T>
struct wrap_operand<T,
                    typename std::enable_if<std::is_integral<T>::value>::type> {
  using type = integral_operand<T>;
};
template <typename T>
struct wrap_operand<
    T, typename std::enable_if<std::is_floating_point<T>::value>::type> {
  using type = floating_point_operand<T>;
};
template <> struct wrap_operand<std::string, void> {
  using type = text_operand;
};
template <> struct wrap_operand<const char *, void> {
  using type = text_operand;
};
template <typename T>
using wrap_operand_t =
    typename wrap_operand<typename std::decay<T>::type>::type;

template <typename Expr> struct boolean_expression_operators;

template <typename Lhs, typename Rhs>
struct logical_and_t : boolean_expression_operators<logical_and_t<Lhs, Rhs>> {};
template <typename Lhs, typename Rhs>
struct logical_or_t : boolean_expression_operators<logical_or_t<Lhs, Rhs>> {};
template <typename Expr>
struct logical_not_t : boolean_expression_operators<logical_not_t<Expr>> {};

template <typename Expr> struct boolean_expression_operators {
  template <typename Rhs> logical_and_t<Expr, Rhs> operator&&(Rhs rhs) const {
    return {};
  }
  template <typename Rhs> logical_or_t<Expr, Rhs> operator||(Rhs rhs) const {
    return {};
  }
  logical_not_t<Expr> operator!() const { return {}; }
};

#define NPLUSONE_SQLPP_COMPARISON(name)                                        \
  template <typename Lhs, typename Rhs>                                        \
  struct name : boolean_expression_operators<name<Lhs, Rhs>> {};
NPLUSONE_SQLPP_COMPARISON(equal_to_t)
NPLUSONE_SQLPP_COMPARISON(not_equal_to_t)
NPLUSONE_SQLPP_COMPARISON(less_than_t)
NPLUSONE_SQLPP_COMPARISON(less_equal_t)
NPLUSONE_SQLPP_COMPARISON(greater_than_t)
NPLUSONE_SQLPP_COMPARISON(greater_equal_t)
NPLUSONE_SQLPP_COMPARISON(like_t)
#undef NPLUSONE_SQLPP_COMPARISON

template <typename Operand, typename... Args>
struct in_t : boolean_expression_operators<in_t<Operand, Args...>> {};
template <typename Operand, typename... Args>
struct not_in_t : boolean_expression_operators<not_in_t<Operand, Args...>> {};
template <typename Operand>
struct is_null_t : boolean_expression_operators<is_null_t<Operand>> {};
template <typename Operand>
struct is_not_null_t : boolean_expression_operators<is_not_null_t<Operand>> {};

/// The operators every value expression (columns, result fields) offers.
template <typename Expr> struct basic_expression_operators {
  template <typename T>
  equal_to_t<Expr, wrap_operand_t<T>> operator==(T t) const {
    return {};
  }
  template <typename T>
  not_equal_to_t<Expr, wrap_operand_t<T>> operator!=(T t) const {
    return {};
  }
  template <typename T>
  less_than_t<Expr, wrap_operand_t<T>> operator<(T t) const {
    return {};
  }
  template <typename T>
  less_equal_t<Expr, wrap_operand_t<T>> operator<=(T t) const {
    return {};
  }
  template <typename T>
  greater_than_t<Expr, wrap_operand_t<T>> operator>(T t) const {
    return {};
  }
  template <typename T>
  greater_equal_t<Expr, wrap_operand_t<T>> operator>=(T t) const {
    return {};
  }
  template <typename T> like_t<Expr, wrap_operand_t<T>> like(T t) const {
    return {};
  }
  template <typename... T> in_t<Expr, wrap_operand_t<T>...> in(T... t) const {
    return {};
  }
  template <typename... T>
  not_in_t<Expr, wrap_operand_t<T>...> not_in(T... t) const {
    return {};
  }
  is_null_t<Expr> is_null() const { return {}; }
  is_not_null_t<Expr> is_not_null() const { return {}; }
};

/// sqlpp::value_list(container): the argument of in() for a runtime list.
template <typename Container> struct value_list_t { Container _container; };
template <typename Container> value_list_t<Container> value_list(Container c) {
  return {c};
}

template <typename Lhs, typename Rhs> struct assignment_t {
  Lhs _lhs;
  Rhs _rhs;
};

// ---------------------------------------------------------------------------
// Tables and columns.

template <typename Table, typename ColumnSpec>
struct column_t
    : public basic_expression_operators<column_t<Table, ColumnSpec>> {
  using _spec_t = ColumnSpec;
  using _table = Table;
  using _alias_t = typename ColumnSpec::_alias_t;
  using _value_type = typename ColumnSpec::_traits::_value_type;

  column_t() = default;
  column_t(const column_t &) = default;
  column_t(column_t &&) = default;
  column_t &operator=(const column_t &) = default;
  column_t &operator=(column_t &&) = default;

  template <typename T>
  assignment_t<column_t, wrap_operand_t<T>> operator=(T t) const {
    return {};
  }
};

template <typename NamedExpr, typename T>
using member_t = typename NamedExpr::_alias_t::template _member_t<T>;

struct table_base_t {};

template <typename Table, typename... ColumnSpec>
struct table_t : public table_base_t,
                 public member_t<ColumnSpec, column_t<Table, ColumnSpec>>... {
  using _table_t = Table;
};

// ---------------------------------------------------------------------------
// Results.

template <typename ValueType, typename Db, typename FieldSpec>
struct result_field_t {
  using _cpp_value_type = typename ValueType::_cpp_value_type;
  _cpp_value_type value() const { return _cpp_value_type(); }
  bool is_null() const { return false; }
  operator _cpp_value_type() const { return value(); }
};

/// One row of a select result: one member per selected column, named like
/// the column (row.id, row.name).
template <typename Db, typename... FieldSpecs>
struct result_row_t
    : public member_t<
          FieldSpecs,
          result_field_t<typename FieldSpecs::_value_type, Db, FieldSpecs>>... {
  explicit operator bool() const { return true; }
};

template <typename DbResult, typename ResultRow> class result_t {
public:
  class iterator {
  public:
    const ResultRow &operator*() const { return *_row; }
    const ResultRow *operator->() const { return _row; }
    iterator &operator++() { return *this; }
    bool operator==(const iterator &) const { return true; }
    bool operator!=(const iterator &) const { return false; }

  private:
    const ResultRow *_row = nullptr;
  };

  result_t() = default;
  iterator begin() { return {}; }
  iterator end() { return {}; }
  const ResultRow &front() const { return _result_row; }
  bool empty() const { return true; }
  void pop_front() {}

private:
  ResultRow _result_row;
};

// ---------------------------------------------------------------------------
// Statements.

template <typename Database, typename... Policies> struct statement_t;

namespace detail {

template <typename Statement, typename Old, typename New>
struct new_statement_impl;
template <typename Database, typename... Policies, typename Old, typename New>
struct new_statement_impl<statement_t<Database, Policies...>, Old, New> {
  using type =
      statement_t<Database,
                  typename std::conditional<std::is_same<Policies, Old>::value,
                                            New, Policies>::type...>;
};

struct no_result_t {
  template <typename Statement> struct _result_methods_t {};
};

template <typename Policy, typename = void>
struct is_result_provider : std::false_type {};
template <typename Policy>
struct is_result_provider<
    Policy, typename std::enable_if<Policy::_is_result_provider>::type>
    : std::true_type {};

template <typename... Policies> struct result_provider {
  using type = no_result_t;
};
template <typename Policy, typename... Rest>
struct result_provider<Policy, Rest...> {
  using type =
      typename std::conditional<is_result_provider<Policy>::value, Policy,
                                typename result_provider<Rest...>::type>::type;
};

} // namespace detail

/// The statement with clause policy Old replaced by New.
template <typename Statement, typename Old, typename New>
using new_statement_t =
    typename detail::new_statement_impl<Statement, Old, New>::type;

template <typename Database, typename... Policies>
struct statement_t
    : public Policies::template _base_t<statement_t<Database, Policies...>>...,
      public detail::result_provider<Policies...>::type::
          template _result_methods_t<statement_t<Database, Policies...>> {
  using _database_t = Database;
};

// Statement names.

struct select_t {
  template <typename Statement> struct _base_t {};
};
struct insert_t;
struct update_t;
struct remove_t;

// FROM

template <typename Database, typename Table> struct from_t {
  template <typename Statement> struct _base_t {};
};
struct no_from_t {
  template <typename Statement> struct _base_t {
    template <typename Table>
    new_statement_t<Statement, no_from_t, from_t<void, Table>>
    from(Table table) const {
      return {};
    }
  };
};

// WHERE

struct unconditional_t {};
template <typename Database, typename Expression> struct where_t {
  template <typename Statement> struct _base_t {};
};
template <bool WhereRequired> struct no_where_t {
  template <typename Statement> struct _base_t {
    template <typename Expression>
    new_statement_t<Statement, no_where_t, where_t<void, Expression>>
    where(Expression expression) const {
      return {};
    }
    new_statement_t<Statement, no_where_t, where_t<void, unconditional_t>>
    unconditionally() const {
      return {};
    }
  };
};

// ORDER BY / LIMIT / OFFSET

template <typename Database, typename... Expressions> struct order_by_t {
  template <typename Statement> struct _base_t {};
};
struct no_order_by_t {
  template <typename Statement> struct _base_t {
    template <typename... Expressions>
    new_statement_t<Statement, no_order_by_t, order_by_t<void, Expressions...>>
    order_by(Expressions... expressions) const {
      return {};
    }
  };
};
template <typename Limit> struct limit_t {
  template <typename Statement> struct _base_t {};
};
struct no_limit_t {
  template <typename Statement> struct _base_t {
    template <typename Arg>
    new_statement_t<Statement, no_limit_t, limit_t<wrap_operand_t<Arg>>>
    limit(Arg arg) const {
      return {};
    }
  };
};
template <typename Offset> struct offset_t {
  template <typename Statement> struct _base_t {};
};
struct no_offset_t {
  template <typename Statement> struct _base_t {
    template <typename Arg>
    new_statement_t<Statement, no_offset_t, offset_t<wrap_operand_t<Arg>>>
    offset(Arg arg) const {
      return {};
    }
  };
};

// SELECT column list: the result provider of select statements.

template <typename Database, typename... Columns> struct select_column_list_t {
  static constexpr bool _is_result_provider = true;
  template <typename Statement> struct _base_t {};
  template <typename Statement> struct _result_methods_t {
    template <typename Db>
    auto _run(Db &db) const
        -> result_t<decltype(db.select(std::declval<const Statement &>())),
                    result_row_t<Db, Columns...>> {
      return {};
    }
  };
};
struct no_select_column_list_t {
  template <typename Statement> struct _base_t {
    template <typename... Columns>
    new_statement_t<Statement, no_select_column_list_t,
                    select_column_list_t<void, Columns...>>
    columns(Columns... columns) const {
      return {};
    }
  };
};

template <typename Database>
using blank_select_t =
    statement_t<Database, select_t, no_select_column_list_t, no_from_t,
                no_where_t<true>, no_order_by_t, no_limit_t, no_offset_t>;

inline blank_select_t<void> select() { return {}; }

template <typename... Columns>
auto select(Columns... columns)
    -> decltype(blank_select_t<void>().columns(columns...)) {
  return blank_select_t<void>().columns(columns...);
}

// INSERT

struct insert_t {
  static constexpr bool _is_result_provider = true;
  template <typename Statement> struct _base_t {};
  template <typename Statement> struct _result_methods_t {
    template <typename Db>
    auto _run(Db &db) const
        -> decltype(db.insert(std::declval<const Statement &>())) {
      return {};
    }
  };
};
template <typename Database, typename Table> struct into_t {
  template <typename Statement> struct _base_t {};
};
struct no_into_t {
  template <typename Statement> struct _base_t {
    template <typename Table>
    new_statement_t<Statement, no_into_t, into_t<void, Table>>
    into(Table table) const {
      return {};
    }
  };
};
template <typename Database, typename... Assignments> struct insert_list_t {
  template <typename Statement> struct _base_t {};
};
struct insert_default_values_t {
  template <typename Statement> struct _base_t {};
};
struct no_insert_value_list_t {
  template <typename Statement> struct _base_t {
    template <typename... Assignments>
    new_statement_t<Statement, no_insert_value_list_t,
                    insert_list_t<void, Assignments...>>
    set(Assignments... assignments) const {
      return {};
    }
    new_statement_t<Statement, no_insert_value_list_t, insert_default_values_t>
    default_values() const {
      return {};
    }
  };
};

template <typename Database>
using blank_insert_t =
    statement_t<Database, insert_t, no_into_t, no_insert_value_list_t>;

inline blank_insert_t<void> insert() { return {}; }

template <typename Table>
constexpr auto insert_into(Table table)
    -> decltype(blank_insert_t<void>().into(table)) {
  return {};
}

// UPDATE

struct update_t {
  static constexpr bool _is_result_provider = true;
  template <typename Statement> struct _base_t {};
  template <typename Statement> struct _result_methods_t {
    template <typename Db>
    auto _run(Db &db) const
        -> decltype(db.update(std::declval<const Statement &>())) {
      return {};
    }
  };
};
template <typename Database, typename Table> struct single_table_t {
  template <typename Statement> struct _base_t {};
};
struct no_single_table_t {
  template <typename Statement> struct _base_t {
    template <typename Table>
    new_statement_t<Statement, no_single_table_t, single_table_t<void, Table>>
    single_table(Table table) const {
      return {};
    }
  };
};
template <typename Database, typename... Assignments> struct update_list_t {
  template <typename Statement> struct _base_t {};
};
struct no_update_list_t {
  template <typename Statement> struct _base_t {
    template <typename... Assignments>
    new_statement_t<Statement, no_update_list_t,
                    update_list_t<void, Assignments...>>
    set(Assignments... assignments) const {
      return {};
    }
  };
};

template <typename Database>
using blank_update_t = statement_t<Database, update_t, no_single_table_t,
                                   no_update_list_t, no_where_t<true>>;

template <typename Table>
constexpr auto update(Table table)
    -> decltype(blank_update_t<void>().single_table(table)) {
  return {};
}

// DELETE

struct remove_t {
  static constexpr bool _is_result_provider = true;
  template <typename Statement> struct _base_t {};
  template <typename Statement> struct _result_methods_t {
    template <typename Db>
    auto _run(Db &db) const
        -> decltype(db.remove(std::declval<const Statement &>())) {
      return {};
    }
  };
};
struct no_using_t {
  template <typename Statement> struct _base_t {};
};

template <typename Database>
using blank_remove_t =
    statement_t<Database, remove_t, no_from_t, no_using_t, no_where_t<true>>;

inline blank_remove_t<void> remove() { return {}; }

template <typename Table>
auto remove_from(Table table) -> decltype(blank_remove_t<void>().from(table)) {
  return {};
}

// ---------------------------------------------------------------------------
// Connections.

/// What the connectors' `connection` aliases name: a connection owning its
/// handle, built on the connector's connection_base.
template <typename ConnectionBase>
class normal_connection : public ConnectionBase {
public:
  using _config_ptr_t = typename ConnectionBase::_config_ptr_t;

  normal_connection() = default;
  explicit normal_connection(const _config_ptr_t &config) {}
  normal_connection(const normal_connection &) = delete;
  normal_connection(normal_connection &&) = default;
  void connectUsing(const _config_ptr_t &config) {}
};

} // namespace sqlpp

#endif
