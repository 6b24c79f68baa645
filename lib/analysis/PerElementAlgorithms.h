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
class FunctionDecl;
class LambdaExpr;
class ParmVarDecl;
class Stmt;
} // namespace clang

namespace nplusone {

struct ApiFunction;

/// One call of a per-element algorithm with a lambda, or of a library call
/// that runs a callable once per row (RowCallbackArg), resolved.
struct CallbackLoop {
  /// The range walked, or the iterator its walk starts from
  /// (`users.begin()`).
  const clang::Expr *Range = nullptr;
  /// The lambda run per element, if it is one, and the function whose body
  /// runs: the lambda's call operator (the instantiation of a generic
  /// lambda), or the function a library call is handed
  /// (`sqlite3_exec(db, sql, print_order, ...)`).
  const clang::LambdaExpr *Lambda = nullptr;
  const clang::FunctionDecl *Function = nullptr;
  const clang::Stmt *Body = nullptr;
  /// The parameter that receives the element, if it has one.
  const clang::ParmVarDecl *Element = nullptr;
  /// Every parameter receives one field of the row (`tx.for_query(sql,
  /// [&](int id, std::string name) { ... })`); Element is then null.
  bool EveryParam = false;
  /// The algorithm's or library call's name for messages: "std::for_each",
  /// "sqlite3_exec".
  const char *Name = nullptr;
};

/// When \p Call runs a lambda once per element of a range, what it walks;
/// otherwise an empty result (Lambda null). The lambda may be written in the
/// call or be a local variable initialised with one.
CallbackLoop perElementCallback(const clang::Expr *Call);

/// The function whose body the callable \p E runs when it is written there:
/// a lambda (its call operator, the first instantiation of a generic one)
/// or a function named (`print_order`, `&print_order`) whose body is in
/// this unit; null otherwise.
const clang::FunctionDecl *callableBody(const clang::Expr *E);

/// When the library call \p Call, modelled by \p Fn, runs a callable once per
/// row (Fn.RowCallbackArg) and that callable's body is in this unit (a
/// lambda, or a function named at the call, else \p Held: the one function
/// a pointer or std::function handed over can hold), what it runs;
/// otherwise an empty result (Body null). Range is the call itself when it
/// runs a statement, else the result it is called on.
CallbackLoop perRowCallback(const clang::Expr *Call, const ApiFunction &Fn,
                            const clang::FunctionDecl *Held = nullptr);

/// The callable \p Call, modelled by \p Fn, runs once per row when it is
/// not written at the call (a lambda or a function named there) but held in
/// a variable, parameter or field (`cb`, `h->on_row`); null otherwise.
const clang::Expr *heldRowCallback(const clang::Expr *Call,
                                   const ApiFunction &Fn);

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
