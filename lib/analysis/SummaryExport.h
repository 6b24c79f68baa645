//===- SummaryExport.h - This unit's summary for other units ----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Turns the call summaries of a translation unit into its UnitSummary
// (lib/wholeprogram): for every function of the main file that other units
// can call, the query it reaches here with the chain of calls down to it,
// the calls it makes into other units, and the rows it returns; plus the
// unit's inputs and their hashes, so a stale summary is detected.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_SUMMARYEXPORT_H
#define NPLUSONE_LIB_ANALYSIS_SUMMARYEXPORT_H

#include "lib/analysis/AnalysisContext.h"
#include "lib/wholeprogram/UnitSummary.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace nplusone {

/// The summary of the unit \p AST, whose user functions are \p Functions,
/// analysed by \p Ctx (exporting).
UnitSummary
exportUnitSummary(clang::ASTContext &AST,
                  llvm::ArrayRef<const clang::FunctionDecl *> Functions,
                  AnalysisContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_SUMMARYEXPORT_H
