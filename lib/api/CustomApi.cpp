//===- CustomApi.cpp - The user's own database API ------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/CustomApi.h"
#include "lib/ast/Declarations.h"
#include "lib/support/Compat.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace nplusone {

const LibraryModel &customLibrary() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "custom";
    L.DisplayName = "in-house API";
    return L;
  }();
  return M;
}

CustomApi::PatternList CustomApi::parse(StringRef Option,
                                        const std::vector<std::string> &Entries,
                                        std::vector<ConfigProblem> &Problems) {
  PatternList Result;
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    bool Qualified = Entry.contains("::");
    std::string Source;
    if (!Qualified)
      Source = ("^(" + Entry + ")$").str();
    else if (startsWith(Entry, "::"))
      Source = ("^(" + Entry + ")$").str();
    else // Matches at a namespace boundary: `Pool::Query` in `::db::Pool`.
      Source = ("^(.*::)?(" + Entry + ")$").str();
    auto Re = std::make_unique<llvm::Regex>(Source);
    std::string Error;
    if (!Re->isValid(Error)) {
      Problems.push_back({Option.str(), Entry.str(),
                          "not a valid regular expression (" + Error +
                              "); the entry is ignored"});
      continue;
    }
    Result.push_back({std::move(Re), Qualified});
  }
  return Result;
}

CustomApi::CustomApi(const ModelConfig &Config,
                     std::vector<ConfigProblem> &Problems) {
  Patterns[Query] = parse("QueryFunctions", Config.QueryFunctions, Problems);
  Patterns[Write] = parse("WriteFunctions", Config.WriteFunctions, Problems);
  Patterns[Advance] =
      parse("RowAdvanceFunctions", Config.RowAdvanceFunctions, Problems);
  Patterns[LazyLoad] =
      parse("LazyLoadFunctions", Config.LazyLoadFunctions, Problems);
  Patterns[Transaction] =
      parse("TransactionFunctions", Config.TransactionFunctions, Problems);
  ResultTypes = parse("ResultTypes", Config.ResultTypes, Problems);
}

bool CustomApi::matches(const PatternList &Patterns, StringRef Name,
                        const std::string &Qualified) {
  for (const NamePattern &P : Patterns)
    if (P.Re->match(P.Qualified ? StringRef(Qualified) : Name))
      return true;
  return false;
}

bool CustomApi::matches(const PatternList &Patterns, const NamedDecl *D) {
  if (Patterns.empty() || !D->getIdentifier())
    return false;
  std::string Qualified = plainQualifiedName(D);
  if (Qualified.empty())
    return false;
  return matches(Patterns, D->getName(), "::" + Qualified);
}

namespace {
/// SQL is usually the first text parameter: a character pointer or a
/// string class.
int firstTextParameter(llvm::ArrayRef<QualType> Params) {
  for (unsigned I = 0; I < Params.size(); ++I) {
    QualType T = Params[I].getNonReferenceType();
    if (T->isPointerType() && T->getPointeeType()->isAnyCharacterType())
      return static_cast<int>(I);
    std::string Name = T.getUnqualifiedType().getAsString();
    if (StringRef(Name).contains_insensitive("string"))
      return static_cast<int>(I);
  }
  return NoArg;
}
} // namespace

const ApiFunction *CustomApi::entry(Kind K, const FunctionDecl *FD) const {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  int Handle = MD && !MD->isStatic() ? ImplicitObject : 0;
  llvm::SmallVector<QualType, 8> Params;
  for (const ParmVarDecl *P : FD->parameters())
    Params.push_back(P->getType());
  return entry(K, Handle,
               K == Query || K == Write ? firstTextParameter(Params) : NoArg);
}

const ApiFunction *CustomApi::entry(Kind K, int Handle, int Sql) const {
  auto Key = std::make_pair(static_cast<int>(K) * 4 + (Handle == 0), Sql);
  auto It = Entries.find(Key);
  if (It != Entries.end())
    return &It->second;
  ApiFunction F = api("in-house API", RoleNone);
  switch (K) {
  case Query:
  case Write:
    // Every argument may carry a row value into the statement.
    F = api("in-house query", RoleExecute)
            .access(K == Query ? AccessKind::Read : AccessKind::Write)
            .sqlAt(Sql)
            .paramsFrom(0);
    break;
  case Advance:
    // The cursor's step returns the next row (`row = DBfetch(result)`).
    F = api("in-house row advance", RoleAdvance | RoleColumnRead)
            .handleAt(Handle);
    break;
  case LazyLoad:
    F = api("in-house lazy load", RoleLazyLoad).reads().handleAt(Handle);
    break;
  case Transaction:
    F = api("in-house transaction", RoleTransaction);
    break;
  case KindCount:
    break;
  }
  return &Entries.emplace(Key, F).first->second;
}

std::optional<CustomApi::Kind> CustomApi::annotatedKind(const Decl *D) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    StringRef Note = A->getAnnotation();
    if (Note == "nplusone::query" || Note == "nplusone::rows")
      return Query;
    if (Note == "nplusone::write")
      return Write;
    if (Note == "nplusone::next_row")
      return Advance;
  }
  return std::nullopt;
}

const ApiFunction *CustomApi::lookup(const FunctionDecl *FD) const {
  for (const FunctionDecl *R : FD->redecls())
    if (std::optional<Kind> K = annotatedKind(R))
      return entry(*K, FD);
  for (Kind K : {Write, Query, Advance, LazyLoad, Transaction})
    if (matches(Patterns[K], FD))
      return entry(K, FD);
  // A transaction guard may be named by its class: its constructors open.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    if (matches(Patterns[Transaction], Ctor->getParent()))
      return entry(Transaction, FD);
  return nullptr;
}

const ApiFunction *CustomApi::lookupPointer(const ValueDecl *Pointer) const {
  std::optional<Kind> K = annotatedKind(Pointer);
  for (Kind Candidate : {Write, Query, Advance, LazyLoad, Transaction})
    if (!K && matches(Patterns[Candidate], Pointer))
      K = Candidate;
  if (!K)
    return nullptr;
  // The pointer's own prototype says where the SQL is; a handle is the
  // first argument, as in a C API.
  llvm::ArrayRef<QualType> Params;
  QualType Pointee = Pointer->getType()->getPointeeType();
  if (const auto *Proto =
          Pointee.isNull() ? nullptr : Pointee->getAs<FunctionProtoType>())
    Params = Proto->getParamTypes();
  return entry(*K, 0,
               *K == Query || *K == Write ? firstTextParameter(Params) : NoArg);
}

bool CustomApi::isResultType(QualType T) const {
  if (ResultTypes.empty() || T.isNull())
    return false;
  // Each typedef the type is spelled with, then the type itself.
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    const NamedDecl *D = nullptr;
    if (const auto *TT = T->getAs<TypedefType>())
      D = TT->getDecl();
    else
      D = T.getCanonicalType()->getAsRecordDecl();
    if (!D)
      return false;
    if (matches(ResultTypes, D))
      return true;
    const auto *TT = T->getAs<TypedefType>();
    if (!TT)
      return false;
    T = TT->desugar();
  }
  return false;
}

} // namespace nplusone
