// Stand-in for MySQL Connector/C++ 8 X DevAPI (<mysqlx/xdevapi.h>; Debian
// ships no libmysqlcppconn8 headers). It declares only what the tests use,
// with the real names, namespaces and signatures: everything lives in
// mysqlx::abi2::r0 (the inline namespaces MYSQLX_ABI_BEGIN(2,0) opens), the
// fluent-API mixins (Bind_parameters, Order_by, Limit, ...) live in
// mysqlx::internal, and every operation gets execute() from the template
// mysqlx::Executable<Res, Op>, as in the real headers. Bodies are stubs.
#ifndef NPLUSONE_TEST_MYSQLX_XDEVAPI_H
#define NPLUSONE_TEST_MYSQLX_XDEVAPI_H

#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>

#define MYSQLX_ABI_BEGIN(X, Y)                                                 \
  inline namespace abi##X {                                                    \
    inline namespace r##Y {
#define MYSQLX_ABI_END(X, Y)                                                   \
  }                                                                            \
  }

namespace mysqlx {
MYSQLX_ABI_BEGIN(2, 0)

using col_count_t = uint32_t;
using row_count_t = uint64_t;

class Session;
class Schema;
class Table;
class Collection;
class Row;
class DbDoc;
class Result;
class RowResult;
class SqlResult;
class DocResult;

/// UTF-16 string class of the DevAPI, convertible to and from std::string.
class string : public std::u16string {
public:
  string() {}
  string(const char *other);
  string(const std::string &other);
  operator std::string() const;
};

class Value {
public:
  enum Type {
    VNULL,
    UINT64,
    INT64,
    FLOAT,
    DOUBLE,
    BOOL,
    STRING,
    DOCUMENT,
    RAW,
    ARRAY
  };

  Value();
  Value(std::nullptr_t);
  Value(int64_t val);
  Value(uint64_t val);
  Value(float val);
  Value(double val);
  Value(bool val);
  Value(const char *str);
  Value(const std::string &str);
  Value(const mysqlx::string &str);
  Value(const DbDoc &doc);
  template <typename T, typename std::enable_if<
                            std::is_integral<T>::value &&
                            !std::is_same<T, bool>::value>::type * = nullptr>
  Value(T x) {}

  Type getType() const;
  bool isNull() const;
  template <typename T> T get() const { return T(); }

  operator int() const;
  operator unsigned() const;
  operator int64_t() const;
  operator uint64_t() const;
  operator float() const;
  operator double() const;
  operator bool() const;
  operator std::string() const;
  operator mysqlx::string() const;

  const Value &operator[](const char *name) const;
  const Value &operator[](int pos) const;
};

class DbDoc {
public:
  DbDoc();
  explicit DbDoc(const std::string &json);
  bool hasField(const mysqlx::string &field) const;
  const Value &operator[](const char *field) const;
  const Value &operator[](const mysqlx::string &field) const;
};

class Row {
public:
  Row() {}
  col_count_t colCount() const;
  Value &get(col_count_t pos);
  const Value &operator[](col_count_t pos) const;
  Value &operator[](col_count_t pos);
  bool isNull() const;
  explicit operator bool() const;
};

template <class Res, class Op> class Executable;

namespace internal {

/// The row/document iterator of result classes.
template <typename Source, typename Value_type> class Iterator {
public:
  Iterator() {}
  explicit Iterator(Source &src) {}
  Value_type operator*() const { return Value_type(); }
  Iterator &operator++() { return *this; }
  bool operator!=(const Iterator &) const { return false; }
  bool operator==(const Iterator &) const { return true; }
};

/// Returned by fetchAll(): converts to any STL container of items.
template <typename Source> class List_initializer {
public:
  template <typename Container> operator Container() const {
    return Container();
  }
};

class Result_detail {};

class Row_result_detail : public Result_detail {
public:
  using iterator = Iterator<Row_result_detail, Row>;
  using RowList = List_initializer<Row_result_detail &>;
};

class Doc_result_detail : public Result_detail {
public:
  using iterator = Iterator<Doc_result_detail, DbDoc>;
  using DocList = List_initializer<Doc_result_detail &>;
};

template <class Base> class Result_common : protected Base {
public:
  uint64_t getAffectedItemsCount() const;
  unsigned getWarningsCount() const;
};

} // namespace internal

class Result : public internal::Result_common<internal::Result_detail> {
public:
  Result() = default;
  uint64_t getAutoIncrementValue() const;
};

class RowResult : public internal::Result_common<internal::Row_result_detail> {
public:
  using iterator = internal::Row_result_detail::iterator;
  using RowList = internal::Row_result_detail::RowList;

