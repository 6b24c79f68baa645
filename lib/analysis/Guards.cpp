//===- Guards.cpp - Conditions that keep a query from running -------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/Guards.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace nplusone {

namespace {

/// The integer value of a constant expression, if it is one.
std::optional<int64_t> constantValue(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || E->containsErrors() ||
      !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  return Result.Val.getInt().getExtValue();
}

/// A member of the object the function runs on (`loading_`).
const FieldDecl *ownMember(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  if (!ME || !isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(ME->getMemberDecl());
}

/// Reads what \p E tests into \p G: a parameter, a member of the object or
/// a global a caller can set.
bool readSubject(const Expr *E, ParamGuard &G) {
  if (const FieldDecl *Member = ownMember(E)) {
    G.State = Member;
    return true;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return false;
  if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
    G.Param = P->getFunctionScopeIndex();
    return true;
  }
  const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
  if (!VD || !VD->hasGlobalStorage() || VD->isStaticLocal() ||
      VD->getType().isConstQualified())
    return false;
  G.State = VD;
  return true;
}

/// \p Cond as a test of one subject: `p`, `!p`, `p == K`, `p != K`.
std::optional<ParamGuard> readTest(const Expr *Cond, const ASTContext &Ctx) {
  ParamGuard G;
  Cond = Cond->IgnoreParenImpCasts();
  for (unsigned Steps = 0; Steps < 4; ++Steps) {
    const auto *UO = dyn_cast<UnaryOperator>(Cond);
    if (!UO || UO->getOpcode() != UO_LNot)
      break;
    G.Expect = !G.Expect;
    Cond = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  if (readSubject(Cond, G))
    return G;
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO || !BO->isEqualityOp())
    return std::nullopt;
  std::optional<int64_t> K = constantValue(BO->getRHS(), Ctx);
  if (!readSubject(BO->getLHS(), G)) {
    if (!readSubject(BO->getRHS(), G))
      return std::nullopt;
    K = constantValue(BO->getLHS(), Ctx);
  }
  if (!K)
    return std::nullopt;
  G.Kind = ParamGuard::EqualsValue;
  G.Value = *K;
  if (BO->getOpcode() == BO_NE)
    G.Expect = !G.Expect;
  return G;
}

/// A test that must give its Expect for a branch to run: \p Cond itself,
/// or one operand of a `&&` in it (of a `||` for a branch that runs when
/// \p Cond is false: an else, the code after an early return).
std::optional<ParamGuard> branchTest(const Expr *Cond, bool WhenFalse,
                                     const ASTContext &Ctx,
                                     unsigned Depth = 0) {
  if (std::optional<ParamGuard> Test = readTest(Cond, Ctx)) {
    Test->Expect ^= WhenFalse;
    Test->Alone = Depth == 0;
    return Test;
  }
  constexpr unsigned MaxDepth = 8;
  const auto *BO = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!BO || Depth == MaxDepth ||
      BO->getOpcode() != (WhenFalse ? BO_LOr : BO_LAnd))
    return std::nullopt;
  for (const Expr *Side : {BO->getLHS(), BO->getRHS()})
    if (std::optional<ParamGuard> Test =
            branchTest(Side, WhenFalse, Ctx, Depth + 1))
      return Test;
  return std::nullopt;
}

/// What \p S stores into: an assignment's or an increment's target, also
/// of a class type (`buf_ = ""`, `buf_ += row`), or the object a `clear()`
/// empties.
const Expr *storeTarget(const Stmt *S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->isAssignmentOp() ? BO->getLHS() : nullptr;
  if (const auto *UO = dyn_cast<UnaryOperator>(S))
    return UO->isIncrementDecrementOp() ? UO->getSubExpr() : nullptr;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    return OC->isAssignmentOp() && OC->getNumArgs() > 0 ? OC->getArg(0)
                                                        : nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *M = MC->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "clear")
        return MC->getImplicitObjectArgument();
  return nullptr;
}

/// The variable or member \p S stores into as a whole (`n = 0`,
/// `cache_.clear()`), not one inside it (`actor->hp = 0` stores into a
/// member of the object `actor` points at, not into `actor`).
const ValueDecl *storedDecl(const Stmt *S) {
  const Expr *Target = storeTarget(S);
  if (!Target)
    return nullptr;
  Target = Target->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Target))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(Target))
    return ME->getMemberDecl();
  return nullptr;
}

