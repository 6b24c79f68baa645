//===- ApiModel.cpp - The built-in library models -------------------------===//

#include "lib/ApiModel.h"
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

const LibraryModel Builtins[] = {
    {"pqxx", "libpqxx", SqlDialect::PostgreSQL, PqxxFunctions, PqxxResultTypes,
     "bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text "
     "in libpqxx 6)"},
    {"sqlite3",
     "SQLite3 C API",
     SqlDialect::SQLite,
     Sqlite3Functions,
     {},
     "bind all keys as one JSON array text such as '[1,2,3]'"},
};

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
  const IdentifierInfo *II = FD->getIdentifier();
  if (II) {
    auto It = ByShortName.find(II->getName());
    if (It != ByShortName.end()) {
      std::string Qualified = FD->getQualifiedNameAsString();
      for (const Match &M : It->second)
        if (Qualified == M.Function->QualifiedName) {
          Result = M;
          break;
        }
    }
  }
  Cache[FD] = Result;
  return Result;
}

const LibraryModel *ApiModel::resultTypeLibrary(QualType T) const {
  if (T.isNull() || ResultTypeByName.empty())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  auto It = ResultTypeByName.find(RD->getQualifiedNameAsString());
  return It == ResultTypeByName.end() ? nullptr : It->second;
}

} // namespace nplusone
