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
constexpr ApiFunction odbReadOne(const char *Name) {
  return {Name, RoleExecute | RoleSingleRow, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction odbWrite(const char *Name) {
  return {Name, RoleExecute, AccessKind::Write, NoArg, 0};
}
constexpr ApiFunction odbLazy(const char *Name) {
  return {Name, RoleLazyLoad, AccessKind::Read, NoArg, NoArg, ImplicitObject};
}
const ApiFunction OdbFunctions[] = {
    odbRead("odb::database::query"),
    odbReadOne("odb::database::query_one"),
    odbReadOne("odb::database::query_value"),
    odbRead("odb::database::load"),
    odbRead("odb::database::find"),
    odbWrite("odb::database::persist"),
    odbWrite("odb::database::update"),
    odbWrite("odb::database::erase"),
    odbWrite("odb::database::erase_query"),
    odbLazy("odb::lazy_ptr::load"),
    odbLazy("odb::lazy_shared_ptr::load"),
    odbLazy("odb::lazy_weak_ptr::load"),
    odbLazy("odb::lazy_unique_ptr::load"),
    {"odb::transaction::transaction", RoleTransaction},
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
    // find<T>() and query<T>(sql) build a query; it runs when its results
    // are asked for, or when it converts to a collection or a ptr.
    {"Wt::Dbo::Session::find", RolePrepare | RoleStatementInputs,
     AccessKind::Read, NoArg, NoArg, ReturnValue},
    {"Wt::Dbo::Session::query", RolePrepare | RoleStatementInputs,
     AccessKind::Read, 0, NoArg, ReturnValue},
    {"Wt::Dbo::Query::resultList", RoleExecute, AccessKind::Read, NoArg, NoArg,
     ImplicitObject},
    {"Wt::Dbo::Query::resultValue", RoleExecute | RoleSingleRow,
     AccessKind::Read, NoArg, NoArg, ImplicitObject},
    {"Wt::Dbo::Query::operator Wt::Dbo::collection", RoleExecute,
     AccessKind::Read, NoArg, NoArg, ImplicitObject},
    {"Wt::Dbo::Query::operator Wt::Dbo::ptr", RoleExecute | RoleSingleRow,
     AccessKind::Read, NoArg, NoArg, ImplicitObject},
    {"Wt::Dbo::Session::load", RoleExecute, AccessKind::Read, NoArg, 0},
    // execute(sql).bind(...) runs when the Call ends with its expression.
    {"Wt::Dbo::Session::execute", RoleExecute | RoleStatementInputs,
     AccessKind::ByText, 0},
    {"Wt::Dbo::Transaction::Transaction", RoleTransaction},
    dboRelation("Wt::Dbo::ptr::operator->"),
    dboRelation("Wt::Dbo::ptr::operator*"),
    dboRelation("Wt::Dbo::collection::size"),
    dboRelation("Wt::Dbo::collection::begin"),
    dboRelation("Wt::Dbo::collection::front"),
};
const char *const WtDboBuilders[] = {"Wt::Dbo::Query::"};
const char *const WtDboResultTypes[] = {"Wt::Dbo::collection"};

// Drogon ORM. Generated models get one `getXxx(const DbClientPtr &)` method
// per relation, each running a query.
const ApiFunction DrogonFunctions[] = {
    {"drogon::orm::Mapper::findAll", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findBy", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findOne", RoleExecute | RoleSingleRow,
     AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::findByPrimaryKey", RoleExecute | RoleSingleRow,
     AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::count", RoleExecute, AccessKind::Read, NoArg, 0},
    {"drogon::orm::Mapper::insert", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::Mapper::update", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::Mapper::deleteBy", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::Mapper::deleteOne", RoleExecute, AccessKind::Write, NoArg,
     0},
    {"drogon::orm::Mapper::deleteByPrimaryKey", RoleExecute, AccessKind::Write,
     NoArg, 0},
    {"drogon::orm::Mapper::updateBy", RoleExecute, AccessKind::Write, NoArg, 0},
    {"drogon::orm::DbClient::execSqlSync", RoleExecute, AccessKind::ByText, 0,
     1},
    {"drogon::orm::DbClient::newTransaction", RoleTransaction},
};
const ApiMethodShape DrogonShapes[] = {
    {"drogon_model::",
     "get",
     "drogon::orm::DbClient",
     {"", RoleLazyLoad, AccessKind::Read, NoArg, NoArg, ImplicitObject}},
};

} // namespace

const LibraryModel &odb() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "odb";
    L.DisplayName = "ODB";
    L.Functions = OdbFunctions;
    L.ResultTypes = OdbResultTypes;
    L.BatchBindHint = "use one odb::query<T> over all keys: "
                      "query<T>::id.in(...) or in_range(first, last)";
    L.BatchReadHint = "load them with one db.query<T>(query<T>::id.in(...)) "
                      "or query<T>::id.in_range(first, last)";
    L.BatchWriteHint = "persist and update all objects in one transaction, "
                       "or one erase_query() for deletes";
    L.EagerLoadHint = "an ODB view that JOINs the related table, or one query "
                      "for all related ids with "
                      "odb::query<T>::id.in_range(first, last)";
    return L;
  }();
  return M;
}

const LibraryModel &wtDbo() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "wt-dbo";
    L.DisplayName = "Wt::Dbo";
    L.Functions = WtDboFunctions;
    L.ResultTypes = WtDboResultTypes;
    L.BuilderNamespaces = WtDboBuilders;
    L.BatchBindHint = "one find<T>().where(\"id in (...)\") over all keys";
    L.BatchReadHint = "load them with one find<T>().where(\"id in (...)\"), "
                      "or join both tables in one "
                      "session.query<std::tuple<ptr<A>, ptr<B>>>(...)";
    L.BatchWriteHint = "modify all objects in one Wt::Dbo::Transaction";
    L.EagerLoadHint = "one query that joins both tables "
                      "(session.query<std::tuple<ptr<A>, ptr<B>>>(...)), or "
                      "one find<B>().where(\"id in (...)\") for all related "
                      "ids";
    return L;
  }();
  return M;
}

const LibraryModel &drogon() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "drogon";
    L.DisplayName = "Drogon ORM";
    L.Functions = DrogonFunctions;
    L.Shapes = DrogonShapes;
    L.BatchBindHint = "one Mapper<T>::findBy(Criteria(\"id\", "
                      "CompareOperator::In, ids))";
    L.BatchReadHint = "load them with one Mapper<T>::findBy(Criteria(\"id\", "
                      "CompareOperator::In, ids)), or a JOIN through "
                      "DbClient::execSqlSync";
    L.BatchWriteHint = "one multi-row insert through DbClient::execSqlSync, "
                       "inside one transaction (newTransaction())";
    L.EagerLoadHint = "one Mapper<T>::findBy(Criteria(\"id\", "
                      "CompareOperator::In, ids)) for all related ids, or a "
                      "JOIN through DbClient::execSqlSync";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
