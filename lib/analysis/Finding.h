//===- Finding.h - A query that runs once per loop iteration ----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// What the analysis finds and the checks report: one query site in a loop,
// its category, the loop, the value that makes it per row, the call chain
// to the query, and everything the advice needs (the batched SQL, the
// statement kind, whether a transaction is open), all computed when the
// finding is made. The diagnostics only put it into words.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_FINDING_H
#define NPLUSONE_LIB_ANALYSIS_FINDING_H

#include "lib/analysis/BatchPlan.h"
#include "lib/analysis/CallChain.h"
#include "lib/analysis/QueryTarget.h"
#include "lib/analysis/RowLoops.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class DeclStmt;
} // namespace clang

namespace nplusone {

enum class FindingKind {
  WriteInLoop,
  LazyLoadInLoop,
  LoopInvariantQuery,
  QueryInLoop,
  QueryPerElement,
};

struct LoopQueryFinding {
  FindingKind Kind;
  /// The analysed function.
  const clang::FunctionDecl *Function = nullptr;
  /// The query site in the analysed function: the library call, or the call
  /// that reaches it.
  const clang::Expr *Site = nullptr;
  /// Where the finding is reported: the site as written; for the begin()
  /// a range-for calls on the range, the range (`article->comments`).
  clang::SourceLocation At;
  /// Index into FunctionLoopQueries::Loops of the loop it runs once per
  /// iteration of.
  int Loop = -1;
  /// The site runs only on some iterations (under an if in the loop, or a
  /// condition in a callee along the chain).
  bool Conditional = false;
  /// Reads per row or element: an inner loop inside Loop that runs the read
  /// again on each of its iterations with the same values (-1 when none).
  int RepeatingLoop = -1;
  /// The expression at the site that carries the loop's row or element.
  const clang::Expr *Carrier = nullptr;
  bool CarrierIsSqlText = false;
  /// The row value as the notes show it: Carrier, or, where Carrier only
  /// holds it (a statement object it was bound to, SQL text it was written
  /// into), the value put there.
  const clang::Expr *RowValue = nullptr;
  /// RowValue was written into the statement's text on its way there
  /// (`snprintf(buf, ..., id)`, then `q.s = buf`), not bound to it.
  bool RowValueInText = false;
  /// Calls from the site down to the query; empty when the site is the
  /// library call.
  std::vector<ChainStep> Chain;
  QueryTarget Target;
  /// The function holding the query (differs from the analysed one when the
  /// query is reached through calls).
  const clang::FunctionDecl *TargetFunction = nullptr;
  /// When the chain goes on in other translation units (whole-program
  /// mode): its steps there, down to the query. TargetFunction is then the
  /// last function of this unit on the chain.
  const SummaryQuery *Remote = nullptr;
  /// Loop-invariant queries held by a declaration of the loop body: the
  /// declaration to move before the loop, and whether that is provably safe
  /// (then it is a warning fix-it; otherwise a note fix-it).
  const clang::DeclStmt *HoistDecl = nullptr;
  bool HoistSafe = false;
  /// Lazy loads: the relation loaded (the data member, or the getter).
  std::string Relation;
  /// Writes: the statement's keyword (INSERT, UPDATE, ...) when its text or
  /// type says it; empty otherwise.
  std::string StatementKeyword;
  /// Writes: a transaction already groups the loop's writes (begun before
  /// the loop, or the function runs inside one).
  bool InTransaction = false;
  /// Reads per row or element: their batched form.
  BatchPlan Batch;
};

struct FunctionLoopQueries {
  std::vector<RowLoop> Loops;
  std::vector<LoopQueryFinding> Findings;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_FINDING_H
