//===- QueryTarget.h - What a call runs and what feeds it -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Given a call the API model says executes a statement, find its SQL text
// (directly, or through the statement handle it was prepared into), whether
// it reads or writes, and which expressions feed it: its SQL, its bound
// values, or for a call to a function that runs a query, the arguments that
// reach that query. One chooser picks, among those inputs, the one that
// carries a loop's row into the query, for the notes.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_QUERYTARGET_H
#define NPLUSONE_LIB_ANALYSIS_QUERYTARGET_H

#include "lib/analysis/FunctionFacts.h"
#include "lib/analysis/ValueFlow.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <string>

namespace nplusone {

struct QueryTarget {
  /// The library call that runs the query.
  const clang::Expr *ApiCall = nullptr;
  const LibraryModel *Library = nullptr;
  /// The SQL text argument (of the call, or of the prepare of its handle).
  const clang::Expr *Sql = nullptr;
  /// The statement handle an execute-by-handle call runs, if any.
  const clang::ValueDecl *Handle = nullptr;
  bool IsWrite = false;
  /// Session or transaction control (SET, BEGIN, ...): neither a read nor a
  /// row write.
  bool IsSession = false;
  /// For a typed statement (no SQL text), the SQL keyword its type writes.
  const char *WriteKeyword = nullptr;
  /// An ORM relation loaded lazily (`o.customer.load()`), and its name.
  bool IsLazyLoad = false;
  std::string Relation;
};

/// The object a lazy load is made on, when \p C (a call of \p Facts) is
/// one: a data member where the model asks for one, or the member a local
/// copy of it was taken from; null otherwise.
const clang::Expr *lazyLoadObject(const CallFacts &C,
                                  const FunctionFacts &Facts);

/// The relation the lazy load \p C loads: the data member, or the getter.
std::string lazyRelationName(const CallFacts &C, const FunctionFacts &Facts);

/// The SQL of the statements the unit prepares ahead of their runs: by
/// name (`conn.prepare("mark_done", "UPDATE ...")`), or into a data member
/// a setup function or constructor fills (`sqlite3_prepare_v2(db, "INSERT
/// ...", -1, &d->insert_tag, 0)`).
class NamedStatements {
public:
  virtual ~NamedStatements() = default;
  /// The SQL argument of the prepare that stores \p Name for \p Lib, or
  /// null when none or several do.
  virtual const clang::Expr *sqlNamed(const LibraryModel *Lib,
                                      llvm::StringRef Name) = 0;
  /// The SQL the unit's prepares put into the data member \p Field, or
  /// null when none does or they put different text there.
  virtual const clang::Expr *sqlInField(const clang::FieldDecl *Field) = 0;
};

/// Describes the query run by \p C, an API call with RoleExecute. A
/// statement run by name takes its SQL from \p Named.
QueryTarget describeQuery(const CallFacts &C, const FunctionFacts &Facts,
                          NamedStatements *Named = nullptr);

/// True when \p Text is a write in the language of \p Lib: a write command
/// of a command language (Redis), else a write SQL statement.
bool isWriteText(llvm::StringRef Text, const LibraryModel *Lib);

/// Classifies \p Target by its statement text \p Text: a write, or
/// session control; the kinds its library's access already fixes stay.
void classifyByText(QueryTarget &Target, llvm::StringRef Text);

/// Visits one input of a query: the expression, and whether it is (part
/// of) the statement's text rather than a parameter.
using InputVisitor = llvm::function_ref<void(const clang::Expr *, bool)>;

/// Calls \p Visit on every expression that feeds the query \p C runs: its
/// SQL text and parameters, and for a statement handle the SQL prepared and
/// the values bound into it in this function.
void forEachQueryInput(const CallFacts &C, const FunctionFacts &Facts,
                       InputVisitor Visit);

/// The parameter bit that stands for `this` in a summary's ParamFlow.
constexpr unsigned ThisParamBit = 62;

/// Calls \p Visit on the arguments of \p Call (to a function that runs a
/// query) whose parameters reach that query: bit i of \p ParamFlow for
/// argument i, ThisParamBit for the object of a member call. Values come
/// first, then objects the callee may write through, then the library
/// handles \p Facts (those of the calling function) runs statements on.
void forEachCallInput(const clang::Expr *Call, LabelMask ParamFlow,
                      const FunctionFacts &Facts, InputVisitor Visit);

/// The input through which a loop's row reaches a query.
struct InputCarrier {
  const clang::Expr *Value = nullptr;
  bool IsSqlText = false;
};

/// The labels of the inputs \p ForEachInput visits, in \p Flow. With
/// \p Carrier, the first input other than \p Skip that carries \p Wanted
/// becomes it.
LabelMask labelInputs(llvm::function_ref<void(InputVisitor)> ForEachInput,
                      const ValueFlow &Flow, LabelMask Wanted = 0,
                      InputCarrier *Carrier = nullptr,
                      const clang::Expr *Skip = nullptr);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_QUERYTARGET_H
