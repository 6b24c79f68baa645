//===- FunctionFacts.cpp - One walk over a function body ------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/FunctionFacts.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace nplusone {

namespace {
/// Deeper bodies than this are not walked further: the walk stays bounded on
/// generated or hostile code, and its stack (two frames a level, larger
/// under AddressSanitizer) stays well inside the main thread's 8 MiB. Real
/// code nests a few dozen levels; 200 nested loops take about 400.
constexpr unsigned MaxWalkDepth = 600;

/// \p Root mentions one of the functions named \p Names.
bool mentionsFunction(const Expr *Root, llvm::ArrayRef<const char *> Names) {
  return walkSubtree(Root, [&](const Stmt *S) {
           const auto *DRE = dyn_cast<DeclRefExpr>(S);
           if (DRE && isa<FunctionDecl>(DRE->getDecl()) &&
               llvm::is_contained(Names, plainQualifiedName(DRE->getDecl())))
             return WalkAction::Stop;
           return WalkAction::Continue;
         }) == WalkResult::Stopped;
}
} // namespace

/// Walks a body once, recording loops, calls and flow edges: one method per
/// kind of node that matters, the rest walked through.
class FactsWalker : public ConstStmtVisitor<FactsWalker> {
public:
  FactsWalker(FunctionFacts &F, const ApiModel &Model,
              const HeldCallbackTargets *Held)
      : F(F), Model(Model), Held(Held) {
    WalkedCallbacks.insert(F.FD.getBody());
  }

  /// Walks \p S, which starts a full expression when it is an expression
  /// outside one.
  void walk(const Stmt *S, unsigned Depth) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E || FullExpr) {
      walkStmt(S, Depth);
      return;
    }
    FullExpr = E;
    walkStmt(S, Depth);
    FullExpr = nullptr;
  }

  void finish();

  // Unevaluated operands never run; lambda bodies run when the lambda is
  // called, which is not here.
  void VisitUnaryExprOrTypeTraitExpr(const UnaryExprOrTypeTraitExpr *) {}
  void VisitCXXTypeidExpr(const CXXTypeidExpr *) {}
  void VisitCXXNoexceptExpr(const CXXNoexceptExpr *) {}
  void VisitLambdaExpr(const LambdaExpr *LE) {
    for (const Expr *Init : LE->capture_inits())
      child(Init);
  }

  void VisitForStmt(const ForStmt *FS);
  void VisitWhileStmt(const WhileStmt *WS);
  void VisitDoStmt(const DoStmt *DS);
  void VisitCXXForRangeStmt(const CXXForRangeStmt *RF);
  void VisitIfStmt(const IfStmt *IS);
  void VisitSwitchStmt(const SwitchStmt *SS);
  void VisitAbstractConditionalOperator(const AbstractConditionalOperator *CO);
  void VisitBinaryOperator(const BinaryOperator *BO);
  void VisitUnaryOperator(const UnaryOperator *UO);
  void VisitDeclStmt(const DeclStmt *DS);
  void VisitReturnStmt(const ReturnStmt *RS);
  void VisitCallExpr(const CallExpr *C);
  void VisitCXXConstructExpr(const CXXConstructExpr *CE);
  void VisitCompoundStmt(const CompoundStmt *CS);
  void VisitCXXTryStmt(const CXXTryStmt *TS);
  void VisitCXXThrowExpr(const CXXThrowExpr *TE);
  void VisitStmt(const Stmt *S) { walkChildren(S); }