/// The test \p G, given \p Value, lets the guarded query run.
bool testGives(const ParamGuard &G, int64_t Value) {
  bool Test = G.Kind == ParamGuard::NonZero ? Value != 0 : Value == G.Value;
  return Test == G.Expect;
}

/// Whether \p Value decides that the branch under \p G runs: failing the
/// test rules it out; passing one operand of a `&&` decides nothing.
std::optional<bool> outcomeOf(const ParamGuard &G, int64_t Value) {
  bool Gives = testGives(G, Value);
  if (Gives && !G.Alone)
    return std::nullopt;
  return Gives;
}

/// The constant \p Caller last stores into \p State before \p Loop, when
/// that store is a statement of a block around the loop (so it surely ran)
/// and nothing in the loop stores into \p State.
std::optional<int64_t> valueSetBefore(const ValueDecl *State, const Stmt *Loop,
                                      const FunctionFacts &Caller) {
  const Stmt *Last = nullptr;
  bool Unknown = false;
  walkSubtree(Caller.function().getBody(), [&](const Stmt *S) {
    const Expr *Target = storeTarget(S);
    if (!Target || rootDecl(Target) != State)
      return WalkAction::Continue;
    if (!(S->getBeginLoc() < Loop->getBeginLoc())) {
      Unknown |= Caller.loopHolds(Loop, S->getBeginLoc());
      return WalkAction::Continue;
    }
    if (!Last || Last->getBeginLoc() < S->getBeginLoc())
      Last = S;
    return WalkAction::Continue;
  });
  const auto *Store = dyn_cast_or_null<BinaryOperator>(Last);
  if (Unknown || !Store || Store->getOpcode() != BO_Assign)
    return std::nullopt;
  const CompoundStmt *Block =
      innermostBlockAt(Caller.function().getBody(), Store->getBeginLoc());
  if (!Block || !llvm::is_contained(Block->body(), Store) ||
      !rangeHolds(Block, Loop))
    return std::nullopt;
  return constantValue(Store->getRHS(), Caller.function().getASTContext());
}

/// State that outlives a call: a static or global variable, or a member.
bool isLastingState(const ValueDecl *D) {
  if (isa<FieldDecl>(D))
    return true;
  const auto *VD = dyn_cast<VarDecl>(D);
  return VD && VD->hasGlobalStorage();
}

/// \p D is a local declared outside the innermost loop running \p C, and
/// \p Guard, inside that loop, tests it: it keeps its value from one
/// iteration to the next (`pending` of `if (++pending >= 500) { flush();
/// pending = 0; }`).
bool keptAcrossIterations(const ValueDecl *D, const GuardFacts &Guard,
                          const CallFacts &C, const FunctionFacts &Facts) {
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || !VD->isLocalVarDecl() || C.Loop < 0)
    return false;
  const Stmt *Loop = Facts.loops()[C.Loop].Loop;
  return !Facts.loopHolds(Loop, VD->getLocation()) &&
         Facts.loopHolds(Loop, Guard.Cond->getBeginLoc());
}

/// The test of \p Guard is a threshold (`length_ > maxPacket`), not a
/// plain truth test (`!buf_.empty()`, `dirty_`).
bool isThreshold(const GuardFacts &Guard) {
  const auto *BO = dyn_cast<BinaryOperator>(Guard.Cond->IgnoreParenImpCasts());
  return BO && BO->isRelationalOp();
}

/// \p D is a local declared inside a loop running \p C, and \p Guard, inside
/// that loop too, tests it: a value of the current iteration (`if
/// (unread_.count(id))` with `id` the loop's element), the twin of
/// keptAcrossIterations.
bool declaredPerIteration(const ValueDecl *D, const GuardFacts &Guard,
                          const CallFacts &C, const FunctionFacts &Facts) {
  const auto *VD = dyn_cast<VarDecl>(D);
  if (!VD || !VD->isLocalVarDecl())
    return false;
  for (int L = C.Loop; L >= 0; L = Facts.loops()[L].Parent) {
    const Stmt *Loop = Facts.loops()[L].Loop;
    if (Facts.loopHolds(Loop, VD->getLocation()) &&
        Facts.loopHolds(Loop, Guard.Cond->getBeginLoc()))
      return true;
  }
  return false;
}

