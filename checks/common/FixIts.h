//===- FixIts.h - The edits the checks offer --------------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Source edits built from what the analysis planned: the batched SQL
// written into a string literal, and a loop-invariant declaration moved
// before its loop. An edit that cannot be made exactly (macros, escapes,
// text split across literals) is not made at all.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_COMMON_FIXITS_H
#define NPLUSONE_CHECKS_COMMON_FIXITS_H

#include "lib/analysis/Finding.h"
#include "lib/sql/SqlBatchRewrite.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class StringLiteral;
} // namespace clang

namespace nplusone {

/// Fix-its making \p Edits to a string literal's contents, when every one
/// maps one-to-one onto its spelling in a file; none otherwise.
llvm::SmallVector<clang::FixItHint, 4>
literalFixes(const clang::StringLiteral *SL, llvm::ArrayRef<SqlEdit> Edits,
             const clang::ASTContext &Ctx);

/// The edits that move F.HoistDecl before its loop: remove it from the loop
/// body (with its line when it stands alone) and insert it, with the loop's
/// indentation, before the loop. Empty when the text cannot be edited.
llvm::SmallVector<clang::FixItHint, 2> hoistEdits(const LoopQueryFinding &F,
                                                  const RowLoop &L,
                                                  const clang::ASTContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_CHECKS_COMMON_FIXITS_H