private:
  void walkStmt(const Stmt *S, unsigned Depth) {
    if (!S)
      return;
    if (Depth > MaxWalkDepth) {
      F.Truncated = true;
      return;
    }
    unsigned SavedDepth = CurrentDepth;
    CurrentDepth = Depth;
    InBlock = BlockChild == S;
    Visit(S);
    CurrentDepth = SavedDepth;
  }
  void child(const Stmt *S) { walk(S, CurrentDepth + 1); }
  void walkChildren(const Stmt *S) {
    for (const Stmt *Child : S->children())
      child(Child);
  }
  /// Walks \p S as a branch that runs only on some paths.
  void conditionalChild(const Stmt *S) {
    ++Conditional;
    child(S);
    --Conditional;
  }
  /// Walks \p Branch of the `if` testing \p Cond as a guard of its calls.
  void guardedChild(const Expr *Cond, const Stmt *Branch, bool InElse) {
    if (!Branch)
      return;
    int Saved = CurrentGuard;
    CurrentGuard = static_cast<int>(F.Guards.size());
    F.Guards.push_back({Cond, Branch, InElse, Saved});
    conditionalChild(Branch);
    CurrentGuard = Saved;
  }

  int currentLoop() const {
    return LoopStack.empty() ? -1 : LoopStack.back().Loop;
  }
  int enterLoop(const Stmt *Loop, bool LoopInBlock, bool Breakable = true);
  void leaveLoop() {
    Conditional = LoopStack.back().SavedConditional;
    LoopStack.pop_back();
    Breakables.pop_back();
  }
  void walkCondition(const Expr *Cond, int Loop);
  void markConditionCalls(size_t FirstCall, int Loop, const Expr *Cond);
  void walkBlock(const CompoundStmt *CS);
  size_t gotoLoopEnd(const CompoundStmt *CS, size_t I, const LabelStmt *LS);
  void enterGotoLoop(const LabelStmt *LS, const Stmt *Last);
  void leaveGotoLoop();
  void walkCallbackLoop(const Stmt *Call, const CallbackLoop &Callback);
  /// The LoopStack positions [first, LoopStack.size()) that \p Exit leaves;
  /// LoopStack.size() when it leaves none.
  size_t firstLoopLeftBy(const Stmt *Exit) const;
  /// Walks the children of \p S, which ends by leaving the loops from
  /// position \p First on.
  void walkLeaving(const Stmt *S, size_t First);
  /// Counts the loops at positions [First, Last) as left by the block
  /// being walked (\p Delta 1) or no longer (-1).
  void markLeaving(size_t First, size_t Last, int Delta);
  llvm::SmallVector<int, 1> loopsFrom(size_t First) const;

  void recordDecl(const Decl *D);
  void addEdge(const Expr *Dst, const Expr *Src, bool IsValue,
               const Expr *Update = nullptr);
  void placeInLoops(CallFacts &Facts) const;
  void recordCall(const CallExpr *C);
  const FunctionDecl *heldTarget(const ApiFunction &Fn, const CallExpr *C);
  void recordUserCallEdges(const CallExpr *C);
  void recordApiEdges(const CallFacts &CF);
  void recordQueryOutputs(const CallFacts &CF);
  void markRunInPlace(CallFacts &C);
  void recordConstruct(const CXXConstructExpr *CE);
  void indexHandles();

  struct StackEntry {
    int Loop;
    int SavedConditional;
    /// How many blocks being walked end by leaving this loop.
    unsigned Leaving = 0;
  };
  FunctionFacts &F;
  const ApiModel &Model;
  const HeldCallbackTargets *Held;
  llvm::SmallVector<StackEntry, 8> LoopStack;
  int Conditional = 0;
  unsigned CurrentDepth = 0;
  /// The statement of a block being walked, to tell loops in blocks apart;
  /// InBlock says whether the node being visited is one.
  const Stmt *BlockChild = nullptr;
  bool InBlock = false;
  /// The outermost expression being walked.
  const Expr *FullExpr = nullptr;
  /// The bodies of the callables walked in place, and the function's own.
  llvm::SmallPtrSet<const Stmt *, 4> WalkedCallbacks;
  unsigned InCallback = 0;
  /// The innermost `if` branch being walked (FunctionFacts::Guards).
  int CurrentGuard = -1;
  /// The LoopStack position of the innermost algorithm's loop, plus one: a
  /// return in its lambda leaves only the loops inside it.
  size_t CallbackFloor = 0;
  /// What a break leaves: a loop (its LoopStack position) or a switch (-1).
  llvm::SmallVector<int, 8> Breakables;
  /// LoopStack sizes where the try blocks being walked start: a throw in
  /// one leaves only the loops inside it.
  llvm::SmallVector<size_t, 4> TryFloors;
  /// The last goto to each label, in source order; collected when the walk
  /// first meets a label of a block.
  llvm::DenseMap<const LabelDecl *, const GotoStmt *> LastGotos;
  bool GotosCollected = false;
  /// For each goto's loop being walked, the first of its calls.
  llvm::SmallVector<size_t, 2> GotoLoopCalls;
};

//===-- Loops and branches ------------------------------------------------===//

int FactsWalker::enterLoop(const Stmt *Loop, bool LoopInBlock, bool Breakable) {
  int Index = static_cast<int>(F.Loops.size());
  LoopFacts Facts;
  Facts.Loop = Loop;
  Facts.Parent = currentLoop();
  Facts.InBlock = LoopInBlock;
  F.Loops.push_back(Facts);
  // A break in a goto's loop leaves what encloses the loop.
  int Outer = Breakables.empty() ? -1 : Breakables.back();
  Breakables.push_back(Breakable ? static_cast<int>(LoopStack.size()) : Outer);
  LoopStack.push_back({Index, Conditional});
  Conditional = 0;
  return Index;
}

void FactsWalker::VisitForStmt(const ForStmt *FS) {
  bool LoopInBlock = InBlock;
  child(FS->getInit()); // once, before the loop
  int L = enterLoop(FS, LoopInBlock);
  walkCondition(FS->getCond(), L);
  child(FS->getConditionVariableDeclStmt());
  child(FS->getInc());
  child(FS->getBody());
  leaveLoop();
}

void FactsWalker::VisitWhileStmt(const WhileStmt *WS) {
  int L = enterLoop(WS, InBlock);
  child(WS->getConditionVariableDeclStmt());
  walkCondition(WS->getCond(), L);
  child(WS->getBody());
  leaveLoop();
}

void FactsWalker::VisitDoStmt(const DoStmt *DS) {
  int L = enterLoop(DS, InBlock);
  child(DS->getBody());
  walkCondition(DS->getCond(), L);
  leaveLoop();
}

