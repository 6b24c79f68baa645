//===- RowLoops.h - What a loop iterates ------------------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Classifies each loop of a function by what it walks: the rows of a query
// (range-for or iterator/index loops over a result, cursor loops that step a
// statement), the elements of some other collection, or nothing traceable.
// For a row loop it finds the variable that holds the current row and the
// query that produced the rows.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_ROWLOOPS_H
#define NPLUSONE_LIB_ANALYSIS_ROWLOOPS_H

#include "lib/analysis/FunctionFacts.h"
#include "lib/wholeprogram/SummaryStore.h"
#include <cstdint>
#include <string>
#include <vector>

namespace nplusone {

enum class LoopSource {
  /// Nothing per element can be traced (`while (more)`).
  None,
  /// The rows of a query result or cursor.
  QueryRows,
  /// The elements of a collection or a counter not traced to a query.
  Elements,
};

struct RowLoop {
  const clang::Stmt *Loop = nullptr;
  LoopSource Source = LoopSource::None;
  /// Values of this variable are the current row or element.
  const clang::ValueDecl *RowVar = nullptr;
  /// Column reads of this cursor read the current row.
  const clang::ValueDecl *Cursor = nullptr;
  /// The variable holding the result or cursor that is iterated, if any.
  const clang::ValueDecl *ResultVar = nullptr;
  /// The query that produced the rows, when it is in this function.
  const clang::Expr *OriginQuery = nullptr;
  const LibraryModel *Library = nullptr;
  /// The body provably runs at most once: it always ends in break/return, or
  /// it is a `do { } while (0)`.
  bool RunsAtMostOnce = false;
  /// The loop walks a list fixed in the source (`for (auto *t : {"users",
  /// "orders"})`, a constant array of table names) or counts to a constant
  /// (`for (i = 0; i < 6; i++)`): its count does not grow with the data.
  bool ConstantRange = false;
  /// The loop follows a chain of links, one query per link: the key it
  /// tests is read from the row the last lookup returned (`while (parentId)
  /// { ...WHERE id = parentId...; parentId = <the row's parent>; }`).
  bool FollowsLinks = false;
  /// How to name what the loop iterates in messages: 'users'.
  std::string Name;
  /// The table the rows come from, when the outer SQL names one.
  std::string Table;
  /// For an algorithm run per element (`std::for_each`) or a library call
  /// run per row (`sqlite3_exec`), its name, and the callable it runs.
  const char *Algorithm = nullptr;
  const clang::FunctionDecl *Callable = nullptr;
  /// Every parameter of this function (the callable of `tx.for_query(sql,
  /// [&](int id, std::string name) { ... })`) holds a field of the row.
  const clang::FunctionDecl *RowFields = nullptr;
  /// The iterated container holds rows copied from the query's result
  /// rather than the result itself.
  bool CopiedRows = false;
  /// When the rows come from a function that returns them: the call that
  /// does, in this function (OriginQuery is then the query in that function).
  const clang::Expr *RowsCall = nullptr;
  /// RowsCall runs the query on the iterated object passed to it
  /// (`loadAlbums(model)` select()s `model`) rather than returning rows.
  bool RowsInArgument = false;
  /// When RowsCall is a function of another translation unit: where its
  /// rows come from (OriginQuery is then null).
  const SummaryRows *RemoteOrigin = nullptr;
};

/// Where a value's rows come from: the read query that produced them (in
/// this function or in one it calls), its library and table, and whether
/// they were copied out of the result into a container.
struct RowsOrigin {
  const clang::Expr *Query = nullptr;
  const LibraryModel *Library = nullptr;
  std::string Table;
  bool Copied = false;
  /// The read is in another translation unit: known from its summary
  /// (Remote), or, while this unit's summary is exported, the function of
  /// that unit whose rows these are (RowsOf).
  const SummaryRows *Remote = nullptr;
  const clang::FunctionDecl *RowsOf = nullptr;
  explicit operator bool() const { return Query || Remote || RowsOf; }
};

class ValueFlow;

/// What classifying a function's loops asks of the rest of the analysis:
/// the models in force, and the rows a call returns when it calls a
/// function of this unit that returns a read's rows (its summary).
class RowsContext {
public:
  virtual ~RowsContext() = default;
  virtual const ApiModel &model() const = 0;
  virtual RowsOrigin rowsReturnedBy(const clang::Expr *Call) = 0;
  /// The rows a call leaves in the object it is passed as argument \p Arg,
  /// when the function of this unit it calls runs a read on it.
  virtual RowsOrigin rowsRunOnArgument(const clang::Expr *Call,
                                       unsigned Arg) = 0;
  /// The rows a function of this unit fills the data member \p Field with
  /// (`mail->items.push_back(...)` in a loop over a read's rows).
  virtual RowsOrigin rowsStoredIn(const clang::FieldDecl *Field) = 0;
};

/// The rows the function of \p Facts returns: a read's result, a container
/// filled from a read's rows in \p Loops (its classified loops), or what a
/// helper returns; empty when its returns hold none.
RowsOrigin rowsReturnedFrom(const FunctionFacts &Facts,
                            llvm::ArrayRef<RowLoop> Loops, RowsContext &Ctx);

/// The rows the function of \p Facts stores into the data member \p Field
/// of some object, filling it in a loop over a read's rows
/// (`mail->items.push_back(...)`); empty when it stores none.
RowsOrigin rowsStoredInField(const FunctionFacts &Facts,
                             llvm::ArrayRef<RowLoop> Loops,
                             const clang::FieldDecl *Field);

/// For each parameter of the function of \p Facts, the rows of the last
/// read it runs on the object the parameter refers to (`void
/// loadAlbums(QSqlTableModel &m) { ...; m.select(); }`), itself or through a
/// helper; empty entries for the others.
std::vector<RowsOrigin> rowsRunOnParameters(const FunctionFacts &Facts,
                                            RowsContext &Ctx);

/// Classifies every loop of \p Facts, in the same order as Facts.loops().
std::vector<RowLoop> classifyLoops(const FunctionFacts &Facts,
                                   RowsContext &Ctx);

/// Seeds \p Flow with \p Label on the current row or element of \p L.
void seedCurrentRow(ValueFlow &Flow, const RowLoop &L, uint64_t Label);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_ROWLOOPS_H
