//===- UnitSummary.h - What one translation unit exports --------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The summary of one translation unit for whole-program mode: for each
// function it defines with external linkage, the query it reaches inside the
// unit, the calls it makes (through the unit's own functions) to functions
// defined elsewhere, and the rows it returns. Only what the unit itself
// knows is recorded; calls into other units are linked when the summaries
// are read (SummaryStore.h), so one unit's edit never makes another unit's
// summary stale. Plain data: no AST, so summaries outlive the unit's parse.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_WHOLEPROGRAM_UNITSUMMARY_H
#define NPLUSONE_LIB_WHOLEPROGRAM_UNITSUMMARY_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nplusone {

/// The summary format; a file of another version is ignored with a warning.
constexpr int SummaryFormatVersion = 3;

/// A place in a source file.
struct SourcePlace {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
};

/// One step of a call chain: Caller calls Callee at Place, or runs the
/// statement there when Callee is empty.
struct SummaryStep {
  std::string Caller;
  std::string Callee;
  SourcePlace Place;
};

enum class SummaryQueryKind { Read, Write, LazyLoad };

/// A test of a parameter of the function that a statement runs under
/// (`if (!startup)`, `if (updateDb && ...)`): it runs when argument Param,
/// tested for being non-zero or for equalling Value, gives Expect. Alone:
/// the test is the whole condition, so passing it decides the branch too.
struct SummaryGuard {
  unsigned Param = 0;
  bool EqualsValue = false;
  int64_t Value = 0;
  bool Expect = true;
  bool Alone = true;

  bool operator==(const SummaryGuard &O) const {
    return Param == O.Param && EqualsValue == O.EqualsValue &&
           Value == O.Value && Expect == O.Expect && Alone == O.Alone;
  }
};

/// The query a function reaches through calls within its own unit.
struct SummaryQuery {
  SummaryQueryKind Kind = SummaryQueryKind::Read;
  /// Calls from a caller of the function down to the statement: 1 when the
  /// function runs it in its own body.
  unsigned Depth = 1;
  /// Bit i: parameter i feeds the statement; bit 62: the object does.
  uint64_t ParamFlow = 0;
  /// The API model that runs it (docs/libraries.md names), if any.
  std::string Library;
  /// A write's keyword (INSERT, UPDATE, ...), when known.
  std::string Keyword;
  /// A lazy load's relation (the data member or getter).
  std::string Relation;
  /// The statement's text with run-time values as holes, when known.
  std::string Sql;
  /// The parameter that passes the statement's text in, or -1.
  int SqlParam = -1;
  /// Where the statement's text is written, when it is.
  SourcePlace TextAt;
  /// It runs on some paths of the function only (under a condition).
  bool Conditional = false;
  /// A test of a parameter that every statement of the function runs under.
  std::optional<SummaryGuard> Guard;
  /// From the function down to the statement.
  std::vector<SummaryStep> Steps;
  /// Not written to summaries, worked out when they are linked: when the
  /// function's statements run under different tests, the test this one
  /// runs under, the parameters that feed the statements under it, and the
  /// shallowest statement under none or another (what a call whose constant
  /// fails the test runs).
  std::optional<SummaryGuard> TargetGuard;
  uint64_t TakenFlow = 0;
  std::shared_ptr<const SummaryQuery> Otherwise;
};

/// A call to a function of another unit, made by the function or by a
/// function of its unit it calls.
struct SummaryCall {
  /// The callee's key (its linkage name).
  std::string Key;
  /// Calls from a caller of the function to the one making this call: 1
  /// when the function makes it in its own body.
  unsigned Depth = 1;
  /// Per parameter of the callee, then its object (the last entry, for
  /// every call): the parameters of the function that flow into the
  /// argument (bit 62: the function's own object).
  std::vector<uint64_t> ArgFlow;
  /// The same entries: the argument's text when it has some (a statement
  /// passed in), run-time values as holes (SqlLexer.h's SqlHole), or empty.
  std::vector<std::string> ArgText;
  /// The same entries: the parameter of the function the argument is, or -1.
  std::vector<int> ArgParam;
  /// The call is made on some paths of the function only.
  bool Conditional = false;
  /// A test of a parameter of the function the call is made under.
  std::optional<SummaryGuard> Guard;
  /// From the function down to the call.
  std::vector<SummaryStep> Steps;
};

/// The rows a function returns: a read's result (or a container filled from
/// it) in its unit, or what a function of another unit returns.
struct SummaryRows {
  std::string Library;
  std::string Table;
  /// The function that runs the read, and where.
  std::string Function;
  SourcePlace Place;
  /// Set instead when the rows are those another unit's function returns.
  std::string RowsOf;
};

struct FunctionSummaryRecord {
  std::string Key;
  /// The function's name as notes show it.
  std::string Name;
  std::optional<SummaryQuery> Query;
  std::vector<SummaryCall> Calls;
  std::optional<SummaryRows> Rows;
};

/// A file the unit was built from, and the SHA-1 of its contents then.
struct SummaryInput {
  std::string Path;
  std::string Hash;
};

struct UnitSummary {
  /// The main file.
  std::string Unit;
  std::vector<SummaryInput> Inputs;
  std::vector<FunctionSummaryRecord> Functions;
  /// Every function of other units the unit calls, for tools that need its
  /// dependencies (tools/nplusone-run.py).
  std::vector<std::string> Calls;
  /// The database drivers the unit selects (`addDatabase("QSQLITE")`), as
  /// `library:driver`, with no driver after the colon for one chosen at run
  /// time: the other units of the program run on them too.
  std::vector<std::string> Drivers;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_WHOLEPROGRAM_UNITSUMMARY_H