void FactsWalker::VisitCXXForRangeStmt(const CXXForRangeStmt *RF) {
  bool LoopInBlock = InBlock;
  child(RF->getInit());
  child(RF->getRangeInit()); // evaluated once
  // So is its begin(), which loads a lazy collection (`for (auto &c :
  // post->comments)`).
  if (const DeclStmt *Begin = RF->getBeginStmt())
    if (const auto *VD = dyn_cast<VarDecl>(Begin->getSingleDecl()))
      child(VD->getInit());
  int L = enterLoop(RF, LoopInBlock);
  if (const VarDecl *LV = RF->getLoopVariable())
    F.Edges.push_back({LV, RF->getRangeInit(), L});
  child(RF->getLoopVarStmt());
  child(RF->getBody());
  leaveLoop();
}

void FactsWalker::VisitIfStmt(const IfStmt *IS) {
  child(IS->getInit());
  child(IS->getConditionVariableDeclStmt());
  child(IS->getCond());
  // `if (r.empty()) break;`: the condition decides when loops end.
  size_t First = firstLoopLeftBy(finalExit(IS->getThen()));
  if (First < LoopStack.size() && IS->getCond())
    F.Exits.push_back({IS->getCond(), loopsFrom(First)});
  // `if (int id = *c.i; false) {} else BODY` (Qt's foreach in C++17): a
  // constant condition runs one branch every time.
  const Expr *Cond = IS->getCond();
  bool Value = false;
  if (Cond && !Cond->isValueDependent() && !Cond->containsErrors() &&
      Cond->EvaluateAsBooleanCondition(Value, F.FD.getASTContext())) {
    child(Value ? IS->getThen() : IS->getElse());
    guardedChild(Cond, Value ? IS->getElse() : IS->getThen(), Value);
    return;
  }
  guardedChild(IS->getCond(), IS->getThen(), /*InElse=*/false);
  guardedChild(IS->getCond(), IS->getElse(), /*InElse=*/true);
}

void FactsWalker::VisitSwitchStmt(const SwitchStmt *SS) {
  child(SS->getInit());
  child(SS->getConditionVariableDeclStmt());
  child(SS->getCond());
  Breakables.push_back(-1);
  conditionalChild(SS->getBody());
  Breakables.pop_back();
}

void FactsWalker::VisitAbstractConditionalOperator(
    const AbstractConditionalOperator *CO) {
  child(CO->getCond());
  conditionalChild(CO->getTrueExpr());
  conditionalChild(CO->getFalseExpr());
}

void FactsWalker::VisitCompoundStmt(const CompoundStmt *CS) {
  size_t First = firstLoopLeftBy(finalExit(CS)), Last = LoopStack.size();
  markLeaving(First, Last, 1);
  walkBlock(CS);
  markLeaving(First, Last, -1);
}

/// Walks the statements of a block. A label that a later statement of the
/// block jumps back to starts a loop that ends with that statement; loops
/// that would overlap are cut to nest.
void FactsWalker::walkBlock(const CompoundStmt *CS) {
  llvm::SmallVector<size_t, 2> OpenEnds; // innermost last
  for (size_t I = 0, N = CS->size(); I < N; ++I) {
    const Stmt *Child = CS->body_begin()[I];
    for (const auto *LS = dyn_cast<LabelStmt>(Child); LS;
         LS = dyn_cast<LabelStmt>(LS->getSubStmt())) {
      size_t End = gotoLoopEnd(CS, I, LS);
      if (End >= N)
        continue;
      // Each open loop counts as a level of the walk's bound.
      if (CurrentDepth + OpenEnds.size() + 1 > MaxWalkDepth) {
        F.Truncated = true;
        continue;
      }
      if (!OpenEnds.empty())
        End = std::min(End, OpenEnds.back());
      enterGotoLoop(LS, CS->body_begin()[End]);
      OpenEnds.push_back(End);
    }
    BlockChild = Child;
    walk(Child, CurrentDepth + OpenEnds.size() + 1);
    while (!OpenEnds.empty() && OpenEnds.back() == I) {
      leaveGotoLoop();
      OpenEnds.pop_back();
    }
  }
}

/// The index of the statement of \p CS, from \p I on, that holds the last
/// goto to the label \p LS when that goto comes after the label (a loop);
/// CS->size() when there is none: only forward gotos, a goto from outside
/// the block, no goto at all.
size_t FactsWalker::gotoLoopEnd(const CompoundStmt *CS, size_t I,
                                const LabelStmt *LS) {
  size_t None = CS->size();
  if (!GotosCollected) {
    GotosCollected = true;
    // Gotos in a lambda jump to its own labels; the walk does not enter it.
    walkSubtree(F.FD.getBody(), [&](const Stmt *S) {
      const auto *G = dyn_cast<GotoStmt>(S);
      if (G && G->getLabel()) {
        const GotoStmt *&Last = LastGotos[G->getLabel()];
        if (!Last || Last->getGotoLoc() < G->getGotoLoc())
          Last = G;
      }
      return WalkAction::Continue;
    });
  }
  const GotoStmt *G = LastGotos.lookup(LS->getDecl());
  if (!G || !(LS->getBeginLoc() < G->getGotoLoc()))
    return None;
  // The statements are in source order: the last one starting before the
  // goto holds it, if any does.
  CompoundStmt::const_body_iterator Begin = CS->body_begin() + I;
  CompoundStmt::const_body_iterator After = std::upper_bound(
      Begin, CS->body_end(), G->getGotoLoc(),
      [](SourceLocation Loc, const Stmt *S) { return Loc < S->getBeginLoc(); });
  if (After == Begin || !rangeHolds(*(After - 1), G->getGotoLoc()))
    return None;
  return static_cast<size_t>(After - 1 - CS->body_begin());
}