/// A statement of the function's body before \p Guard decides its test of
/// \p D for this call, not the calls before it, so it is no memo: it
/// replaces \p D (`line_ = ...;` then `if (!line_.empty()) send();`), or
/// adds to it before a plain truth test (`line_ += row;` then the same). An
/// update before a threshold (`length_ += n; if (length_ > max)`) keeps
/// what earlier calls left.
bool decidedBefore(const ValueDecl *D, const GuardFacts &Guard,
                   const FunctionFacts &Facts) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Facts.function().getBody());
  if (!Body)
    return false;
  for (const Stmt *S : Body->body()) {
    if (!(S->getEndLoc() < Guard.Cond->getBeginLoc()))
      return false;
    if (const auto *E = dyn_cast<Expr>(S))
      S = E->IgnoreImplicit();
    if (storedDecl(S) != D)
      continue;
    const auto *BO = dyn_cast<BinaryOperator>(S);
    const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
    bool Replaces = (BO && BO->getOpcode() == BO_Assign) ||
                    (OC && OC->getOperator() == OO_Equal);
    if (Replaces || !isThreshold(Guard))
      return true;
  }
  return false;
}

/// A statement of \p Body stores into \p D itself.
bool storesInto(const Stmt *Body, const ValueDecl *D) {
  return walkSubtree(Body, [&](const Stmt *S) {
           return storedDecl(S) == D ? WalkAction::Stop : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

/// The body of \p FD assigns \p D (`ncached = n`, `++loads`).
bool assigns(const FunctionDecl *FD, const ValueDecl *D) {
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->hasBody(Def) || !Def)
    return false;
  return storesInto(Def->getBody(), D);
}

/// The branch of \p Guard sets \p D, itself or in a function it calls.
bool branchSets(const GuardFacts &Guard, const ValueDecl *D,
                const FunctionFacts &Facts) {
  for (const FlowEdge &Edge : Facts.edges())
    if (Edge.Dst == D && rangeHolds(Guard.Branch, Edge.Src->getBeginLoc()))
      return true;
  for (const CallFacts &C : Facts.calls())
    if (rangeHolds(Guard.Branch, C.Call->getBeginLoc()) &&
        assigns(calleeOf(C.Call), D))
      return true;
  return false;
}

/// \p Guard's test of \p D is one that the run of \p C under it resets
/// for the runs after it: state that lasts across calls (a member, a
/// global, a static) that the branch sets, or a local kept across the
/// loop's iterations that the branch stores into; and not one this call
/// decides before the test.
bool memoState(const ValueDecl *D, const GuardFacts &Guard, const CallFacts &C,
               const FunctionFacts &Facts) {
  bool Resets = isLastingState(D) ? branchSets(Guard, D, Facts)
                                  : keptAcrossIterations(D, Guard, C, Facts) &&
                                        storesInto(Guard.Branch, D);
  return Resets && !decidedBefore(D, Guard, Facts);
}

/// \p Cond tests what the caller decides (a parameter, the object's state:
/// `if (item.isRare())`, `if (!expired)`), not whether something exists or
/// succeeded: a pointer's null test or a check of a call's result is error
/// handling, and a statement behind one still runs on every call that
/// matters.
bool testsCallerInput(const Expr *Cond, const FunctionFacts &Facts) {
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  while (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
    if (UO->getOpcode() != UO_LNot)
      break;
    Cond = UO->getSubExpr()->IgnoreParenImpCasts();
  }
  if (Cond->getType()->isPointerType())
    return false;
  // A switch the program flips (`if (gReplicaMode) return;`).
  if (std::optional<ParamGuard> T =
          readTest(Cond, Facts.function().getASTContext()))
    if (T->State)
      return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond))
    if (BO->isEqualityOp() &&
        (BO->getLHS()->IgnoreParenImpCasts()->getType()->isPointerType() ||
         BO->getRHS()->IgnoreParenImpCasts()->getType()->isPointerType()))
      return false;
  const SourceManager &SM = Facts.function().getASTContext().getSourceManager();
  return walkSubtree(Cond, [&](const Stmt *S) {
           // `if (sqlite3_prepare_v2(db, ...) != SQLITE_OK)`, `if
           // (!tx_.conn().is_open())`: a library call's result, whatever
           // it is asked about.
           const CallFacts *Call =
               isa<Expr>(S) ? Facts.factsOf(cast<Expr>(S)) : nullptr;
           const FunctionDecl *Callee =
               isa<CallExpr>(S) ? cast<CallExpr>(S)->getDirectCallee()
                                : nullptr;
           if (isa<LambdaExpr>(S) || (Call && Call->Api) ||
               (Callee && SM.isInSystemHeader(Callee->getLocation())))
             return WalkAction::SkipChildren;
           const auto *E = dyn_cast<Expr>(S);
           const auto *DRE = dyn_cast<DeclRefExpr>(S);
           bool Input =
               (DRE && isa<ParmVarDecl>(DRE->getDecl())) || (E && ownMember(E));
           return Input ? WalkAction::Stop : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

/// The `if` statements of the body before \p C whose branch returns
/// (`if (replica) return;`): \p C runs only when their tests fail. Calls
/// \p Visit on each until it returns true.
void forEachEarlyReturn(const CallFacts &C, const FunctionFacts &Facts,
                        llvm::function_ref<bool(const IfStmt *)> Visit) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Facts.function().getBody());
  if (!Body)
    return;
  for (const Stmt *S : Body->body()) {
    if (!(S->getEndLoc() < C.Call->getBeginLoc()))
      return;
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || If->hasInitStorage() || !If->getCond())
      continue;
    const Stmt *Exit = isa<ReturnStmt>(If->getThen())
                           ? If->getThen()
                           : finalExit(If->getThen());
    if (Exit && isa<ReturnStmt>(Exit) && Visit(If))
      return;
  }
}

