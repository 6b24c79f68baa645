//===- Orm.cpp - ODB, Wt::Dbo and Drogon ORM ------------------------------===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// ODB. Queries and loads go through odb::database; lazy pointers load their
// object on load().
constexpr ApiFunction odbRead(const char *Name) {
  return {Name, RoleExecute, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction odbWrite(const char *Name) {
  return {Name, RoleExecute, AccessKind::Write, NoArg, 0};
}
constexpr ApiFunction odbLazy(const char *Name) {
  return {Name, RoleLazyLoad, AccessKind::Read, NoArg, NoArg, ImplicitObject};
}
const ApiFunction OdbFunctions[] = {
    odbRead("odb::database::query"),        odbRead("odb::database::query_one"),
    odbRead("odb::database::query_value"),  odbRead("odb::database::load"),
    odbRead("odb::database::find"),         odbWrite("odb::database::persist"),
    odbWrite("odb::database::update"),      odbWrite("odb::database::erase"),
    odbWrite("odb::database::erase_query"), odbLazy("odb::lazy_ptr::load"),
    odbLazy("odb::lazy_shared_ptr::load"),  odbLazy("odb::lazy_weak_ptr::load"),
    odbLazy("odb::lazy_unique_ptr::load"),
};
const char *const OdbResultTypes[] = {"odb::result"};

// Wt::Dbo. A query runs when its results are asked for; a ptr<> or
// collection<> data member is a relation, loaded on first access.
constexpr ApiFunction dboRelation(const char *Name) {
  return {Name,
          RoleLazyLoad | RoleOnMemberOnly,
          AccessKind::Read,
          NoArg,
          NoArg,
          ImplicitObject};
}
const ApiFunction WtDboFunctions[] = {
    {"Wt::Dbo::Query::resultList", RoleExecute, AccessKind::Read, NoArg, NoArg,
     ImplicitObject},
    {"Wt::Dbo::Query::resultValue", RoleExecute, AccessKind::Read, NoArg, NoArg,
     ImplicitObject},
    {"Wt::Dbo::Session::load", RoleExecute, AccessKind::Read, NoArg, 0},
    dboRelation("Wt::Dbo::ptr::operator->"),
    dboRelation("Wt::Dbo::ptr::operator*"),
    dboRelation("Wt::Dbo::collection::size"),
    dboRelation("Wt::Dbo::collection::begin"),
    dboRelation("Wt::Dbo::collection::front"),
};
const char *const WtDboResultTypes[] = {"Wt::Dbo::collection"};

// Drogon ORM. Generated models get one `getXxx(const DbClientPtr &)` method
// per relation, each running a query.
const ApiFunction DrogonFunctions[] = {
    {"drogon::orm::Mapper::findAll", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findBy", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findOne", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findByPrimaryKey", RoleExecute, AccessKind::Read,
     NoArg, 0},
    {"drogon::orm::Mapper::count", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::insert", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::Mapper::update", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::Mapper::deleteBy", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::DbClient::execSqlSync", RoleExecute, AccessKind::ByText, 0,
     1},
};
const ApiMethodShape DrogonShapes[] = {
    {"drogon_model::",
     "get",
     "drogon::orm::DbClient",
     {"", RoleLazyLoad, AccessKind::Read, NoArg, NoArg, ImplicitObject}},
};

} // namespace

const LibraryModel &odb() {
  static const LibraryModel M{
      "odb",
      "ODB",
      SqlDialect::Generic,
      OdbFunctions,
      OdbResultTypes,
      "use one odb::query<T> over all keys: query<T>::id.in(...) or "
      "in_range(first, last)",
      "persist and update all objects in one transaction, or one "
      "erase_query() for deletes",
      nullptr,
      "an ODB view that JOINs the related table, or one query for all "
      "related ids with odb::query<T>::id.in_range(first, last)"};
  return M;
}

const LibraryModel &wtDbo() {
  static const LibraryModel M{
      "wt-dbo",
      "Wt::Dbo",
      SqlDialect::Generic,
      WtDboFunctions,
      WtDboResultTypes,
      "one find<T>().where(\"id in (...)\") over all keys",
      "modify all objects in one Wt::Dbo::Transaction",
      nullptr,
      "one query that joins both tables (session.query<std::tuple<ptr<A>, "
      "ptr<B>>>(...)), or one find<B>().where(\"id in (...)\") for all "
      "related ids"};
  return M;
}

const LibraryModel &drogon() {
  static const LibraryModel M{
      "drogon",
      "Drogon ORM",
      SqlDialect::Generic,
      DrogonFunctions,
      {},
      "one Mapper<T>::findBy(Criteria(\"id\", CompareOperator::In, ids))",
      "one multi-row insert through DbClient::execSqlSync, inside one "
      "transaction (newTransaction())",
      nullptr,
      "one Mapper<T>::findBy(Criteria(\"id\", CompareOperator::In, ids)) for "
      "all related ids, or a JOIN through DbClient::execSqlSync",
      DrogonShapes};
  return M;
}

} // namespace models
} // namespace nplusone
