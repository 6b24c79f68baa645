//===- Orm.cpp - ODB, Wt::Dbo and Drogon ORM ------------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// ODB. Queries and loads go through odb::database; lazy pointers load their
// object on load().
constexpr ApiFunction odbLazy(const char *Name) {
  return method(Name, RoleLazyLoad).reads();
}
const ApiFunction OdbFunctions[] = {
    readCall("odb::database::query"),
    readOneCall("odb::database::query_one"),
    readOneCall("odb::database::query_value"),
    readCall("odb::database::load"),
    readCall("odb::database::find"),
    writeCall("odb::database::persist"),
    writeCall("odb::database::update"),
    writeCall("odb::database::erase"),
    writeCall("odb::database::erase_query"),
    odbLazy("odb::lazy_ptr::load"),
    odbLazy("odb::lazy_shared_ptr::load"),
    odbLazy("odb::lazy_weak_ptr::load"),
    odbLazy("odb::lazy_unique_ptr::load"),
    api("odb::transaction::transaction", RoleTransaction),
};
const char *const OdbResultTypes[] = {"odb::result"};

// Wt::Dbo. A query runs when its results are asked for; a ptr<> or
// collection<> data member is a relation, loaded on first access.
constexpr ApiFunction dboRelation(const char *Name) {
  return method(Name, RoleLazyLoad | RoleOnMemberOnly).reads();
}
const ApiFunction WtDboFunctions[] = {
    // find<T>() and query<T>(sql) build a query; it runs when its results
    // are asked for, or when it converts to a collection or a ptr.
    api("Wt::Dbo::Session::find", RolePrepare | RoleStatementInputs)
        .reads()
        .handleAt(ReturnValue),
    api("Wt::Dbo::Session::query", RolePrepare | RoleStatementInputs)
        .reads()
        .sqlAt(0)
        .handleAt(ReturnValue),
    method("Wt::Dbo::Query::resultList", RoleExecute).reads(),
    method("Wt::Dbo::Query::resultValue", RoleExecute | RoleSingleRow).reads(),
    method("Wt::Dbo::Query::operator Wt::Dbo::collection", RoleExecute).reads(),
    method("Wt::Dbo::Query::operator Wt::Dbo::ptr", RoleExecute | RoleSingleRow)
        .reads(),
    readCall("Wt::Dbo::Session::load"),
    // execute(sql).bind(...) runs when the Call ends with its expression.
    api("Wt::Dbo::Session::execute", RoleExecute | RoleStatementInputs)
        .sqlAt(0),
    api("Wt::Dbo::Transaction::Transaction", RoleTransaction),
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
    readCall("drogon::orm::Mapper::findAll"),
    readCall("drogon::orm::Mapper::findBy"),
    readOneCall("drogon::orm::Mapper::findOne"),
    readOneCall("drogon::orm::Mapper::findByPrimaryKey"),
    readCall("drogon::orm::Mapper::count"),
    writeCall("drogon::orm::Mapper::insert"),
    writeCall("drogon::orm::Mapper::update"),
    writeCall("drogon::orm::Mapper::deleteBy"),
    writeCall("drogon::orm::Mapper::deleteOne"),
    writeCall("drogon::orm::Mapper::deleteByPrimaryKey"),
    writeCall("drogon::orm::Mapper::updateBy"),
    api("drogon::orm::DbClient::execSqlSync", RoleExecute)
        .sqlAt(0)
        .paramsFrom(1),
    api("drogon::orm::DbClient::newTransaction", RoleTransaction),
};
const ApiMethodShape DrogonShapes[] = {
    {"drogon_model::", "get", "drogon::orm::DbClient",
     method("", RoleLazyLoad).reads()},
};

} // namespace

const LibraryModel &odb() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "odb";
    L.DisplayName = "ODB";
    L.Functions = OdbFunctions;
    L.ResultTypes = OdbResultTypes;
    L.BatchBindHint = "through one odb::query<T> with query<T>::id.in(...) or "
                      "in_range(first, last)";
    L.BatchReadHint = "one db.query<T>(query<T>::id.in(...)) or "
                      "id.in_range(first, last) for all keys";
    L.BatchWriteHint = "persist and update all objects in one transaction, "
                       "or one erase_query() for deletes";
    L.EagerLoadHint = "an ODB view that JOINs the related table, or one "
                      "query<T>::id.in(...) for all ids";
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
    L.BatchBindHint =
        "through one find<T>().where(\"id in (...)\") over all keys";
    L.BatchReadHint = "one find<T>().where(\"id in (...)\") for all keys, or a "
                      "session.query<std::tuple<ptr<A>, ptr<B>>> join";
    L.BatchWriteHint = "modify all objects in one Wt::Dbo::Transaction";
    L.EagerLoadHint = "a session.query<std::tuple<ptr<A>, ptr<B>>> join, or "
                      "one find<B>().where(\"id in (...)\") for all ids";
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
    L.BatchBindHint = "through one Mapper<T>::findBy with CompareOperator::In";
    L.BatchReadHint = "one Mapper<T>::findBy(Criteria(\"id\", "
                      "CompareOperator::In, ids)) for all keys, or a JOIN";
    L.BatchWriteHint = "one multi-row insert through DbClient::execSqlSync, "
                       "inside one transaction (newTransaction())";
    L.EagerLoadHint = "one Mapper<T>::findBy(Criteria(\"id\", "
                      "CompareOperator::In, ids)) for all ids, or a JOIN";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
