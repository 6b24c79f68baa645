//===- PerElementAlgorithms.h - Lambdas run per element ---------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Algorithms that call the function object they are given once for each
// element of a range (std::for_each, std::transform, the std::ranges
// niebloids, QtConcurrent::map, ...; the list is in lib/api/StandardApis.h).
// A lambda given to one of them runs in a loop over that range, exactly as
// if its body were written in a range-for; the facts walk treats it so.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_PERELEMENTALGORITHMS_H
#define NPLUSONE_LIB_ANALYSIS_PERELEMENTALGORITHMS_H

namespace clang {
class Expr;
class LambdaExpr;
class ParmVarDecl;
class Stmt;
} // namespace clang

namespace nplusone {

/// One call of a per-element algorithm with a lambda, resolved.
struct CallbackLoop {
  /// The range walked, or the iterator its walk starts from
  /// (`users.begin()`).
  const clang::Expr *Range = nullptr;
  /// The lambda run per element, and its body's own declaration (the
  /// instantiation of a generic lambda).
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::Stmt *Body = nullptr;
  /// The lambda parameter that receives the element, if it has one.
  const clang::ParmVarDecl *Element = nullptr;
  /// The algorithm's name for messages: "std::for_each".
  const char *Name = nullptr;
};

/// When \p Call runs a lambda once per element of a range, what it walks;
/// otherwise an empty result (Lambda null). The lambda may be written in the
/// call or be a local variable initialised with one.
CallbackLoop perElementCallback(const clang::Expr *Call);

/// A call that copies a range's elements, or values made from them, into a
/// container (`std::copy_if(all.begin(), all.end(),
/// std::back_inserter(active), pred)`): the source range and the container;
/// both null when \p Call is no such call or the output is not a container.
struct ElementCopy {
  const clang::Expr *Source = nullptr;
  const clang::Expr *Container = nullptr;
};
ElementCopy elementCopy(const clang::Expr *Call);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_PERELEMENTALGORITHMS_H