  RowResult() = default;
  col_count_t getColumnCount() const;
  Row fetchOne();
  RowList fetchAll();
  row_count_t count();
  iterator begin();
  iterator end() const;
};

class SqlResult : public RowResult {
public:
  SqlResult() = default;
  bool hasData() const;
  bool nextResult();
  uint64_t getAutoIncrementValue();
};

class DocResult : public internal::Result_common<internal::Doc_result_detail> {
public:
  using iterator = internal::Doc_result_detail::iterator;
  using DocList = internal::Doc_result_detail::DocList;

  DocResult() = default;
  DbDoc fetchOne();
  DocList fetchAll();
  uint64_t count();
  iterator begin();
  iterator end() const;
};

/// Represents an operation that can be executed; execute() returns Res.
template <class Res, class Op> class Executable {
protected:
  Executable() = default;

public:
  Executable(const Executable &other) {}
  Executable(Executable &&other) {}
  virtual ~Executable() {}
  Executable &operator=(const Executable &other) { return *this; }
  Executable &operator=(Executable &&other) { return *this; }

  virtual Res execute() { return Res(); }
};

namespace internal {

// Fluent-API mixins: each adds one call on top of its base class.

template <class Base> class Offset : public Base {
  using Operation = Base;

public:
  Operation &offset(unsigned rows) { return *this; }
};

template <class Base> class Limit : public Base {
  using Operation = Base;

public:
  Operation &limit(unsigned items) { return *this; }
};

template <class Base> class Sort : public Base {
  using Operation = Base;

public:
  template <typename... Type> Operation &sort(Type... spec) { return *this; }
};

template <class Base> class Order_by : public Base {
  using Operation = Base;

public:
  template <typename... Type> Operation &orderBy(Type... spec) { return *this; }
};

template <class Base> class Having : public Base {
  using Operation = Base;

public:
  Operation &having(const string &having_spec) { return *this; }
};

template <class Base> class Group_by : public Base {
  using Operation = Base;

public:
  template <typename... Expr> Operation &groupBy(Expr... group_by_spec) {
    return *this;
  }
};

/// Values for '?' placeholders (used by SQL statements).
template <class Base> class Bind_placeholders : public Base {
  using BindOperation = Bind_placeholders;

public:
  template <typename... Types> BindOperation &bind(Types &&...vals) {
    return *this;
  }
};

/// Values for named ':param' parameters (used by CRUD operations).
template <class Base> class Bind_parameters : public Base {
  using BindOperation = Bind_parameters;
  using Operation = Base;

public:
  BindOperation &bind(const string &parameter, const Value &val) {
    return *this;
  }
  template <class Map> Operation &bind(const Map &args) { return *this; }
};

} // namespace internal

// Table operations.

class TableInsert;
class TableSelect;
class TableUpdate;
class TableRemove;

namespace internal {

struct Table_insert_base : public Executable<Result, TableInsert> {};

struct Table_select_cmd : public Executable<RowResult, TableSelect> {};
struct Table_select_base
    : public Group_by<
          Having<Order_by<Limit<Offset<Bind_parameters<Table_select_cmd>>>>>> {
};

struct Table_update_cmd : public Executable<Result, TableUpdate> {};
struct Table_update_base
    : public Order_by<Limit<Bind_parameters<Table_update_cmd>>> {};

struct Table_remove_cmd : public Executable<Result, TableRemove> {};
struct Table_remove_base
    : public Order_by<Limit<Bind_parameters<Table_remove_cmd>>> {};

} // namespace internal

class TableInsert : public internal::Table_insert_base {
public:
  TableInsert(Table &table);
  TableInsert &values(const Row &row) { return *this; }
  template <typename... Types> TableInsert &values(Types... rest) {
    return *this;
  }
  template <typename Container> TableInsert &rows(const Container &cont) {
    return *this;
  }
};

class TableSelect : public internal::Table_select_base {
  using Operation = internal::Table_select_base;

public:
  TableSelect(Table &table);
  template <typename... PROJ>
  TableSelect(Table &table, const PROJ &...proj) : TableSelect(table) {}
  Operation &where(const string &expr) { return *this; }
};

class TableUpdate : public internal::Table_update_base {
  using Operation = internal::Table_update_base;

public:
  TableUpdate(Table &table);
  TableUpdate &set(const string &field, const Value &val) { return *this; }
  Operation &where(const string &expr) { return *this; }
};

class TableRemove : public internal::Table_remove_base {
  using Operation = internal::Table_remove_base;

public:
  TableRemove(Table &table);
  Operation &where(const string &expr) { return *this; }
};

// Collection operations.

class CollectionAdd;
class CollectionFind;
class CollectionModify;
class CollectionRemove;

namespace internal {

struct Collection_add_base : public Executable<Result, CollectionAdd> {};

struct Collection_find_cmd : public Executable<DocResult, CollectionFind> {};
struct Collection_find_base
    : public Group_by<
          Having<Sort<Limit<Offset<Bind_parameters<Collection_find_cmd>>>>>> {};

struct Collection_modify_cmd : public Executable<Result, CollectionModify> {};
struct Collection_modify_base
    : public Sort<Limit<Bind_parameters<Collection_modify_cmd>>> {};

struct Collection_remove_cmd : public Executable<Result, CollectionRemove> {};
struct Collection_remove_base
    : public Sort<Limit<Bind_parameters<Collection_remove_cmd>>> {};

} // namespace internal

class CollectionAdd : public internal::Collection_add_base {
public:
  CollectionAdd(Collection &coll);
  template <typename... Types> CollectionAdd &add(const Types &...docs) {
    return *this;
  }
};

class CollectionFind : public internal::Collection_find_base {
  using Operation = internal::Collection_find_base;

public:
  CollectionFind(Collection &coll);
  CollectionFind(Collection &coll, const string &expr);
  template <typename... Expr> Operation &fields(Expr... proj) { return *this; }
};

class CollectionModify : public internal::Collection_modify_base {
public:
  CollectionModify(Collection &coll, const string &expr);
  CollectionModify &set(const string &field, const Value &val) { return *this; }
  CollectionModify &unset(const string &field) { return *this; }
  CollectionModify &patch(const string &val) { return *this; }
};

class CollectionRemove : public internal::Collection_remove_base {
public:
  CollectionRemove(Collection &coll, const string &expr);
};

// SQL statements.

namespace internal {

struct SQL_statement;
using SQL_statement_cmd = Executable<SqlResult, SQL_statement>;

struct SQL_statement : public Bind_placeholders<SQL_statement_cmd> {
  SQL_statement(Session *sess, const string &query);
};

} // namespace internal

using SqlStatement = internal::SQL_statement;

// Database objects.

class Schema {
public:
  Schema(Session &sess, const string &name);
  explicit Schema(Session &sess);
  const string &getName() const;
  Session &getSession();
  bool existsInDatabase() const;
  Collection createCollection(const string &name, bool reuse = false);
  Collection getCollection(const string &name, bool check_exists = false);
  Table getTable(const string &name, bool check_exists = false);
  Table getCollectionAsTable(const string &name, bool check_exists = true);
};

class Table {
public:
  Table(const Schema &sch, const string &name);
  const string &getName() const;
  uint64_t count();

