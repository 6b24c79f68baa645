//===- Standard.cpp - What general-purpose libraries do -------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/StandardApis.h"
#include "lib/ast/Declarations.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"

namespace nplusone {

namespace {

// The standard algorithms whose callable runs once per element (not
// comparators, which run many times per element), the std::ranges
// function objects, and Qt Concurrent's map and filter family.
// Columns: name, argument count (no execution policy), the range argument,
// the callable argument, the callable's element parameter.
const AlgorithmShape Algorithms[] = {
    {"std::for_each", 3, 0, 2, 0},
    {"std::for_each_n", 3, 0, 2, 0},
    {"std::transform", 4, 0, 3, 0},
    {"std::transform", 5, 0, 4, 0},
    {"std::accumulate", 4, 0, 3, 1},
    {"std::reduce", 4, 0, 3, 1},
    {"std::transform_reduce", 5, 0, 4, 0},
    {"std::count_if", 3, 0, 2, 0},
    {"std::find_if", 3, 0, 2, 0},
    {"std::find_if_not", 3, 0, 2, 0},
    {"std::all_of", 3, 0, 2, 0},
    {"std::any_of", 3, 0, 2, 0},
    {"std::none_of", 3, 0, 2, 0},
    {"std::copy_if", 4, 0, 3, 0},
    {"std::remove_if", 3, 0, 2, 0},
    {"std::remove_copy_if", 4, 0, 3, 0},
    {"std::replace_if", 4, 0, 2, 0},
    {"std::partition", 3, 0, 2, 0},
    {"std::stable_partition", 3, 0, 2, 0},
    {"std::ranges::for_each", 2, 0, 1, 0},
    {"std::ranges::for_each", 3, 0, 2, 0},
    {"std::ranges::for_each_n", 3, 0, 2, 0},
    {"std::ranges::transform", 3, 0, 2, 0},
    {"std::ranges::transform", 4, 0, 3, 0},
    {"std::ranges::count_if", 2, 0, 1, 0},
    {"std::ranges::find_if", 2, 0, 1, 0},
    {"std::ranges::all_of", 2, 0, 1, 0},
    {"std::ranges::any_of", 2, 0, 1, 0},
    {"std::ranges::none_of", 2, 0, 1, 0},
    {"std::ranges::copy_if", 3, 0, 2, 0},
    {"QtConcurrent::map", 2, 0, 1, 0},
    {"QtConcurrent::map", 3, 0, 2, 0},
    {"QtConcurrent::mapped", 2, 0, 1, 0},
    {"QtConcurrent::mapped", 3, 0, 2, 0},
    {"QtConcurrent::blockingMap", 2, 0, 1, 0},
    {"QtConcurrent::blockingMap", 3, 0, 2, 0},
    {"QtConcurrent::blockingMapped", 2, 0, 1, 0},
    {"QtConcurrent::blockingMapped", 3, 0, 2, 0},
    {"QtConcurrent::mappedReduced", 3, 0, 1, 0},
    {"QtConcurrent::blockingMappedReduced", 3, 0, 1, 0},
    {"QtConcurrent::filter", 2, 0, 1, 0},
    {"QtConcurrent::filtered", 2, 0, 1, 0},
    {"QtConcurrent::blockingFilter", 2, 0, 1, 0},
    {"QtConcurrent::blockingFiltered", 2, 0, 1, 0},
};

struct TextBuilder {
  const char *Name;
  TextFormatStyle Style;
};
const TextBuilder TextBuilders[] = {
    {"QString::arg", TextFormatStyle::PercentArg},
    {"std::format", TextFormatStyle::BraceFields},
    {"fmt::format", TextFormatStyle::BraceFields},
};

const char *const ContainerInserters[] = {
    "std::back_inserter", "std::front_inserter", "std::inserter"};

/// The unqualified name of \p FD is the last component of one of \p Names:
/// a cheap filter before the qualified name is built.
template <typename T, typename NameOf>
bool mayBeOneOf(const clang::FunctionDecl *FD, llvm::ArrayRef<T> Table,
                NameOf Name) {
  if (!FD || !FD->getIdentifier())
    return false;
  llvm::StringRef Short = FD->getName();
  for (const T &Entry : Table)
    if (llvm::StringRef(Name(Entry)).rsplit("::").second == Short)
      return true;
  return false;
}

} // namespace

llvm::ArrayRef<AlgorithmShape> perElementAlgorithms() { return Algorithms; }

std::optional<TextFormatStyle> textFormatStyle(const clang::FunctionDecl *FD) {
  auto NameOf = [](const TextBuilder &B) { return B.Name; };
  if (!mayBeOneOf<TextBuilder>(FD, TextBuilders, NameOf))
    return std::nullopt;
  std::string Name = plainQualifiedName(FD);
  for (const TextBuilder &B : TextBuilders)
    if (Name == B.Name)
      return B.Style;
  return std::nullopt;
}

bool isContainerInserter(const clang::FunctionDecl *FD) {
  auto NameOf = [](const char *Name) { return Name; };
  if (!mayBeOneOf<const char *>(FD, ContainerInserters, NameOf))
    return false;
  std::string Name = plainQualifiedName(FD);
  for (const char *Inserter : ContainerInserters)
    if (Name == Inserter)
      return true;
  return false;
}

} // namespace nplusone
