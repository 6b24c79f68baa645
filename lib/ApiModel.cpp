//===- ApiModel.cpp - The built-in library models -------------------------===//

#include "lib/ApiModel.h"
#include "lib/Compat.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

namespace {

// libpqxx 6 and 7. Work types (pqxx::work, read_transaction, nontransaction)
// inherit these from pqxx::transaction_base. The *_n overloads take a row
// count first, so their SQL is the second argument.
#define PQXX_EXEC(Name, Sql, FirstParam)                                       \
  ApiFunction {                                                                \
    "pqxx::transaction_base::" Name, RoleExecute, AccessKind::ByText, Sql,     \
        FirstParam                                                             \
  }
const ApiFunction PqxxFunctions[] = {
    // libpqxx 7 takes pqxx::params second; libpqxx 6 a description.
    PQXX_EXEC("exec", 0, 1),
    PQXX_EXEC("exec0", 0, NoArg),
    PQXX_EXEC("exec1", 0, NoArg),
    PQXX_EXEC("exec_n", 1, NoArg),
    PQXX_EXEC("exec_params", 0, 1),
    PQXX_EXEC("exec_params0", 0, 1),
    PQXX_EXEC("exec_params1", 0, 1),
    PQXX_EXEC("exec_params_n", 1, 2),
    // Prepared statements name the statement instead of carrying SQL.
    PQXX_EXEC("exec_prepared", NoArg, 1),
    PQXX_EXEC("exec_prepared0", NoArg, 1),
    PQXX_EXEC("exec_prepared1", NoArg, 1),
    PQXX_EXEC("exec_prepared_n", NoArg, 2),
    // libpqxx 7 query API.
    PQXX_EXEC("query", 0, 1),
    PQXX_EXEC("query_value", 0, 1),
    PQXX_EXEC("query01", 0, 1),
    PQXX_EXEC("query1", 0, 1),
    PQXX_EXEC("query_n", 1, 2),
    PQXX_EXEC("stream", 0, 1),
    PQXX_EXEC("for_query", 0, NoArg),
    PQXX_EXEC("for_stream", 0, NoArg),
};
#undef PQXX_EXEC

const char *const PqxxResultTypes[] = {"pqxx::result"};

// The SQLite3 C API. A statement is prepared, bound and stepped; stepping a
// fresh or reset statement runs it, and stepping it in a loop condition walks
// its rows.
constexpr ApiFunction sqlitePrepare(const char *Name, int StmtOutArg) {
  return {Name, RolePrepare, AccessKind::ByText, 1, NoArg, StmtOutArg};
}
constexpr ApiFunction sqliteBind(const char *Name) {
  return {Name, RoleBind, AccessKind::ByText, NoArg, NoArg, 0, 2};
}
constexpr ApiFunction sqliteColumn(const char *Name) {
  return {Name, RoleColumnRead, AccessKind::ByText, NoArg, NoArg, 0};
}
const ApiFunction Sqlite3Functions[] = {
    sqlitePrepare("sqlite3_prepare", 3),
    sqlitePrepare("sqlite3_prepare_v2", 3),
    sqlitePrepare("sqlite3_prepare_v3", 4),
    sqlitePrepare("sqlite3_prepare16", 3),
    sqlitePrepare("sqlite3_prepare16_v2", 3),
    sqlitePrepare("sqlite3_prepare16_v3", 4),
    {"sqlite3_step", RoleExecute | RoleAdvance, AccessKind::ByText, NoArg,
     NoArg, 0},
    {"sqlite3_exec", RoleExecute, AccessKind::ByText, 1},
    {"sqlite3_get_table", RoleExecute, AccessKind::ByText, 1},
    sqliteBind("sqlite3_bind_blob"),
    sqliteBind("sqlite3_bind_blob64"),
    sqliteBind("sqlite3_bind_double"),
    sqliteBind("sqlite3_bind_int"),
    sqliteBind("sqlite3_bind_int64"),
    sqliteBind("sqlite3_bind_text"),
    sqliteBind("sqlite3_bind_text16"),
    sqliteBind("sqlite3_bind_text64"),
    sqliteBind("sqlite3_bind_value"),
    sqliteBind("sqlite3_bind_pointer"),
    sqliteBind("sqlite3_bind_zeroblob"),
    sqliteColumn("sqlite3_column_blob"),
    sqliteColumn("sqlite3_column_bytes"),
    sqliteColumn("sqlite3_column_bytes16"),
    sqliteColumn("sqlite3_column_double"),
    sqliteColumn("sqlite3_column_int"),
    sqliteColumn("sqlite3_column_int64"),
    sqliteColumn("sqlite3_column_text"),
    sqliteColumn("sqlite3_column_text16"),
    sqliteColumn("sqlite3_column_value"),
    sqliteColumn("sqlite3_column_type"),
};

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

const LibraryModel Builtins[] = {
    {"pqxx", "libpqxx", SqlDialect::PostgreSQL, PqxxFunctions, PqxxResultTypes,
     "bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text "
     "in libpqxx 6)",
     "one multi-row INSERT ... VALUES (...), (...), pqxx::stream_to (COPY) for "
     "many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)"},
    {"sqlite3",
     "SQLite3 C API",
     SqlDialect::SQLite,
     Sqlite3Functions,
     {},
     "bind all keys as one JSON array text such as '[1,2,3]'",
     "one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... "
     "WHERE id IN (SELECT value FROM json_each(?))",
     "wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every "
     "statement is a transaction of its own"},
    {"odb", "ODB", SqlDialect::Generic, OdbFunctions, OdbResultTypes,
     "use one odb::query<T> over all keys: query<T>::id.in(...) or "
     "in_range(first, last)",
     "persist and update all objects in one transaction, or one "
     "erase_query() for deletes",
     nullptr,
     "an ODB view that JOINs the related table, or one query for all related "
     "ids with odb::query<T>::id.in_range(first, last)"},
    {"wt-dbo", "Wt::Dbo", SqlDialect::Generic, WtDboFunctions, WtDboResultTypes,
     "one find<T>().where(\"id in (...)\") over all keys",
     "modify all objects in one Wt::Dbo::Transaction", nullptr,
     "one query that joins both tables (session.query<std::tuple<ptr<A>, "
     "ptr<B>>>(...)), or one find<B>().where(\"id in (...)\") for all related "
     "ids"},
    {"drogon",
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
     DrogonShapes},
};

/// `ns::Class::method` as users write it: no template arguments (a method of
/// `lazy_ptr<User>` is `odb::lazy_ptr::load`), no inline or anonymous
/// namespaces.
std::string plainQualifiedName(const NamedDecl *D) {
  llvm::SmallVector<StringRef, 4> Parts;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Parts.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (!RD->getIdentifier())
        return "";
      Parts.push_back(RD->getName());
    } else if (!isa<TranslationUnitDecl>(DC) && !isa<LinkageSpecDecl>(DC)) {
      return ""; // Local classes and the like are no library API.
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (*It + "::").str();
  if (const IdentifierInfo *II = D->getIdentifier())
    return Name + II->getName().str();
  return Name + D->getNameAsString();
}

StringRef lastComponent(StringRef Qualified) {
  size_t Pos = Qualified.rfind("::");
  return Pos == StringRef::npos ? Qualified : Qualified.substr(Pos + 2);
}

} // namespace