void FactsWalker::enterGotoLoop(const LabelStmt *LS, const Stmt *Last) {
  int L = enterLoop(LS, /*LoopInBlock=*/true, /*Breakable=*/false);
  F.Loops[L].Last = Last;
  F.GotoLoopEnds[LS] = Last;
  // `if (rc == SQLITE_BUSY) goto again;` and `again: if (...) { ...; goto
  // again; }` run again on the condition of their `if`.
  const Stmt *S = Last;
  while (const auto *Inner = dyn_cast<LabelStmt>(S))
    S = Inner->getSubStmt();
  const auto *IS = dyn_cast<IfStmt>(S);
  if (IS && !IS->getElse() &&
      finalExit(IS->getThen()) == LastGotos.lookup(LS->getDecl()))
    F.Loops[L].GotoCond = IS->getCond();
  GotoLoopCalls.push_back(F.Calls.size());
}

void FactsWalker::leaveGotoLoop() {
  int L = currentLoop();
  if (const Expr *Cond = F.Loops[L].GotoCond)
    markConditionCalls(GotoLoopCalls.back(), L, Cond);
  GotoLoopCalls.pop_back();
  leaveLoop();
}

void FactsWalker::VisitCXXTryStmt(const CXXTryStmt *TS) {
  TryFloors.push_back(LoopStack.size());
  child(TS->getTryBlock());
  TryFloors.pop_back();
  for (unsigned I = 0; I < TS->getNumHandlers(); ++I)
    conditionalChild(TS->getHandler(I));
}

void FactsWalker::VisitCXXThrowExpr(const CXXThrowExpr *TE) {
  walkLeaving(TE, firstLoopLeftBy(TE));
}

size_t FactsWalker::firstLoopLeftBy(const Stmt *Exit) const {
  size_t None = LoopStack.size();
  if (!Exit || LoopStack.empty())
    return None;
  if (isa<BreakStmt>(Exit)) {
    if (Breakables.empty() || Breakables.back() < 0)
      return None;
    auto Pos = static_cast<size_t>(Breakables.back());
    // Qt's foreach before C++17: the break leaves its inner once-loop with
    // the flag still set, and the flag ends the walk.
    const auto *Once = dyn_cast<ForStmt>(F.Loops[LoopStack[Pos].Loop].Loop);
    return Pos > 0 && clearsItsCondition(Once) ? Pos - 1 : Pos;
  }
  // A return in a lambda walked in place ends one element's call.
  if (isa<ReturnStmt>(Exit))
    return InCallback ? CallbackFloor : 0;
  if (isa<CXXThrowExpr>(Exit))
    return TryFloors.empty() ? 0 : TryFloors.back();
  // A goto leaves the loops its label is outside of.
  const auto *GS = dyn_cast<GotoStmt>(Exit);
  const LabelStmt *Label =
      GS && GS->getLabel() ? GS->getLabel()->getStmt() : nullptr;
  if (!Label)
    return None;
  SourceLocation At = Label->getBeginLoc();
  for (size_t Pos = InCallback ? CallbackFloor : 0; Pos < LoopStack.size();
       ++Pos) {
    const Stmt *Loop = F.Loops[LoopStack[Pos].Loop].Loop;
    if (!F.loopHolds(Loop, At))
      return Pos;
  }
  return None;
}

void FactsWalker::walkLeaving(const Stmt *S, size_t First) {
  size_t Last = LoopStack.size();
  markLeaving(First, Last, 1);
  walkChildren(S);
  markLeaving(First, Last, -1);
}

void FactsWalker::markLeaving(size_t First, size_t Last, int Delta) {
  for (size_t Pos = First; Pos < Last; ++Pos) {
    if (Delta > 0)
      ++LoopStack[Pos].Leaving;
    else
      --LoopStack[Pos].Leaving;
  }
}

llvm::SmallVector<int, 1> FactsWalker::loopsFrom(size_t First) const {
  llvm::SmallVector<int, 1> Loops;
  for (size_t Pos = First; Pos < LoopStack.size(); ++Pos)
    Loops.push_back(LoopStack[Pos].Loop);
  return Loops;
}

/// Calls in a loop condition run once per iteration; the loop's own cursor
/// step is marked so it is not counted as a query inside its own loop.
void FactsWalker::walkCondition(const Expr *Cond, int Loop) {
  size_t FirstCall = F.Calls.size();
  child(Cond);
  markConditionCalls(FirstCall, Loop, nullptr);
}

/// The calls from \p FirstCall on (those within \p Cond, when given) are
/// in the condition of \p Loop; the first cursor step among them walks its
/// rows.
void FactsWalker::markConditionCalls(size_t FirstCall, int Loop,
                                     const Expr *Cond) {
  bool Stepped = false;
  for (size_t I = FirstCall; I < F.Calls.size(); ++I) {
    CallFacts &C = F.Calls[I];
    if (Cond && !rangeHolds(Cond, C.Call))
      continue;
    C.InConditionOf = Loop;
    if ((C.Roles & RoleAdvance) && C.AdvancesLoop < 0 && !Stepped) {
      C.AdvancesLoop = Loop;
      Stepped = true;
    }
  }
}

