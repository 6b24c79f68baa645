//===- ValueFlow.cpp - Which seeds reach which values ---------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/ValueFlow.h"
#include "lib/ast/Statements.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace nplusone {

namespace {
/// The fixpoint is reached in a few rounds on real code; the bound keeps
/// pathological edge orders from costing more than a linear factor.
constexpr unsigned MaxRounds = 16;
} // namespace

void ValueFlow::seedVariable(const ValueDecl *VD, LabelMask Labels) {
  if (VD)
    VarLabels[VD] |= Labels;
}

void ValueFlow::seedCursor(const ValueDecl *Handle, LabelMask Labels) {
  if (Handle)
    CursorLabels[Handle] |= Labels;
}

LabelMask ValueFlow::labelsOf(const ValueDecl *VD) const {
  auto It = VarLabels.find(VD);
  return It == VarLabels.end() ? 0 : It->second;
}

LabelMask ValueFlow::labelsOf(const Expr *Root) const {
  if (!Root)
    return 0;
  LabelMask Result = 0;
  // A lambda carries what it captures; the walk looks at its captures only.
  walkSubtree(Root, [&](const Stmt *S) {
    if (isa<UnaryExprOrTypeTraitExpr>(S))
      return WalkAction::SkipChildren;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Result |= labelsOf(DRE->getDecl());
      return WalkAction::SkipChildren;
    }
    if (isa<CXXThisExpr>(S)) {
      Result |= ThisLabels;
      return WalkAction::SkipChildren;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      Result |= labelsOf(ME->getMemberDecl());
    // Reading a column of a loop's cursor reads that loop's current row.
    if (const auto *C = dyn_cast<CallExpr>(S); C && !CursorLabels.empty())
      if (const ValueDecl *H = Facts.columnReadHandle(C))
        Result |= CursorLabels.lookup(H);
    return WalkAction::Continue;
  });
  return Result;
}

void ValueFlow::propagate() {
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    bool Changed = false;
    for (const FlowEdge &E : Facts.edges()) {
      LabelMask In = labelsOf(E.Src);
      if (!In)
        continue;
      LabelMask &Out = VarLabels[E.Dst];
      if ((Out | In) != Out) {
        Out |= In;
        Changed = true;
      }
      // A member written here travels with the object: `this` passed on,
      // or a method of it called, carries it.
      if (llvm::isa<FieldDecl>(E.Dst) && (ThisLabels | In) != ThisLabels) {
        ThisLabels |= In;
        Changed = true;
      }
    }
    if (!Changed)
      return;
  }
}

} // namespace nplusone