llvm::ArrayRef<LibraryModel> builtinLibraries() { return Builtins; }

ApiModel::ApiModel(llvm::ArrayRef<std::string> LibraryNames,
                   std::vector<std::string> &Unknown) {
  bool All = LibraryNames.empty() ||
             llvm::any_of(LibraryNames,
                          [](const std::string &N) { return N == "all"; });
  for (const LibraryModel &L : Builtins)
    if (All || llvm::is_contained(LibraryNames, L.Name))
      Enabled.push_back(&L);
  for (const std::string &N : LibraryNames)
    if (N != "all" && llvm::none_of(Builtins, [&](const LibraryModel &L) {
          return N == L.Name;
        }))
      Unknown.push_back(N);

  for (const LibraryModel *L : Enabled) {
    for (const ApiFunction &F : L->Functions) {
      Match M;
      M.Function = &F;
      M.Library = L;
      ByShortName[lastComponent(F.QualifiedName)].push_back(M);
    }
    for (const char *T : L->ResultTypes)
      ResultTypeByName[T] = L;
  }
}

ApiModel::Match ApiModel::lookup(const FunctionDecl *FD) const {
  if (!FD)
    return {};
  FD = FD->getCanonicalDecl();
  auto Cached = Cache.find(FD);
  if (Cached != Cache.end())
    return Cached->second;
  Match Result;
  // Cheap filter on the unqualified name before building the qualified one.
  std::string Short = FD->getNameAsString();
  {
    auto It = ByShortName.find(Short);
    if (It != ByShortName.end()) {
      std::string Qualified = plainQualifiedName(FD);
      for (const Match &M : It->second)
        if (Qualified == M.Function->QualifiedName) {
          Result = M;
          break;
        }
    }
  }
  if (!Result)
    Result = lookupShape(FD);
  Cache[FD] = Result;
  return Result;
}

ApiModel::Match ApiModel::lookupShape(const FunctionDecl *FD) const {
  const IdentifierInfo *II = FD->getIdentifier();
  if (!II || !isa<CXXMethodDecl>(FD))
    return {};
  for (const LibraryModel *L : Enabled) {
    for (const ApiMethodShape &Shape : L->Shapes) {
      if (!startsWith(II->getName(), Shape.NamePrefix) ||
          !startsWith(plainQualifiedName(FD), Shape.NamespacePrefix))
        continue;
      for (const ParmVarDecl *P : FD->parameters()) {
        std::string Type =
            P->getType().getNonReferenceType().getCanonicalType().getAsString();
        if (Type.find(Shape.ParameterType) != std::string::npos) {
          Match M;
          M.Function = &Shape.Function;
          M.Library = L;
          return M;
        }
      }
    }
  }
  return {};
}

const LibraryModel *ApiModel::resultTypeLibrary(QualType T) const {
  if (T.isNull() || ResultTypeByName.empty())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  auto It = ResultTypeByName.find(plainQualifiedName(RD));
  return It == ResultTypeByName.end() ? nullptr : It->second;
}

} // namespace nplusone
