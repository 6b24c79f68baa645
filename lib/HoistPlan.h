//===- HoistPlan.h - Moving a loop-invariant query before its loop -*- C++ -*-//
//
// Decides whether the declaration that holds a loop-invariant query can move
// before the loop, and whether that is provably safe: the code then compiles
// and computes the same values, so the move can be a warning fix-it.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_HOISTPLAN_H
#define NPLUSONE_LIB_HOISTPLAN_H

#include "lib/LoopQueries.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class ASTContext;
class FixItHint;
} // namespace clang

namespace nplusone {

/// Fills F.HoistDecl and F.HoistSafe for a loop-invariant finding.
/// \p OnlyKnownReads: every query the loop runs is a read whose SQL is known.
void planHoist(LoopQueryFinding &F, const RowLoop &L,
               const FunctionFacts &Facts, bool OnlyKnownReads);

/// The edits that move F.HoistDecl before its loop: remove it from the loop
/// body (with its line when it stands alone) and insert it, with the loop's
/// indentation, before the loop. Empty when the text cannot be edited.
llvm::SmallVector<clang::FixItHint, 2> hoistEdits(const LoopQueryFinding &F,
                                                  const RowLoop &L,
                                                  const clang::ASTContext &Ctx);

} // namespace nplusone

#endif // NPLUSONE_LIB_HOISTPLAN_H