/// The algorithm runs its lambda once per element, after its arguments
/// are evaluated: the lambda's body is that loop's body.
void FactsWalker::walkCallbackLoop(const Stmt *Call,
                                   const CallbackLoop &Callback) {
  const Expr *SavedFullExpr = FullExpr;
  FullExpr = nullptr;
  int L = enterLoop(Call, /*LoopInBlock=*/false);
  F.Loops[L].Callback = Callback;
  size_t SavedFloor = CallbackFloor;
  CallbackFloor = LoopStack.size();
  // The element parameter takes each value of the range, as a range-for
  // variable does; with a row's fields, each parameter takes one.
  if (Callback.Element)
    F.Edges.push_back({Callback.Element, Callback.Range, L});
  if (Callback.EveryParam)
    for (const ParmVarDecl *P : Callback.Function->parameters())
      F.Edges.push_back({P, Callback.Range, L});
  ++InCallback;
  walk(Callback.Body, CurrentDepth + 1);
  --InCallback;
  CallbackFloor = SavedFloor;
  leaveLoop();
  FullExpr = SavedFullExpr;
}

//===-- Values flowing between variables
//-----------------------------------===//

void FactsWalker::VisitBinaryOperator(const BinaryOperator *BO) {
  if (BO->isLogicalOp()) {
    // `full && !flush()` runs flush() when `full` holds, as `if` would.
    child(BO->getLHS());
    guardedChild(BO->getLHS(), BO->getRHS(),
                 /*InElse=*/BO->getOpcode() == BO_LOr);
    return;
  }
  // A store into a field (`q.s = buf`) updates the object, not replaces it.
  const auto *Field = dyn_cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
  bool IntoField =
      Field && !isa<CXXThisExpr>(Field->getBase()->IgnoreParenImpCasts());
  if (BO->isAssignmentOp())
    addEdge(BO->getLHS(), BO->getRHS(), /*IsValue=*/true,
            BO->isCompoundAssignmentOp() || IntoField ? BO : nullptr);
  walkChildren(BO);
}

void FactsWalker::VisitUnaryOperator(const UnaryOperator *UO) {
  if (UO->isIncrementDecrementOp())
    addEdge(UO->getSubExpr(), UO->getSubExpr(), /*IsValue=*/false, UO);
  walkChildren(UO);
}

void FactsWalker::VisitDeclStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls())
    recordDecl(D);
  walkChildren(DS);
}

void FactsWalker::VisitReturnStmt(const ReturnStmt *RS) {
  // A return in a lambda walked in place ends the lambda, not this
  // function.
  if (const Expr *Value = RS->getRetValue(); Value && !InCallback)
    F.Returns.push_back(Value);
  walkLeaving(RS, firstLoopLeftBy(RS));
}

void FactsWalker::recordDecl(const Decl *D) {
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || !VD->getInit())
    return;
  F.Values[VD].push_back(VD->getInit());
  F.VarOfFullExpr.try_emplace(VD->getInit(), VD);
  F.Edges.push_back(
      {VD, VD->getInit(), currentLoop(), nullptr, Conditional > 0});
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
    for (const BindingDecl *B : DD->bindings())
      F.Edges.push_back(
          {B, VD->getInit(), currentLoop(), nullptr, Conditional > 0});
}

void FactsWalker::addEdge(const Expr *Dst, const Expr *Src, bool IsValue,
                          const Expr *Update) {
  const ValueDecl *D = rootDecl(Dst);
  if (!D)
    return;
  F.Edges.push_back(
      {D, Src, currentLoop(), Update, Conditional > 0, namedField(Dst)});
  if (!IsValue)
    return;
  F.Values[D].push_back(Src);
  if (FullExpr)
    F.VarOfFullExpr.try_emplace(FullExpr, D);
  // `bind.buffer = &id`: what is written through the destination later
  // (a fetch into the bind array) reaches the pointee.
  if (const ValueDecl *Pointee = addressedDecl(Src))
    F.Edges.push_back({Pointee, Dst, currentLoop(), Src, Conditional > 0});
}

//===-- Calls -------------------------------------------------------------===//

void FactsWalker::VisitCallExpr(const CallExpr *C) {
  recordCall(C);
  CallbackLoop Callback = perElementCallback(C);
  if (!Callback.Body && F.Calls.back().Api)
    Callback = perRowCallback(C, *F.Calls.back().Api.Function,
                              heldTarget(*F.Calls.back().Api.Function, C));
  walkChildren(C);
  // A callable handed to two calls is walked at the first; a function
  // handing itself on (recursion) is not walked again.
  if (Callback.Body && WalkedCallbacks.insert(Callback.Body).second)
    walkCallbackLoop(C, Callback);
}

void FactsWalker::VisitCXXConstructExpr(const CXXConstructExpr *CE) {
  recordConstruct(CE);
  walkChildren(CE);
}