  TableInsert insert();
  template <class... T> TableInsert insert(const T &...t) {
    return TableInsert(*this);
  }
  template <typename... PROJ> TableSelect select(const PROJ &...proj) {
    return TableSelect(*this, proj...);
  }
  TableRemove remove();
  TableUpdate update();
};

class Collection {
public:
  Collection(const Schema &sch, const string &name);
  const string &getName() const;
  uint64_t count();

  CollectionFind find();
  CollectionFind find(const string &cond);
  template <typename... Types> CollectionAdd add(Types... args) {
    return CollectionAdd(*this);
  }
  CollectionRemove remove(const string &cond);
  CollectionModify modify(const string &expr);
  DbDoc getOne(const string &id);
  Result removeOne(const string &id);
  Result replaceOne(const string &id, Value &&document);
  Result addOrReplaceOne(const string &id, Value &&document);
};

class Session {
public:
  template <typename... T> Session(T... options) {}
  Session(Session &&other);

  Schema createSchema(const string &name, bool reuse = false);
  Schema getSchema(const string &name, bool check_exists = false);
  Schema getDefaultSchema();
  void dropSchema(const string &name);
  SqlStatement sql(const string &query);
  void startTransaction();
  void commit();
  void rollback();
  void close();
};

MYSQLX_ABI_END(2, 0)
} // namespace mysqlx

#endif