/// A test the function returns on before \p C: \p C runs only when it
/// fails.
std::optional<ParamGuard> earlyReturnGuard(const CallFacts &C,
                                           const FunctionFacts &Facts) {
  std::optional<ParamGuard> Found;
  forEachEarlyReturn(C, Facts, [&](const IfStmt *If) {
    Found = branchTest(If->getCond(), /*WhenFalse=*/true,
                       Facts.function().getASTContext());
    return Found.has_value();
  });
  return Found;
}

} // namespace

std::optional<SummaryGuard> toSummaryGuard(const std::optional<ParamGuard> &G) {
  if (!G || G->State)
    return std::nullopt;
  return SummaryGuard{G->Param, G->Kind == ParamGuard::EqualsValue, G->Value,
                      G->Expect, G->Alone};
}

std::optional<ParamGuard>
fromSummaryGuard(const std::optional<SummaryGuard> &G) {
  if (!G)
    return std::nullopt;
  ParamGuard P;
  P.Param = G->Param;
  P.Kind = G->EqualsValue ? ParamGuard::EqualsValue : ParamGuard::NonZero;
  P.Value = G->Value;
  P.Expect = G->Expect;
  P.Alone = G->Alone;
  return P;
}

std::optional<ParamGuard> parameterGuard(const CallFacts &C,
                                         const FunctionFacts &Facts) {
  const ASTContext &Ctx = Facts.function().getASTContext();
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent) {
    const GuardFacts &Guard = Facts.guards()[G];
    if (!Guard.Cond)
      continue;
    if (std::optional<ParamGuard> Test =
            branchTest(Guard.Cond, Guard.InElse, Ctx))
      return Test;
  }
  return earlyReturnGuard(C, Facts);
}

std::optional<bool> guardOutcome(const ParamGuard &G, const Expr *Call) {
  if (G.State)
    return std::nullopt;
  const Expr *Arg = callArg(Call, static_cast<int>(G.Param));
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Arg || !Callee)
    return std::nullopt;
  std::optional<int64_t> Value = constantValue(Arg, Callee->getASTContext());
  if (!Value)
    return std::nullopt;
  return outcomeOf(G, *Value);
}

