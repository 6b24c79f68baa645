//===- Guards.h - Conditions that keep a query from running ----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Two kinds of `if` make a query in a callee run far less often than its
// callers' loops: a test of a parameter that a call's constant argument rules
// out (`addSave(id, /*startup=*/true)` where the write is under `if
// (!startup)`) or of a member or global the caller set to a constant before
// the loop (`loading_ = true;` around a loop of `addSave(id)` calls whose
// write is under `if (!loading_)`), and a memo (`if (!cache) cache =
// loadAll();`), which runs the query the first time only.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_GUARDS_H
#define NPLUSONE_LIB_ANALYSIS_GUARDS_H

#include "lib/analysis/FunctionFacts.h"
#include "lib/wholeprogram/UnitSummary.h"
#include <cstdint>
#include <optional>

namespace nplusone {

/// A test of a parameter, or of lasting state, a query runs under: it runs
/// when the value, tested as Kind says, gives Expect.
struct ParamGuard {
  enum TestKind { NonZero, EqualsValue };
  unsigned Param = 0;
  /// When set, the test reads this member of the object or global variable
  /// rather than parameter Param.
  const clang::ValueDecl *State = nullptr;
  TestKind Kind = NonZero;
  int64_t Value = 0;
  bool Expect = true;
  /// The test is the whole condition. When it is one operand of a `&&`
  /// (`if (updateDB && owner != guid)`), failing it rules the query out,
  /// but passing it does not make it run.
  bool Alone = true;

  bool operator==(const ParamGuard &O) const {
    return Param == O.Param && State == O.State && Kind == O.Kind &&
           Value == O.Value && Expect == O.Expect && Alone == O.Alone;
  }
};

/// A guard as summaries record it, and back: tests of parameters only (a
/// test of state is decided by the caller's own code, not by a summary).
std::optional<SummaryGuard> toSummaryGuard(const std::optional<ParamGuard> &G);
std::optional<ParamGuard>
fromSummaryGuard(const std::optional<SummaryGuard> &G);

/// The innermost `if` around \p C that tests a parameter of the function
/// or a member or global (`if (!startup)`, `if (mode == kFull)`,
/// `if (!loading_)`, or one operand of `if (updateDB && ...)`), as a guard.
std::optional<ParamGuard> parameterGuard(const CallFacts &C,
                                         const FunctionFacts &Facts);

/// Whether \p G holds on the call \p Call, when the call decides it: it
/// passes a constant for the guarded parameter. A guard on state is not
/// decided by the call alone.
std::optional<bool> guardOutcome(const ParamGuard &G, const clang::Expr *Call);

/// Like the above for the call \p C of \p Caller in a loop, where a guard
/// on state is decided too when the caller set that state (its own member,
/// or a global) to a constant before the outermost loop running the call,
/// and assigns it nowhere in that loop.
std::optional<bool> guardOutcome(const ParamGuard &G, const CallFacts &C,
                                 const FunctionFacts &Caller);

/// The call runs only the first time: an `if` around it tests state that
/// outlives the call (a static, a global, a member) and its branch sets that
/// state. Not when the call's loop is inside that branch, or the test reads
/// a value of the current iteration (`if (unread_.count(id))`).
bool runsOnlyOnce(const CallFacts &C, const FunctionFacts &Facts);

/// An `if` around \p C pins the counter of loop \p Loop (one of \p C's
/// loops) to a constant (`for (rank = lo; rank <= hi; rank++) if (rank ==
/// 30) ...`): that loop runs \p C on one iteration only.
bool pinsLoopCounter(const CallFacts &C, int Loop, const FunctionFacts &Facts);

/// \p C runs on some paths of its function only: under a condition, or
/// after a test the function returns on.
bool runsConditionally(const CallFacts &C, const FunctionFacts &Facts);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_GUARDS_H
