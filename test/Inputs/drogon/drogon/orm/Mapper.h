// Stand-in for Drogon ORM (not packaged by Debian): DbClient, Mapper<T>,
// Criteria, and a model class shaped like drogon_ctl's generated code, with
// the real names and the signatures the tests use. Bodies are stubs.
#ifndef NPLUSONE_TEST_DROGON_ORM_MAPPER_H
#define NPLUSONE_TEST_DROGON_ORM_MAPPER_H

#include <memory>
#include <string>
#include <vector>

namespace drogon {
namespace orm {

class Result;
class DbClient {
public:
  template <typename... Arguments>
  Result execSqlSync(const std::string &sql, Arguments &&...args);
};
using DbClientPtr = std::shared_ptr<DbClient>;

enum class CompareOperator { EQ, NE, GT, GE, LT, LE, Like, In };

class Criteria {
public:
  template <typename T>
  Criteria(const std::string &colName, const CompareOperator &opera, T &&arg);
};

template <typename T> class Mapper {
public:
  explicit Mapper(const DbClientPtr &client);
  std::vector<T> findAll();
  std::vector<T> findBy(const Criteria &criteria);
  T findOne(const Criteria &criteria);
  template <typename Key> T findByPrimaryKey(const Key &key);
  size_t count(const Criteria &criteria);
  void insert(T &obj);
  size_t update(const T &obj);
};

} // namespace orm
} // namespace drogon

// The shape drogon_ctl generates for tables users and orders.
namespace drogon_model {
namespace shop {
class Users {
public:
  const std::string &getValueOfName() const noexcept;
  int getValueOfId() const noexcept;
};
class Orders {
public:
  int getValueOfId() const noexcept;
  int getValueOfUserId() const noexcept;
  Users getUser(const drogon::orm::DbClientPtr &clientPtr) const;
};
} // namespace shop
} // namespace drogon_model

#endif