std::optional<bool> guardOutcome(const ParamGuard &G, const CallFacts &C,
                                 const FunctionFacts &Caller) {
  if (!G.State)
    return guardOutcome(G, C.Call);
  // A member guard speaks of the caller's own object only.
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C.Call);
  if (isa<FieldDecl>(G.State) &&
      (!MC || !MC->getImplicitObjectArgument() ||
       !isa<CXXThisExpr>(
           MC->getImplicitObjectArgument()->IgnoreParenImpCasts())))
    return std::nullopt;
  int Outer = C.Loop;
  while (Outer >= 0 && Caller.loops()[Outer].Parent >= 0)
    Outer = Caller.loops()[Outer].Parent;
  if (Outer < 0)
    return std::nullopt;
  std::optional<int64_t> Value =
      valueSetBefore(G.State, Caller.loops()[Outer].Loop, Caller);
  if (!Value)
    return std::nullopt;
  return outcomeOf(G, *Value);
}

bool runsOnlyOnce(const CallFacts &C, const FunctionFacts &Facts) {
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent) {
    const GuardFacts &Guard = Facts.guards()[G];
    if (!Guard.Cond || Guard.InElse)
      continue;
    // A loop inside the memo's branch runs the call once per element, even
    // when the branch runs once (`if (id_ == -1) { id_ = insert(); for (c :
    // conds) insertCondition(id_, c); }`).
    if (C.Loop >= 0 && rangeHolds(Guard.Branch, Facts.loops()[C.Loop].Loop))
      continue;
    // A test of what this iteration holds (`if (model->dataField(index.row(),
    // "read") == 0)` with `index` the current element) is per element.
    bool PerIteration =
        walkSubtree(Guard.Cond, [&](const Stmt *S) {
          const auto *DRE = dyn_cast<DeclRefExpr>(S);
          return DRE && declaredPerIteration(DRE->getDecl(), Guard, C, Facts)
                     ? WalkAction::Stop
                     : WalkAction::Continue;
        }) == WalkResult::Stopped;
    if (PerIteration)
      continue;
    bool Memo = walkSubtree(Guard.Cond, [&](const Stmt *S) {
                  const ValueDecl *D = nullptr;
                  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
                    D = DRE->getDecl();
                  else if (const auto *ME = dyn_cast<MemberExpr>(S))
                    D = ME->getMemberDecl();
                  return D && memoState(D, Guard, C, Facts)
                             ? WalkAction::Stop
                             : WalkAction::Continue;
                }) == WalkResult::Stopped;
    if (Memo)
      return true;
  }
  return false;
}

bool pinsLoopCounter(const CallFacts &C, int Loop, const FunctionFacts &Facts) {
  if (Loop < 0)
    return false;
  const auto *For = dyn_cast<ForStmt>(Facts.loops()[Loop].Loop);
  const ValueDecl *Counter =
      For && For->getInc() ? storedDecl(For->getInc()) : nullptr;
  if (!Counter)
    return false;
  const ASTContext &Ctx = Facts.function().getASTContext();
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent) {
    const GuardFacts &Guard = Facts.guards()[G];
    const auto *BO = dyn_cast_or_null<BinaryOperator>(
        Guard.Cond ? Guard.Cond->IgnoreParenImpCasts() : nullptr);
    if (Guard.InElse || !BO || BO->getOpcode() != BO_EQ ||
        !rangeHolds(For->getBody(), BO))
      continue;
    auto PinsCounter = [&](const Expr *Var, const Expr *Value) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Var->IgnoreParenImpCasts());
      return Ref && Ref->getDecl() == Counter &&
             constantValue(Value, Ctx).has_value();
    };
    if (PinsCounter(BO->getLHS(), BO->getRHS()) ||
        PinsCounter(BO->getRHS(), BO->getLHS()))
      return true;
  }
  return false;
}

bool runsConditionally(const CallFacts &C, const FunctionFacts &Facts) {
  for (int G = C.Guard; G >= 0; G = Facts.guards()[G].Parent)
    if (testsCallerInput(Facts.guards()[G].Cond, Facts))
      return true;
  bool Returns = false;
  forEachEarlyReturn(C, Facts, [&](const IfStmt *If) {
    return Returns = testsCallerInput(If->getCond(), Facts);
  });
  return Returns;
}

} // namespace nplusone