void FactsWalker::placeInLoops(CallFacts &Facts) const {
  Facts.Guard = CurrentGuard;
  if (LoopStack.empty())
    return;
  Facts.Loop = LoopStack.back().Loop;
  for (const StackEntry &E : LoopStack)
    if (E.Leaving)
      Facts.ExitedLoops.push_back(E.Loop);
  // Walk out to the first loop whose body holds a conditional around us.
  int Count = Conditional;
  for (size_t I = LoopStack.size(); I-- > 0;) {
    if (Count > 0) {
      Facts.ConditionalIn = LoopStack[I].Loop;
      break;
    }
    Count = LoopStack[I].SavedConditional;
  }
}

void FactsWalker::recordCall(const CallExpr *C) {
  CallFacts Facts;
  Facts.Call = C;
  Facts.Api = Model.lookupCall(C);
  Facts.Roles = Facts.Api ? Facts.Api.Function->Roles : 0;
  Facts.FullExpr = FullExpr;
  placeInLoops(Facts);
  F.Calls.push_back(std::move(Facts));
  const CallFacts &CF = F.Calls.back();
  if (CF.Api) {
    recordApiEdges(CF);
    recordQueryOutputs(CF);
    return;
  }
  recordUserCallEdges(C);
}

/// The function a per-row callable held in a pointer or std::function was
/// resolved to, if any; one not resolved yet is recorded for the context.
const FunctionDecl *FactsWalker::heldTarget(const ApiFunction &Fn,
                                            const CallExpr *C) {
  const Expr *Callable = heldRowCallback(C, Fn);
  if (!Callable)
    return nullptr;
  if (!Held) {
    F.HeldCallbacks.push_back(Callable);
    return nullptr;
  }
  return Held->lookup(Callable);
}

/// What a call the models do not know moves between its arguments.
void FactsWalker::recordUserCallEdges(const CallExpr *C) {
  // `std::copy_if(all.begin(), all.end(), std::back_inserter(active), f)`:
  // the container holds values of the source range.
  ElementCopy Copy = elementCopy(C);
  if (Copy.Container && Copy.Source) {
    addEdge(Copy.Container, Copy.Source, true, C);
    return;
  }
  // `x = y`, `s += t`, `out << v` on class types.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
    OverloadedOperatorKind Op = OC->getOperator();
    if (OC->getNumArgs() == 2) {
      if (Op == OO_GreaterGreater) // `in >> v` fills v
        addEdge(OC->getArg(1), OC->getArg(0), false, OC);
      else if (Op == OO_Equal)
        addEdge(OC->getArg(0), OC->getArg(1), true);
      else if (Op == OO_LessLess || Op == OO_PlusEqual || Op == OO_MinusEqual ||
               Op == OO_PipeEqual)
        addEdge(OC->getArg(0), OC->getArg(1), false, OC);
    } else if (OC->getNumArgs() == 1 &&
               (Op == OO_PlusPlus || Op == OO_MinusMinus)) {
      addEdge(OC->getArg(0), OC->getArg(0), false, OC);
    }
    return;
  }
  // A non-const method absorbs its arguments (`sql.append(id)`).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    const auto *MD = MC->getMethodDecl();
    if (MD && !MD->isConst())
      for (const Expr *Arg : MC->arguments())
        addEdge(MC->getImplicitObjectArgument(), Arg, false, MC);
  }
  // Anything written through a mutable pointer or reference argument may
  // carry the other arguments (`snprintf(buf, n, "%d", id)`).
  const FunctionDecl *Callee = C->getDirectCallee();
  for (unsigned I = 0; I < C->getNumArgs(); ++I) {
    const ParmVarDecl *P = Callee && I < Callee->getNumParams()
                               ? Callee->getParamDecl(I)
                               : nullptr;
    if (!isMutableOutArg(C->getArg(I), P))
      continue;
    for (unsigned J = 0; J < C->getNumArgs(); ++J)
      if (J != I)
        addEdge(C->getArg(I), C->getArg(J), false, C);
  }
}

void FactsWalker::recordApiEdges(const CallFacts &CF) {
  const ApiFunction &Fn = *CF.Api.Function;
  const Expr *C = CF.Call;
  if (Fn.Roles & RolePrepare)
    addEdge(callArg(C, Fn.HandleArg), callArg(C, Fn.SqlArg), false, C);
  if (Fn.Roles & RoleBind)
    addEdge(callArg(C, Fn.HandleArg), callArg(C, Fn.ValueArg), false, C);
  // `SQLGetData(h, 1, type, &id, ...)`: id receives the column read.
  if ((Fn.Roles & RoleColumnRead) && Fn.ValueArg != NoArg)
    addEdge(callArg(C, Fn.ValueArg), C, false, C);
}

/// A read that fills a container through an output iterator holds its
/// rows there: `redis.smembers("users", std::back_inserter(ids))`.
void FactsWalker::recordQueryOutputs(const CallFacts &CF) {
  const auto *C = dyn_cast<CallExpr>(CF.Call);
  if (!C || !(CF.Roles & RoleExecute))
    return;
  for (const Expr *Arg : C->arguments()) {
    const auto *Inserter =
        dyn_cast<CallExpr>(Arg->IgnoreParenImpCasts()->IgnoreImplicit());
    if (Inserter && Inserter->getNumArgs() > 0 &&
        isContainerInserter(Inserter->getDirectCallee()))
      addEdge(Inserter->getArg(0), C, /*IsValue=*/true, C);
  }
}

