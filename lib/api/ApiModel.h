//===- ApiModel.h - Declarative models of database client APIs --*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The models in force for one analysis (the built-in libraries the
// Libraries option enables, and the user's own API), looked up from
// declarations. The analysis only asks this model; adding a library means
// adding a table (lib/api/models/) and a line in lib/api/models/Libraries.def,
// not touching a check.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_APIMODEL_H
#define NPLUSONE_LIB_API_APIMODEL_H

#include "lib/api/LibraryModel.h"
#include "lib/api/ModelConfig.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace clang {
class CallExpr;
class FunctionDecl;
class QualType;
class ValueDecl;
} // namespace clang

namespace nplusone {

class CustomApi;

/// Every model built into nplusone-tidy (lib/api/models/Libraries.def).
llvm::ArrayRef<LibraryModel> builtinLibraries();

/// The models in force for one analysis, with fast lookup from declarations.
class ApiModel {
public:
  /// Enables the named libraries (an empty list or "all" enables every
  /// built-in model) and the user's own API. Unknown library names and
  /// patterns that do not parse are returned in \p Problems.
  ApiModel(const ModelConfig &Config, std::vector<ConfigProblem> &Problems);
  ~ApiModel();

  struct Match {
    const ApiFunction *Function = nullptr;
    const LibraryModel *Library = nullptr;
    explicit operator bool() const { return Function != nullptr; }
  };

  /// The model entry for a callee, or an empty match. Memoized per decl.
  Match lookup(const clang::FunctionDecl *FD) const;

  /// The model entry for what a call runs: its callee, or the function
  /// pointer field or variable it calls through (`dbf.update(...)`), which
  /// only the user's own API describes.
  Match lookupCall(const clang::CallExpr *C) const;

  /// The library whose result type \p T (references and cv stripped) is, or
  /// null when it is not a query result type.
  const LibraryModel *resultTypeLibrary(clang::QualType T) const;

  /// The enabled library (or the user's own API) named \p Name, as
  /// LibraryModel::Name spells it; null when none is.
  const LibraryModel *libraryNamed(llvm::StringRef Name) const;

  /// True for a call into a statement builder namespace of an enabled
  /// library.
  bool isStatementBuilder(const clang::FunctionDecl *FD) const;

private:
  std::vector<const LibraryModel *> Enabled;
  std::unique_ptr<CustomApi> Custom;
  Match lookupShape(const clang::FunctionDecl *FD) const;
  Match lookupUncached(const clang::FunctionDecl *FD) const;

  /// Unqualified name -> candidates with that last name component.
  llvm::StringMap<llvm::SmallVector<Match, 2>> ByShortName;
  llvm::StringMap<const LibraryModel *> ResultTypeByName;
  mutable llvm::DenseMap<const clang::FunctionDecl *, Match> Cache;
  mutable llvm::DenseMap<const clang::ValueDecl *, Match> PointerCache;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_API_APIMODEL_H
