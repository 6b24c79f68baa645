//===- Standard.cpp - What general-purpose libraries do -------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/api/StandardApis.h"
#include "lib/ast/Declarations.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
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

// The algorithms that copy a range's elements (or values made from them)
// into an output iterator. Columns: name, argument count (no execution
// policy, no defaulted projection), the source argument, the output.
const CopyShape Copies[] = {
    {"std::copy", 3, 0, 2},
    {"std::copy_if", 4, 0, 2},
    {"std::copy_n", 3, 0, 2},
    {"std::move", 3, 0, 2},
    {"std::transform", 4, 0, 2},
    {"std::remove_copy", 4, 0, 2},
    {"std::remove_copy_if", 4, 0, 2},
    {"std::unique_copy", 3, 0, 2},
    {"std::unique_copy", 4, 0, 2},
    {"std::reverse_copy", 3, 0, 2},
    {"std::partition_copy", 5, 0, 2},
    {"std::partial_sort_copy", 4, 0, 2},
    {"std::partial_sort_copy", 5, 0, 2},
    {"std::ranges::copy", 2, 0, 1},
    {"std::ranges::copy", 3, 0, 2},
    {"std::ranges::copy_if", 3, 0, 1},
    {"std::ranges::copy_if", 4, 0, 2},
    {"std::ranges::copy_n", 3, 0, 2},
    {"std::ranges::move", 2, 0, 1},
    {"std::ranges::transform", 3, 0, 1},
    {"std::ranges::transform", 4, 0, 2},
    {"std::ranges::remove_copy_if", 3, 0, 1},
    {"std::ranges::unique_copy", 2, 0, 1},
    {"std::ranges::reverse_copy", 2, 0, 1},
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

const char *const TextViews[] = {"std::basic_string::c_str",
                                 "std::basic_string::data",
                                 "std::basic_string_view::data",
                                 "std::basic_ostringstream::str",
                                 "std::basic_stringstream::str",
                                 "QString::toStdString",
                                 "QString::toUtf8",
                                 "QString::toLatin1",
                                 "QByteArray::constData",
                                 "QByteArray::data"};

// Macros that wrap one string literal into a library's string type.
const char *const LiteralMacros[] = {"QStringLiteral", "QByteArrayLiteral",
                                     "QLatin1StringLiteral"};

const char *const CallableWrappers[] = {"std::function",
                                        "std::move_only_function"};

// The C library's: global functions, as <cstdio>'s std:: names are too.
const char *const TextWriters[] = {"snprintf", "sprintf", "vsnprintf",
                                   "vsprintf", "strcpy",  "strncpy",
                                   "strcat",   "strncat"};

const char *const ContainerInserters[] = {
    "std::back_inserter", "std::front_inserter", "std::inserter"};

/// The entry of \p Table whose name (Name(Entry)) is \p FD's qualified name,
/// or null. The unqualified names are compared first, a cheap filter
/// before the qualified name is built.
template <typename T, typename NameOf>
const T *entryFor(const clang::FunctionDecl *FD, llvm::ArrayRef<T> Table,
                  NameOf Name) {
  if (!FD || !FD->getIdentifier())
    return nullptr;
  llvm::StringRef Short = FD->getName();
  if (llvm::none_of(Table, [&](const T &Entry) {
        return llvm::StringRef(Name(Entry)).rsplit("::").second == Short;
      }))
    return nullptr;
  std::string Qualified = plainQualifiedName(FD);
  for (const T &Entry : Table)
    if (Qualified == Name(Entry))
      return &Entry;
  return nullptr;
}

const char *nameOf(const char *Name) { return Name; }

} // namespace

llvm::ArrayRef<AlgorithmShape> perElementAlgorithms() { return Algorithms; }

llvm::ArrayRef<CopyShape> copyAlgorithms() { return Copies; }

std::optional<TextFormatStyle> textFormatStyle(const clang::FunctionDecl *FD) {
  const TextBuilder *B = entryFor<TextBuilder>(
      FD, TextBuilders, [](const TextBuilder &B) { return B.Name; });
  return B ? std::optional<TextFormatStyle>(B->Style) : std::nullopt;
}

bool isTextView(const clang::FunctionDecl *FD) {
  // A conversion operator hands on the text it holds or builds
  // (`std::string` to `std::string_view`, a QStringBuilder to QString).
  return llvm::isa_and_nonnull<clang::CXXConversionDecl>(FD) ||
         entryFor<const char *>(FD, TextViews, nameOf) != nullptr;
}

bool isLiteralMacro(llvm::StringRef Name) {
  return llvm::is_contained(LiteralMacros, Name);
}

bool isCallableWrapper(const clang::CXXRecordDecl *RD) {
  // The name's last word first, a cheap filter before the qualified name.
  if (!RD || !RD->getIdentifier() ||
      RD->getName().find("function") == llvm::StringRef::npos)
    return false;
  std::string Name = plainQualifiedName(RD);
  return llvm::any_of(CallableWrappers,
                      [&](const char *Wrapper) { return Name == Wrapper; });
}

bool isTextWriter(const clang::FunctionDecl *FD) {
  return FD && FD->getIdentifier() &&
         FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         llvm::is_contained(TextWriters, FD->getName());
}

bool isContainerInserter(const clang::FunctionDecl *FD) {
  return entryFor<const char *>(FD, ContainerInserters, nameOf) != nullptr;
}

} // namespace nplusone