/// Library classes whose constructors the model knows, and constructors
/// of user classes, which are followed as calls; the standard library's
/// and trivial ones run no query.
void FactsWalker::recordConstruct(const CXXConstructExpr *CE) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  ApiModel::Match Api = Model.lookup(Ctor);
  if (!Api && (!Ctor || !Ctor->isUserProvided() || !Ctor->hasBody() ||
               Ctor->getParent()->isInStdNamespace()))
    return;
  // `QSqlQuery q;` runs nothing: the SQL argument is left to its default.
  if (Api && (Api.Function->Roles & (RoleExecute | RolePrepare)) &&
      Api.Function->SqlArg != NoArg) {
    const Expr *Sql = callArg(CE, Api.Function->SqlArg);
    if (!Sql || isa<CXXDefaultArgExpr>(Sql))
      return;
  }
  CallFacts Facts;
  Facts.Call = CE;
  Facts.Api = Api;
  Facts.Roles = Api ? Api.Function->Roles : 0;
  Facts.FullExpr = FullExpr;
  placeInLoops(Facts);
  F.Calls.push_back(std::move(Facts));
  if (Api)
    recordApiEdges(F.Calls.back());
}

//===-- After the walk: statements, handles and indexes
//--------------------===//

/// A prepared statement run in its own expression is run at the prepare:
/// by a manipulator (`, now`, `<< cppdb::exec`) or by a call on the
/// temporary (`(sql << "...").exec()`, a conversion to a result), which
/// then counts as no second query.
void FactsWalker::markRunInPlace(CallFacts &C) {
  if (!C.Api)
    return;
  const ApiFunction &Fn = *C.Api.Function;
  if ((Fn.Roles & RolePrepare) && !C.Api.Library->RunManipulators.empty() &&
      C.FullExpr &&
      mentionsFunction(C.FullExpr, C.Api.Library->RunManipulators))
    C.Roles |= RoleExecute;
  if (!(Fn.Roles & RoleExecute) || Fn.HandleArg != ImplicitObject ||
      Fn.SqlArg != NoArg)
    return;
  const Expr *Obj = callArg(C.Call, ImplicitObject);
  for (unsigned Steps = 0; Obj && Steps < 16; ++Steps) {
    CallFacts *Inner = const_cast<CallFacts *>(F.callIn(Obj));
    if (!Inner)
      return;
    if (Inner->Roles & RolePrepare) {
      Inner->Roles |= RoleExecute;
      C.Roles = 0;
      return;
    }
    Obj = callArg(Inner->Call, ImplicitObject);
  }
}

/// Which calls prepare, bind, read and run which statement handle.
void FactsWalker::indexHandles() {
  // A column read without a handle of its own (`into(name)`) reads the
  // statement of its full expression.
  llvm::DenseMap<const Expr *, const ValueDecl *> StatementOfFullExpr;
  for (const CallFacts &C : F.Calls)
    if (C.Roles & RoleStatementInputs)
      if (const ValueDecl *H = F.handleOf(C))
        StatementOfFullExpr.try_emplace(C.FullExpr, H);
  for (const CallFacts &C : F.Calls) {
    unsigned Roles = C.Roles;
    if (!(Roles & (RolePrepare | RoleBind | RoleColumnRead | RoleExecute |
                   RoleResultOf)))
      continue;
    const ValueDecl *H = F.handleOf(C);
    if (!H && (Roles & RoleColumnRead) && C.Api.Function->HandleArg == NoArg)
      H = StatementOfFullExpr.lookup(C.FullExpr);
    if (!H)
      continue;
    if (Roles & RoleColumnRead)
      F.ColumnReads[C.Call] = H;
    else if (Roles & RolePrepare)
      F.Prepares[H].push_back(&C);
    else if (Roles & RoleBind)
      F.Binds[H].push_back(&C);
    if (Roles & (RoleExecute | RoleResultOf))
      F.Executes[H].push_back(&C);
  }
}

void FactsWalker::finish() {
  for (unsigned I = 0; I < F.Calls.size(); ++I)
    F.CallIndex[F.Calls[I].Call] = I;
  for (const FlowEdge &E : F.Edges)
    ++F.WriteCounts[E.Dst];
  // Calls whose value is the handle: the variable their full expression
  // stores into (`statement st = (sql.prepare << "...", use(id));`).
  for (const CallFacts &C : F.Calls)
    if (C.Api && C.Api.Function->HandleArg == ReturnValue)
      if (const ValueDecl *VD = F.VarOfFullExpr.lookup(C.FullExpr))
        F.ReturnHandles[C.Call] = VD;
  for (CallFacts &C : F.Calls)
    markRunInPlace(C);
  indexHandles();
}

FunctionFacts::FunctionFacts(const FunctionDecl &FD, const ApiModel &Model,
                             const HeldCallbackTargets *Held)
    : FD(FD) {
  FactsWalker W(*this, Model, Held);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      // `insert_(db, "INSERT ...")` stores into the member.
      if (FieldDecl *Member = Init->getMember())
        VarOfFullExpr.try_emplace(Init->getInit(), Member);
      W.walk(Init->getInit(), 0);
    }
  W.walk(FD.getBody(), 0);
  W.finish();
}

