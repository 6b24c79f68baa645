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
// (!startup)`), and a memo (`if (!cache) cache = loadAll();`), which runs the
// query the first time only.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_GUARDS_H
#define NPLUSONE_LIB_ANALYSIS_GUARDS_H

#include "lib/analysis/FunctionFacts.h"
#include <cstdint>
#include <optional>

namespace nplusone {

/// A test of a parameter a query runs under: it runs when the parameter's
/// value, tested as Kind says, gives Expect.
struct ParamGuard {
  enum TestKind { NonZero, EqualsValue };
  unsigned Param = 0;
  TestKind Kind = NonZero;
  int64_t Value = 0;
  bool Expect = true;

  bool operator==(const ParamGuard &O) const {
    return Param == O.Param && Kind == O.Kind && Value == O.Value &&
           Expect == O.Expect;
  }
};

/// The innermost `if` around \p C that tests a parameter of the function
/// (`if (!startup)`, `if (mode == kFull)`), as a guard.
std::optional<ParamGuard> parameterGuard(const CallFacts &C,
                                         const FunctionFacts &Facts);

/// False when \p Call passes a constant for the guarded parameter that
/// makes \p G false: the callee cannot run its query from this call.
bool guardMayHold(const ParamGuard &G, const clang::Expr *Call);

/// The call runs only the first time: an `if` around it tests state that
/// outlives the call (a static, a global, a member) and its branch sets that
/// state.
bool runsOnlyOnce(const CallFacts &C, const FunctionFacts &Facts);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_GUARDS_H
