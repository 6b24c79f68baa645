//===- LoopEnds.h - Loops a query's own result ends ------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A loop that runs the same statement until it succeeds (a retry on a busy
// database or a serialization failure), until a state changes (waiting for
// a replica), or until a cursor read in pages returns nothing (`FETCH 100
// FROM cur`) is driven by that statement's result: nothing in it runs once
// per row, and moving the statement out would change what the loop does.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_LOOPENDS_H
#define NPLUSONE_LIB_ANALYSIS_LOOPENDS_H

#include "lib/analysis/FunctionFacts.h"

namespace nplusone {

/// True when the result of \p C decides when the loop \p Loop (an index
/// into Facts.loops()) ends: the loop's condition tests it (`while (rc ==
/// SQLITE_BUSY)`), an exit of the loop is conditional on it (`if
/// (r.empty()) break;`), or the condition tests a flag set to a constant
/// after the call (`done = true`). With \p InHandle, a result the call
/// leaves in its statement handle counts too (`q.exec(...); if (!q.next())
/// break;`).
bool resultEndsLoop(const CallFacts &C, int Loop, const FunctionFacts &Facts,
                    bool InHandle = false);

/// True when \p Loop is \p Ancestor or nested in it.
bool inLoopSubtree(int Loop, int Ancestor, const FunctionFacts &Facts);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_LOOPENDS_H