//===-- Queries on the facts ----------------------------------------------===//

const Expr *loopCondition(const LoopFacts &L) {
  if (const auto *FS = dyn_cast<ForStmt>(L.Loop))
    return FS->getCond();
  if (const auto *WS = dyn_cast<WhileStmt>(L.Loop))
    return WS->getCond();
  if (const auto *DS = dyn_cast<DoStmt>(L.Loop))
    return DS->getCond();
  return L.GotoCond;
}

bool FunctionFacts::loopHolds(const Stmt *Loop, SourceLocation Loc) const {
  if (const Stmt *Last = GotoLoopEnds.lookup(Loop))
    return !(Loc < Loop->getBeginLoc()) && !(Last->getEndLoc() < Loc);
  return rangeHolds(Loop, Loc);
}

namespace {
/// The list stored under \p Key, or an empty one.
template <typename MapT, typename KeyT>
auto listOf(const MapT &Map, const KeyT &Key)
    -> llvm::ArrayRef<typename MapT::mapped_type::value_type> {
  auto It = Map.find(Key);
  if (It == Map.end())
    return {};
  return It->second;
}
} // namespace

llvm::ArrayRef<const CallFacts *>
FunctionFacts::preparesOf(const ValueDecl *Handle) const {
  return listOf(Prepares, Handle);
}

llvm::ArrayRef<const CallFacts *>
FunctionFacts::bindsOf(const ValueDecl *Handle) const {
  return listOf(Binds, Handle);
}

llvm::ArrayRef<const Expr *>
FunctionFacts::valuesOf(const ValueDecl *VD) const {
  return listOf(Values, VD);
}

llvm::ArrayRef<const CallFacts *>
FunctionFacts::executesOf(const ValueDecl *Handle) const {
  return listOf(Executes, Handle);
}

const CallFacts *
FunctionFacts::lastBefore(llvm::ArrayRef<const CallFacts *> Calls,
                          SourceLocation Before, unsigned Roles) {
  const CallFacts *Last = nullptr;
  for (const CallFacts *C : Calls)
    if (C->Call->getBeginLoc() < Before && (Roles == 0 || (C->Roles & Roles)))
      Last = C;
  return Last;
}

const ValueDecl *FunctionFacts::handleOf(const CallFacts &C) const {
  if (!C.Api)
    return nullptr;
  int Arg = C.Api.Function->HandleArg;
  if (Arg == ReturnValue)
    return ReturnHandles.lookup(C.Call);
  return rootDecl(callArg(C.Call, Arg));
}

const FieldDecl *FunctionFacts::handleFieldOf(const CallFacts &C) const {
  if (!C.Api)
    return nullptr;
  int Arg = C.Api.Function->HandleArg;
  if (Arg != ReturnValue)
    return namedField(callArg(C.Call, Arg));
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(C.FullExpr);
      BO && BO->isAssignmentOp())
    return namedField(BO->getLHS());
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(C.FullExpr);
      OC && OC->getOperator() == OO_Equal)
    return namedField(OC->getArg(0));
  return dyn_cast_or_null<FieldDecl>(ReturnHandles.lookup(C.Call));
}

const CallFacts *FunctionFacts::callIn(const Expr *E) const {
  for (unsigned Steps = 0; E && Steps < 64; ++Steps) {
    E = E->IgnoreParens();
    // A copy or move (`QList<int> ids = idsList();` before C++17) hands on
    // the value of the call it copies.
    const auto *Copy = dyn_cast<CXXConstructExpr>(E);
    if (Copy && Copy->getNumArgs() == 1 &&
        Copy->getConstructor()->isCopyOrMoveConstructor()) {
      E = Copy->getArg(0);
      continue;
    }
    if (const CallFacts *C = factsOf(E))
      return C;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      E = CE->getNumArgs() == 1 ? CE->getArg(0) : nullptr;
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else if (const auto *CE = dyn_cast<CastExpr>(E))
      E = CE->getSubExpr();
    else if (const auto *EC = dyn_cast<ExprWithCleanups>(E))
      E = EC->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

const Expr *singleValue(const VarDecl *VD, const FunctionFacts *Facts) {
  if (Facts && VD->isLocalVarDecl()) {
    auto Values = Facts->valuesOf(VD);
    // `sql += " WHERE id = " + ...` changes it without a new value.
    return Values.size() == 1 && Facts->writeCount(VD) == 1 ? Values.front()
                                                            : nullptr;
  }
  // A constant at namespace or class scope.
  QualType T = VD->getType();
  if (T.isConstQualified() ||
      (T->isPointerType() && T->getPointeeType().isConstQualified() &&
       T.isConstQualified()))
    return VD->getInit();
  return nullptr;
}

const Expr *onlyAssignedValue(const VarDecl *VD, const FunctionFacts &Facts) {
  if (!VD->isLocalVarDecl())
    return nullptr;
  auto Values = Facts.valuesOf(VD);
  return Values.size() == 1 ? Values.front() : nullptr;
}

} // namespace nplusone
