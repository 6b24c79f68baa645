//===- StandardApis.h - What general-purpose libraries do -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The calls of the C++ standard library, Qt Core and {fmt} the analysis
// must understand to see queries in ordinary code: algorithms that run a
// callable once per element (a loop written as a call), calls that build
// text from a format (SQL assembled with QString::arg or fmt::format), and
// iterators that insert what a read returns into a container. The data is
// in lib/api/models/Standard.cpp, beside the database models.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_API_STANDARDAPIS_H
#define NPLUSONE_LIB_API_STANDARDAPIS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace clang {
class CXXRecordDecl;
class FunctionDecl;
} // namespace clang

namespace nplusone {

/// An algorithm by name and argument count, without an execution policy:
/// which argument is the range (or its first iterator), which the callable,
/// and which parameter of the callable receives the element.
struct AlgorithmShape {
  const char *Name;
  unsigned Args;
  unsigned Range;
  unsigned Callable;
  unsigned Element;
};

/// The algorithms whose callable runs once per element (not comparators,
/// which run many times per element): std, std::ranges, Qt Concurrent.
llvm::ArrayRef<AlgorithmShape> perElementAlgorithms();

/// An algorithm that copies (or transforms) the elements of a range into
/// an output: which argument is the source (the range or its first
/// iterator) and which the output (an iterator, often a back_inserter).
struct CopyShape {
  const char *Name;
  unsigned Args;
  unsigned Source;
  unsigned Output;
};

/// The algorithms that copy a range's elements, or values made from them,
/// into an output: std::copy_if, std::transform, std::ranges::copy, ...
llvm::ArrayRef<CopyShape> copyAlgorithms();

/// How a text-building call fills its format.
enum class TextFormatStyle {
  /// `QString("... %1").arg(v)`: each arg() fills the lowest-numbered %N.
  PercentArg,
  /// `fmt::format("... {} ...", v)`: each replacement field is a value.
  BraceFields,
};

/// The style of a call that builds text from a format, if \p FD is one.
std::optional<TextFormatStyle> textFormatStyle(const clang::FunctionDecl *FD);

/// True for a call that views text as another string type without changing
/// it: `s.c_str()`, `s.data()`, `q.toStdString()`, `q.toUtf8()`, and a
/// conversion operator (`std::string` to `std::string_view`).
bool isTextView(const clang::FunctionDecl *FD);

/// True for a macro that wraps one string literal into a library's string
/// type: `QStringLiteral("...")`.
bool isLiteralMacro(llvm::StringRef Name);

/// True for a class whose call operator runs the callable an object of it
/// holds: std::function, std::move_only_function.
bool isCallableWrapper(const clang::CXXRecordDecl *RD);

/// True for a C library call that writes text into its first argument from
/// the others: `snprintf(buf, n, "... %d", id)`, `strcpy`, `strcat`.
bool isTextWriter(const clang::FunctionDecl *FD);

/// True for std::back_inserter and its kin: an output iterator that puts
/// what it is given into the container it is made from.
bool isContainerInserter(const clang::FunctionDecl *FD);

} // namespace nplusone

#endif // NPLUSONE_LIB_API_STANDARDAPIS_H
