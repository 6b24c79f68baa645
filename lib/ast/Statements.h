//===- Statements.h - Loop bodies and bounded subtree walks -----*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The one bounded walk over a statement's subtree that every helper asking
// "is there a ... in this expression" uses, and the body of a loop of any
// kind.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_AST_STATEMENTS_H
#define NPLUSONE_LIB_AST_STATEMENTS_H

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

namespace nplusone {

/// The body of a for, while, do or range-for loop; null for anything else.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

/// The break, return, throw or goto \p Block always ends with: its last
/// statement, looking into a last nested block; null when it can fall
/// through. With \p ThroughTry, a last `try` ends with what its try block
/// ends with (a retry: the handler runs only when the attempt failed).
const clang::Stmt *finalExit(const clang::Stmt *Block, bool ThroughTry = false);

/// What a subtree walk does after visiting a node.
enum class WalkAction { Continue, SkipChildren, Stop };
enum class WalkResult { Completed, Stopped, Truncated };

/// The most nodes one walk visits. Real expressions have a few hundred;
/// generated or hostile code may have millions, and a walk runs per call.
constexpr unsigned MaxSubtreeNodes = 20000;

/// The order a walk visits children in: right to left costs nothing (the
/// walk's own stack order), source order reverses each node's children.
enum class WalkOrder { RightToLeft, SourceOrder };

/// Visits \p Root and the nodes under it, pre-order, at most
/// MaxSubtreeNodes of them. A lambda's children are its capture
/// initialisers: its body runs when it is called, not here. \p Visit returns
/// what to do next; the result says whether the walk ran to the end, was
/// stopped by Visit, or hit the bound.
template <typename Fn>
WalkResult walkSubtree(const clang::Stmt *Root, Fn Visit,
                       WalkOrder Order = WalkOrder::RightToLeft) {
  llvm::SmallVector<const clang::Stmt *, 16> Work{Root};
  for (unsigned Visited = 0; !Work.empty(); ++Visited) {
    if (Visited >= MaxSubtreeNodes)
      return WalkResult::Truncated;
    const clang::Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    WalkAction Action = Visit(S);
    if (Action == WalkAction::Stop)
      return WalkResult::Stopped;
    if (Action == WalkAction::SkipChildren)
      continue;
    size_t First = Work.size();
    if (const auto *LE = llvm::dyn_cast<clang::LambdaExpr>(S)) {
      for (const clang::Expr *Init : LE->capture_inits())
        Work.push_back(Init);
    } else {
      for (const clang::Stmt *Child : S->children())
        Work.push_back(Child);
    }
    if (Order == WalkOrder::SourceOrder)
      std::reverse(Work.begin() + First, Work.end());
  }
  return WalkResult::Completed;
}

/// True when \p Target is \p Root or under it (within the walk's bound).
bool subtreeContains(const clang::Stmt *Root, const clang::Stmt *Target);

/// True when \p E reads \p D by name somewhere, `sizeof` operands aside
/// (within the walk's bound).
bool mentionsDecl(const clang::Expr *E, const clang::ValueDecl *D);

/// True when \p Loc lies within the source range of \p Outer, ends
/// included.
bool rangeHolds(const clang::Stmt *Outer, clang::SourceLocation Loc);

/// True when the whole source range of \p Inner lies within \p Outer's.
bool rangeHolds(const clang::Stmt *Outer, const clang::Stmt *Inner);

/// The innermost block (compound statement) under \p Root whose source
/// range holds \p Loc: the scope of a variable declared at \p Loc. Null
/// when no block does.
const clang::CompoundStmt *innermostBlockAt(const clang::Stmt *Root,
                                            clang::SourceLocation Loc);

} // namespace nplusone

#endif // NPLUSONE_LIB_AST_STATEMENTS_H
