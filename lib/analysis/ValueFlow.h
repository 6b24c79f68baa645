//===- ValueFlow.h - Which seeds reach which values -------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A flow-insensitive taint propagation over one function's FunctionFacts.
// Seeds are labels (bits of a 64-bit mask): the current row of each row loop,
// or each parameter of a function being summarised. Labels flow through
// initialisations, assignments, string building, streams, out-parameters and
// the statement handles that SQL and bound values are put into.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_VALUEFLOW_H
#define NPLUSONE_LIB_ANALYSIS_VALUEFLOW_H

#include "lib/analysis/FunctionFacts.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>

namespace nplusone {

using LabelMask = uint64_t;

class ValueFlow {
public:
  explicit ValueFlow(const FunctionFacts &Facts) : Facts(Facts) {}

  /// Values of \p VD carry \p Labels.
  void seedVariable(const clang::ValueDecl *VD, LabelMask Labels);
  /// Column reads of cursor \p Handle (a loop's current row) carry \p Labels.
  void seedCursor(const clang::ValueDecl *Handle, LabelMask Labels);
  /// `this` and members read through it carry \p Labels.
  void seedThis(LabelMask Labels) { ThisLabels |= Labels; }

  /// Propagates the seeds along the function's flow edges to a fixpoint.
  void propagate();

  /// The labels an expression's value carries.
  LabelMask labelsOf(const clang::Expr *E) const;
  LabelMask labelsOf(const clang::ValueDecl *VD) const;

private:
  const FunctionFacts &Facts;
  llvm::DenseMap<const clang::ValueDecl *, LabelMask> VarLabels;
  llvm::DenseMap<const clang::ValueDecl *, LabelMask> CursorLabels;
  LabelMask ThisLabels = 0;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_VALUEFLOW_H
