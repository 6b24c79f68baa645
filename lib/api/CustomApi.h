//===- CustomApi.h - The user's own database API ----------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// In-house wrappers described by the QueryFunctions, WriteFunctions,
// ResultTypes, RowAdvanceFunctions, LazyLoadFunctions and
// TransactionFunctions options, or by
// `[[clang::annotate("nplusone::...")]]` on their declarations. Name entries
// follow clang-tidy's rule: with `::` they match the qualified name (a
// leading `::` anchors at the global namespace), without it the unqualified
// name; each entry is a regular expression matching the whole name.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_CUSTOMAPI_H
#define NPLUSONE_LIB_API_CUSTOMAPI_H

#include "lib/api/LibraryModel.h"
#include "lib/api/ModelConfig.h"
#include "llvm/Support/Regex.h"
#include <deque>
#include <map>
#include <memory>
#include <optional>

namespace clang {
class Decl;
class FunctionDecl;
class NamedDecl;
class QualType;
class ValueDecl;
} // namespace clang

namespace nplusone {

/// The model of the user's own API (options and annotations).
const LibraryModel &customLibrary();

class CustomApi {
public:
  CustomApi(const ModelConfig &Config, std::vector<ConfigProblem> &Problems);

  /// The role \p FD plays in the user's API, or null.
  const ApiFunction *lookup(const clang::FunctionDecl *FD) const;

  /// The role of the function pointer field or variable \p Pointer
  /// (`db_func::update`), by option or by annotation on its declaration;
  /// null when it has none.
  const ApiFunction *lookupPointer(const clang::ValueDecl *Pointer) const;

  /// True when \p T (or a typedef it is spelled with) is a result type the
  /// user named.
  bool isResultType(clang::QualType T) const;

private:
  enum Kind { Query, Write, Advance, LazyLoad, Transaction, KindCount };

  struct NamePattern {
    std::unique_ptr<llvm::Regex> Re;
    bool Qualified;
  };
  using PatternList = std::vector<NamePattern>;

  static PatternList parse(llvm::StringRef Option,
                           const std::vector<std::string> &Entries,
                           std::vector<ConfigProblem> &Problems);
  static bool matches(const PatternList &Patterns, const clang::NamedDecl *D);
  static bool matches(const PatternList &Patterns, llvm::StringRef Name,
                      const std::string &Qualified);
  const ApiFunction *entry(Kind K, const clang::FunctionDecl *FD) const;
  const ApiFunction *entry(Kind K, int Handle, int Sql) const;
  static std::optional<Kind> annotatedKind(const clang::Decl *D);

  PatternList Patterns[KindCount];
  PatternList ResultTypes;
  /// Entries made on demand, one per role and SQL argument position.
  mutable std::map<std::pair<int, int>, ApiFunction> Entries;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_API_CUSTOMAPI_H
