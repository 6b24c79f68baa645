//===- ValueFlow.cpp - Which seeds reach which values ---------------------===//

#include "lib/ValueFlow.h"
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
/// Expressions larger than this are not scanned further.
constexpr unsigned MaxExprNodes = 20000;
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
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  unsigned Visited = 0;
  while (!Work.empty() && ++Visited < MaxExprNodes) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<UnaryExprOrTypeTraitExpr>(S))
      continue;
    // A lambda carries what it captures; its body runs elsewhere.
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init);
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Result |= labelsOf(DRE->getDecl());
      continue;
    }
    if (isa<CXXThisExpr>(S)) {
      Result |= ThisLabels;
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      Result |= labelsOf(ME->getMemberDecl());
    // Reading a column of a loop's cursor reads that loop's current row.
    if (const auto *C = dyn_cast<CallExpr>(S); C && !CursorLabels.empty())
      if (const ValueDecl *H = Facts.columnReadHandle(C))
        Result |= CursorLabels.lookup(H);
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
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
