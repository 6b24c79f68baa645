//===- ApiModel.cpp - The models in force and their lookup ----------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/ApiModel.h"
#include "lib/api/CustomApi.h"
#include "lib/api/models/Models.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/support/Compat.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

namespace {

StringRef lastComponent(StringRef Qualified) {
  // A conversion operator is named after the class it converts to:
  // `cppdb::statement::operator cppdb::result`.
  size_t Op = Qualified.find("::operator ");
  if (Op != StringRef::npos)
    return Qualified.substr(Op + 2);
  size_t Pos = Qualified.rfind("::");
  return Pos == StringRef::npos ? Qualified : Qualified.substr(Pos + 2);
}

/// The SqlArg parameter has the class the entry asks for, if it asks.
bool sqlTypeMatches(const FunctionDecl *FD, const ApiFunction &F) {
  if (!F.SqlType)
    return true;
  if (F.SqlArg < 0 || static_cast<unsigned>(F.SqlArg) >= FD->getNumParams())
    return false;
  QualType T = FD->getParamDecl(F.SqlArg)->getType().getNonReferenceType();
  const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
  return RD && plainQualifiedName(RD) == F.SqlType;
}

} // namespace

llvm::ArrayRef<LibraryModel> builtinLibraries() {
  static const std::vector<LibraryModel> All = {
#define NPLUSONE_LIBRARY(Function) models::Function(),
#include "lib/api/models/Libraries.def"
  };
  return All;
}

ApiModel::ApiModel(const ModelConfig &Config,
                   std::vector<ConfigProblem> &Problems)
    : Custom(std::make_unique<CustomApi>(Config, Problems)) {
  llvm::ArrayRef<std::string> Names = Config.Libraries;
  llvm::ArrayRef<LibraryModel> Builtins = builtinLibraries();
  bool All = Names.empty() || llvm::is_contained(Names, "all");
  for (const LibraryModel &L : Builtins)
    if (All || llvm::is_contained(Names, L.Name))
      Enabled.push_back(&L);
  std::string Known;
  for (const LibraryModel &L : Builtins)
    Known += (Known.empty() ? "" : ", ") + std::string(L.Name);
  for (const std::string &N : Names)
    if (N != "all" && llvm::none_of(Builtins, [&](const LibraryModel &L) {
          return N == L.Name;
        }))
      Problems.push_back(
          {"Libraries", N, "unknown library; known libraries: " + Known});

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

ApiModel::~ApiModel() = default;

ApiModel::Match ApiModel::lookup(const FunctionDecl *FD) const {
  if (!FD)
    return {};
  FD = FD->getCanonicalDecl();
  auto Cached = Cache.find(FD);
  if (Cached != Cache.end())
    return Cached->second;
  Match Result = lookupUncached(FD);
  Cache[FD] = Result;
  return Result;
}

ApiModel::Match ApiModel::lookupCall(const CallExpr *C) const {
  if (!C)
    return {};
  if (const FunctionDecl *FD = C->getDirectCallee())
    return lookup(FD);
  const ValueDecl *Pointer = calledPointer(C);
  if (!Pointer)
    return {};
  auto [It, Inserted] = PointerCache.try_emplace(Pointer);
  if (Inserted)
    if (const ApiFunction *F = Custom->lookupPointer(Pointer)) {
      It->second.Function = F;
      It->second.Library = &customLibrary();
    }
  return It->second;
}

ApiModel::Match ApiModel::lookupUncached(const FunctionDecl *FD) const {
  // Cheap filter on the unqualified name before building the qualified one.
  auto It = ByShortName.find(unqualifiedName(FD));
  if (It != ByShortName.end()) {
    std::string Qualified = plainQualifiedName(FD);
    int Arity = static_cast<int>(FD->getNumParams());
    for (const Match &M : It->second)
      if (Qualified == M.Function->QualifiedName &&
          (M.Function->Arity == AnyArity || M.Function->Arity == Arity) &&
          sqlTypeMatches(FD, *M.Function))
        return M;
  }
  if (Match M = lookupShape(FD))
    return M;
  if (const ApiFunction *F = Custom->lookup(FD)) {
    Match M;
    M.Function = F;
    M.Library = &customLibrary();
    return M;
  }
  return {};
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

bool ApiModel::isStatementBuilder(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  std::string Name;
  for (const LibraryModel *L : Enabled)
    for (const char *NS : L->BuilderNamespaces) {
      if (Name.empty())
        Name = plainQualifiedName(FD);
      if (startsWith(Name, NS))
        return true;
    }
  return false;
}

const LibraryModel *ApiModel::resultTypeLibrary(QualType T) const {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  // Results are often held by pointer (`redisReply *`, `PGresult *`).
  if (T->isPointerType())
    T = T->getPointeeType();
  if (Custom->isResultType(T))
    return &customLibrary();
  if (ResultTypeByName.empty())
    return nullptr;
  const RecordDecl *RD = T.getCanonicalType()->getAsRecordDecl();
  if (!RD)
    return nullptr;
  auto It = ResultTypeByName.find(plainQualifiedName(RD));
  return It == ResultTypeByName.end() ? nullptr : It->second;
}

const LibraryModel *ApiModel::libraryNamed(llvm::StringRef Name) const {
  if (Name == customLibrary().Name)
    return &customLibrary();
  for (const LibraryModel *L : Enabled)
    if (Name == L->Name)
      return L;
  return nullptr;
}

} // namespace nplusone
