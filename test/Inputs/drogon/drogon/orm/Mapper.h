// Stand-in for Drogon ORM (not packaged by Debian): DbClient and
// Transaction, Result / Row / Field, Mapper<T>, Criteria, and model classes
// shaped like drogon_ctl's generated code, with the real names and the
// signatures the tests use. The real library spreads these over DbClient.h,
// Result.h, Row.h, Field.h, Criteria.h and Mapper.h. Bodies are stubs.
#ifndef NPLUSONE_TEST_DROGON_ORM_MAPPER_H
#define NPLUSONE_TEST_DROGON_ORM_MAPPER_H

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace drogon {
namespace orm {

// One value of a row (Field.h).
class Field {
public:
  template <typename T> T as() const;
  bool isNull() const;
  const char *c_str() const;
};

// One row of a result (Row.h).
class Row {
public:
  using SizeType = size_t;
  using Reference = Field;
  Reference operator[](SizeType index) const noexcept;
  Reference operator[](int index) const noexcept;
  Reference operator[](const char columnName[]) const;
  Reference operator[](const std::string &columnName) const;
  SizeType size() const;
};

// The rows a statement returned (Result.h, ResultIterator.h).
class ConstResultIterator {
public:
  using value_type = const Row;
  using pointer = const Row *;
  using reference = const Row &;
  reference operator*();
  pointer operator->();
  ConstResultIterator &operator++();
  ConstResultIterator operator++(int);
  bool operator==(const ConstResultIterator &other) const;
  bool operator!=(const ConstResultIterator &other) const;
};

class Result {
public:
  using size_type = unsigned long;
  using reference = Row;
  using ConstIterator = ConstResultIterator;
  using Iterator = ConstIterator;
  size_type size() const noexcept;
  bool empty() const noexcept { return size() == 0; }
  ConstIterator begin() const noexcept;
  ConstIterator end() const noexcept;
  reference front() const noexcept;
  reference operator[](size_type index) const;
  reference at(size_type index) const;
  size_type affectedRows() const noexcept;
};

class Transaction;
class DbClient {
public:
  virtual ~DbClient();
  template <typename... Arguments>
  const Result execSqlSync(const std::string &sql, Arguments &&...args);
  std::shared_ptr<Transaction> newTransaction(
      const std::function<void(bool)> &commitCallback =
          std::function<void(bool)>());
};
using DbClientPtr = std::shared_ptr<DbClient>;

// A transaction is a client whose statements run in it; it commits when the
// last reference goes away (DbClient.h).
class Transaction : public DbClient {
public:
  virtual void rollback() = 0;
  virtual void setCommitCallback(
      const std::function<void(bool)> &commitCallback) = 0;
};

enum class CompareOperator { EQ, NE, GT, GE, LT, LE, Like, In };
enum class SortOrder { ASC, DESC };

class Criteria {
public:
  Criteria();
  template <typename T>
  Criteria(const std::string &colName, const CompareOperator &opera, T &&arg);
  template <typename T> Criteria(const std::string &colName, T &&arg);
  explicit operator bool() const;
  Criteria operator&&(const Criteria &other) const;
};

template <typename T> class Mapper {
public:
  explicit Mapper(const DbClientPtr &client);
  Mapper<T> &limit(size_t limit);
  Mapper<T> &offset(size_t offset);
  Mapper<T> &orderBy(const std::string &colName,
                     const SortOrder &order = SortOrder::ASC);
  std::vector<T> findAll();
  std::vector<T> findBy(const Criteria &criteria);
  T findOne(const Criteria &criteria);
  template <typename Key> T findByPrimaryKey(const Key &key);
  size_t count(const Criteria &criteria = Criteria());
  void insert(T &obj);
  size_t update(const T &obj);
  size_t deleteOne(const T &obj);
  size_t deleteBy(const Criteria &criteria);
};

} // namespace orm
} // namespace drogon

// The shape drogon_ctl generates for tables users and orders.
namespace drogon_model {
namespace shop {
class Users {
public:
  struct Cols {
    static const std::string _id;
    static const std::string _name;
  };
  const static std::string tableName;
  const std::string &getValueOfName() const noexcept;
  int getValueOfId() const noexcept;
  void setName(const std::string &pName) noexcept;
};
class Orders {
public:
  struct Cols {
    static const std::string _id;
    static const std::string _user_id;
    static const std::string _total;
  };
  const static std::string tableName;
  int getValueOfId() const noexcept;
  int getValueOfUserId() const noexcept;
  double getValueOfTotal() const noexcept;
  void setUserId(const int &pUserId) noexcept;
  Users getUser(const drogon::orm::DbClientPtr &clientPtr) const;
};
} // namespace shop
} // namespace drogon_model

#endif
