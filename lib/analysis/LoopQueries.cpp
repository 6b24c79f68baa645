//===- LoopQueries.cpp - Queries that run once per loop iteration ---------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/LoopQueries.h"
#include "lib/analysis/BatchPlanner.h"
#include "lib/analysis/Guards.h"
#include "lib/analysis/HoistPlan.h"
#include "lib/analysis/LoopEnds.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/analysis/Transactions.h"
#include "lib/analysis/ValueFlow.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "lib/sql/SqlLexer.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>
#include <set>
#include <tuple>

using namespace clang;

namespace nplusone {

namespace {

/// A call whose result may differ between two calls with equal arguments:
/// anything but const methods, the standard library and constexpr
/// functions. Library calls count as impure: they talk to the database.
bool hasImpureCall(const Expr *Root, const ApiModel &Model) {
  return walkSubtree(Root, [&](const Stmt *S) {
           if (isa<LambdaExpr>(S))
             return WalkAction::SkipChildren;
           const auto *C = dyn_cast<CallExpr>(S);
           if (!C)
             return WalkAction::Continue;
           const FunctionDecl *FD = C->getDirectCallee();
           if (!FD || Model.lookup(FD))
             return WalkAction::Stop;
           const auto *MD = dyn_cast<CXXMethodDecl>(FD);
           bool Pure = (MD && MD->isConst()) || FD->isInStdNamespace() ||
                       FD->isConstexpr() || isa<CXXOperatorCallExpr>(C) ||
                       Model.isStatementBuilder(FD);
           return Pure ? WalkAction::Continue : WalkAction::Stop;
         }) == WalkResult::Stopped;
}

/// The update \p E makes computes the value from its operands alone: a
/// built-in operator, an operator on text or streams other than a read
/// (`in >> v`), a C text writer (`snprintf(q, n, ...)`), a pure method of
/// the value itself (`q.append(id)`). A call writing through an argument
/// otherwise (`std::getline(in, key)`) reads something new.
bool updatesFromOperands(const FlowEdge &E, const ApiModel &Model) {
  const auto *C = dyn_cast<CallExpr>(E.Update);
  if (!C)
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C))
    return OC->getOperator() != OO_GreaterGreater;
  if (isTextWriter(C->getDirectCallee()))
    return true;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
  return MC && rootDecl(MC->getImplicitObjectArgument()) == E.Dst &&
         !hasImpureCall(C, Model);
}

/// Label bits over loops, one flow per group of 64 loops, each built when
/// first needed. Rows: the current row or element of each loop that walks
/// rows or a collection, propagated through the function. Writes: every
/// variable whose value changes between iterations of each loop (its
/// iteration variables included), so a query reading none of them is the
/// same on every iteration.
class LoopLabelFlows {
public:
  enum Purpose { Rows, Writes };

  LoopLabelFlows(const FunctionFacts &Facts, llvm::ArrayRef<RowLoop> Loops,
                 Purpose P, const ApiModel &Model)
      : Facts(Facts), Loops(Loops), Model(Model), P(P), Group(Loops.size(), -1),
        Bit(Loops.size(), 0) {
    unsigned Next = 0;
    auto Label = [&](size_t I) {
      Group[I] = static_cast<int>(Next / 64);
      Bit[I] = LabelMask(1) << (Next % 64);
      ++Next;
    };
    if (P == Writes) {
      for (size_t I = 0; I < Loops.size(); ++I)
        Label(I);
    } else {
      // Row loops first, so they are in the first flow.
      for (LoopSource Wanted : {LoopSource::QueryRows, LoopSource::Elements})
        for (size_t I = 0; I < Loops.size(); ++I)
          if (Loops[I].Source == Wanted && !Loops[I].RunsAtMostOnce)
            Label(I);
    }
    Flows.resize((Next + 63) / 64);
  }

  int groupOf(int Loop) const { return Group[Loop]; }
  LabelMask labelOf(int Loop) const { return Bit[Loop]; }

  const ValueFlow &flow(int G) {
    std::unique_ptr<ValueFlow> &F = Flows[G];
    if (F)
      return *F;
    F = std::make_unique<ValueFlow>(Facts);
    if (P == Rows) {
      for (size_t I = 0; I < Loops.size(); ++I)
        if (Group[I] == G)
          seedCurrentRow(*F, Loops[I], Bit[I]);
      F->propagate();
    } else {
      for (size_t L = 0; L < Loops.size(); ++L)
        if (Group[L] == G)
          seedChanges(*F, static_cast<int>(L));
    }
    return *F;
  }

private:
  bool changesEachIteration(const FlowEdge &E, int Loop) const;
  void seedChanges(ValueFlow &F, int Loop) const;

  const FunctionFacts &Facts;
  llvm::ArrayRef<RowLoop> Loops;
  const ApiModel &Model;
  Purpose P;
  std::vector<int> Group;
  std::vector<LabelMask> Bit;
  std::vector<std::unique_ptr<ValueFlow>> Flows;
};

/// The write \p E makes in \p Loop's subtree leaves a value that differs
/// from one iteration of the loop to the next by itself, whatever it is
/// computed from: anything but a local the loop's body declares afresh
/// each iteration, written there unconditionally from its operands alone
/// (`std::string q = "... '" + std::string(kKey) + "'"`, `snprintf(q, n,
/// "... %d", tenant)`). A write in a nested loop, under a branch, from an
/// impure call or from the variable itself changes it.
bool LoopLabelFlows::changesEachIteration(const FlowEdge &E, int Loop) const {
  const auto *VD = dyn_cast<VarDecl>(E.Dst);
  const Stmt *Body = loopBody(Facts.loops()[Loop].Loop);
  if (!VD || !VD->isLocalVarDecl() || VD->isStaticLocal() || !Body ||
      E.Loop != Loop || E.Conditional || !rangeHolds(Body, VD->getLocation()))
    return true;
  if (hasImpureCall(E.Src, Model) || mentionsDecl(E.Src, VD))
    return true;
  return E.Update && !updatesFromOperands(E, Model);
}

/// Seeds \p Loop's bit on what changes between its iterations: what a
/// write changes by itself, then what the loop computes from that.
void LoopLabelFlows::seedChanges(ValueFlow &F, int Loop) const {
  LabelMask B = Bit[Loop];
  llvm::SmallVector<const FlowEdge *, 16> Derived;
  for (const FlowEdge &E : Facts.edges()) {
    if (!inLoopSubtree(E.Loop, Loop, Facts))
      continue;
    if (changesEachIteration(E, Loop))
      F.seedVariable(E.Dst, B);
    else
      Derived.push_back(&E);
  }
  // Chains of locals built from one another are short: a few rounds reach
  // the fixpoint, and the bound keeps hostile code linear.
  for (unsigned Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (const FlowEdge *E : Derived)
      if (!(F.labelsOf(E->Dst) & B) && (F.labelsOf(E->Src) & B)) {
        F.seedVariable(E->Dst, B);
        Changed = true;
      }
    if (!Changed)
      break;
  }
}

/// One call in a loop that runs a query or loads a relation, as the driver
/// sees it.
struct SiteCall {
  explicit SiteCall(const CallFacts &C) : C(C) {}
  const CallFacts &C;
  bool IsApi = false;
  bool IsLazy = false;
  const FunctionDecl *Callee = nullptr;
  CallSummary Summary;
  /// The site stands for the read behind its callee's write
  /// (CallSummary::Read).
  bool ToRead = false;

  /// Calls Visit on each expression of the site that feeds its query.
  void forEachInput(const FunctionFacts &Facts, InputVisitor Visit) const {
    if (IsLazy)
      Visit(lazyLoadObject(C, Facts), false);
    else if (IsApi)
      forEachQueryInput(C, Facts, Visit);
    else
      forEachCallInput(C.Call, Summary.ParamFlow, Facts, Visit);
  }
};

/// `BRPOP jobs 5` waits for the next job: a loop around it is a worker.
bool isWaitCommand(const QueryTarget &T, const FunctionFacts &Facts) {
  if (!T.Library || T.Library->WaitCommands.empty())
    return false;
  auto Text = leadingSqlText(T.Sql, &Facts);
  auto Word = Text ? sqlLeadingKeyword(*Text) : std::nullopt;
  return Word && llvm::any_of(T.Library->WaitCommands, [&](const char *W) {
           return StringRef(*Word).equals_insensitive(W);
         });
}

/// In a statement built as a typed object (`select(...).where(t.id ==
/// row.id)`), the operand that carries the row: down through the builder
/// calls' arguments, stopping at a value read from the row itself.
const Expr *narrowTypedStatement(const Expr *E, const ValueFlow &Flow,
                                 LabelMask Wanted) {
  QualType T = E->getType();
  if (!T->isRecordType() ||
      StringRef(T.getAsString()).contains_insensitive("string"))
    return E;
  for (unsigned Steps = 0; Steps < 32; ++Steps) {
    const Expr *Cur = stripTemporaries(E);
    const Expr *Next = nullptr;
    if (const auto *C = dyn_cast<CallExpr>(Cur)) {
      const Expr *Obj = callArg(C, ImplicitObject);
      for (unsigned I = 0; I < C->getNumArgs() && !Next; ++I)
        if (C->getArg(I) != Obj && (Flow.labelsOf(C->getArg(I)) & Wanted))
          Next = C->getArg(I);
      if (!Next && Obj && !isa<CXXOperatorCallExpr>(C) &&
          (Flow.labelsOf(Obj) & Wanted) && !rootDecl(Obj))
        Next = Obj; // Further down the builder chain.
    } else if (const auto *BO = dyn_cast<BinaryOperator>(Cur)) {
      Next =
          (Flow.labelsOf(BO->getLHS()) & Wanted) ? BO->getLHS() : BO->getRHS();
    }
    if (!Next)
      return E;
    E = Next;
  }
  return E;
}

/// In text that builds a statement (`"... id = " + std::to_string(id)`,
/// `QString(...).arg(id)`, `name.c_str()`), the operand that carries the
/// row: down through concatenation, conversions and formatting.
const Expr *rowOperand(const Expr *E, const ValueFlow &Flow, LabelMask Wanted) {
  for (unsigned Steps = 0; Steps < 32; ++Steps) {
    const Expr *Cur = stripTemporaries(E);
    llvm::SmallVector<const Expr *, 4> Operands;
    if (const auto *BO = dyn_cast<BinaryOperator>(Cur)) {
      Operands = {BO->getLHS(), BO->getRHS()};
    } else if (const auto *IL = dyn_cast<InitListExpr>(Cur)) {
      for (const Expr *Init : IL->inits())
        Operands.push_back(Init);
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cur)) {
      OverloadedOperatorKind K = OC->getOperator();
      if (K == OO_Plus || K == OO_PlusEqual || K == OO_LessLess ||
          K == OO_Percent)
        Operands.append(OC->arg_begin(), OC->arg_end());
    } else if (const auto *C = dyn_cast<CallExpr>(Cur)) {
      const FunctionDecl *FD = C->getDirectCallee();
      const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
      if (FD && isTextView(FD) && MC)
        Operands.push_back(MC->getImplicitObjectArgument());
      else if (FD && (textFormatStyle(FD) ||
                      (FD->isInStdNamespace() && FD->getIdentifier() &&
                       FD->getName().take_front(3) == "to_"))) {
        Operands.append(C->arg_begin(), C->arg_end());
        // `QString(...).arg(path).arg(tag)`: the earlier arg() calls.
        if (MC)
          Operands.push_back(MC->getImplicitObjectArgument());
      }
    }
    const Expr *Next = nullptr;
    for (const Expr *Op : Operands) {
      if (!(Flow.labelsOf(Op) & Wanted))
        continue;
      if (Next)
        return E; // Two operands carry the row: show the whole.
      Next = Op;
    }
    if (!Next)
      return E;
    E = Next;
  }
  return E;
}

/// A variable of type \p T can hold statement text: a character array or
/// pointer, a string, a string stream.
bool holdsText(QualType T) {
  if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    return AT->getElementType()->isAnyCharacterType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  std::string Name = T.getCanonicalType().getAsString();
  return llvm::any_of(
      std::initializer_list<StringRef>{"basic_string", "basic_ostringstream",
                                       "basic_stringstream", "QString",
                                       "QByteArray"},
      [&](StringRef Part) { return StringRef(Name).contains(Part); });
}

/// The loops that run a site once per iteration: the innermost, and the
/// one whose row or element feeds it (-1 when none does), each with whether
/// the site is conditional in it.
struct LoopChoice {
  int Chosen = -1;
  int Innermost = -1;
  /// The innermost loop repeating the site, a loop over a fixed list too.
  int Repeating = -1;
  bool Conditional = false;
  bool InnermostConditional = false;
};

/// A write's keyword as its text or type says it; empty when neither does.
std::string statementKeyword(const LoopQueryFinding &F, AnalysisContext &Ctx) {
  const FunctionFacts *Facts =
      F.TargetFunction ? &Ctx.facts(*F.TargetFunction) : nullptr;
  if (auto Text = leadingSqlText(F.Target.Sql, Facts))
    if (auto Keyword = sqlLeadingKeyword(*Text))
      return *Keyword;
  return F.Target.WriteKeyword ? F.Target.WriteKeyword : "";
}

/// Finds the per-iteration query sites of one function, one named step at a
/// time: the site, what it runs, the loop it runs per iteration of, its
/// category, then the hoisting plans and the advice.
class LoopQueryFinder {
public:
  LoopQueryFinder(const FunctionDecl &FD, AnalysisContext &Ctx)
      : FD(FD), Ctx(Ctx), Facts(Ctx.facts(FD)), Loops(Ctx.rowLoops(FD)),
        Rows(Facts, Loops, LoopLabelFlows::Rows, Ctx.model()),
        Writes(Facts, Loops, LoopLabelFlows::Writes, Ctx.model()),
        Budget(Ctx.options().MaxCallDepth) {}

  FunctionLoopQueries run();

private:
  std::optional<SiteCall> siteOf(const CallFacts &C) const;
  bool describeTarget(const SiteCall &S, LoopQueryFinding &F);
  LoopChoice chooseLoop(const SiteCall &S, const QueryTarget &Target);
  bool classify(const SiteCall &S, LoopChoice &Choice, LoopQueryFinding &F);
  bool variesInLoop(const SiteCall &S, int Loop);
  bool endsItsLoop(const CallFacts &C, int Loop) const;
  bool repeatsInCallee(const LoopQueryFinding &F) const;
  bool writesTableRead(const LoopQueryFinding &F, int Loop) const;
  LabelMask siteLabels(const SiteCall &S, const ValueFlow &Flow,
                       LabelMask Wanted = 0,
                       LoopQueryFinding *F = nullptr) const;
  void planHoists(std::vector<LoopQueryFinding> &Found) const;
  void completeAdvice(std::vector<LoopQueryFinding> &Found) const;
  bool isBatchedForm(const LoopQueryFinding &F) const;
  void addFinding(const SiteCall &S, std::vector<LoopQueryFinding> &Found);
  std::vector<LoopQueryFinding>
  readsBehindBatchedWrites(llvm::ArrayRef<LoopQueryFinding> Found);
  bool rowChangesStatement(const LoopQueryFinding &F) const;
  void showRowValue(LoopQueryFinding &F, const ValueFlow &Flow,
                    LabelMask Wanted) const;
  bool hasBoundValues(const LoopQueryFinding &F) const;
  const Expr *rowStoredForHandle(const SiteCall &S, const LoopQueryFinding &F,
                                 const ValueFlow &Flow, LabelMask Wanted) const;

  const FunctionDecl &FD;
  AnalysisContext &Ctx;
  const FunctionFacts &Facts;
  std::vector<RowLoop> Loops;
  LoopLabelFlows Rows, Writes;
  unsigned Budget;
  /// A statement handle stepped twice in one iteration is one query; a
  /// handle given other SQL in between (a QSqlQuery prepared again) runs
  /// another.
  std::set<std::tuple<const ValueDecl *, int, const Expr *>> HandleSites;
  /// A statement built in one expression (`(sql << "..." << id).exec()`) is
  /// one query, found at the call that carries its SQL.
  llvm::DenseSet<const Expr *> StatementExprs;
};

/// The call as a query site: a library call that runs a statement or loads
/// a relation, or a call to a function whose summary reaches a query.
std::optional<SiteCall> LoopQueryFinder::siteOf(const CallFacts &C) const {
  // A memo's query runs the first time only.
  if (runsOnlyOnce(C, Facts))
    return std::nullopt;
  SiteCall S(C);
  S.IsApi = C.Roles & RoleExecute;
  if (S.IsApi && !(C.Roles & RoleStatementInputs) &&
      StatementExprs.count(C.FullExpr))
    return std::nullopt;
  S.IsLazy = (C.Roles & RoleLazyLoad) && lazyLoadObject(C, Facts);
  if (S.IsApi || S.IsLazy)
    return S;
  if (C.Api || Budget == 0)
    return std::nullopt;
  // A function of this unit, or one another unit defines (whole-program
  // mode).
  const CallSummary *Sum = nullptr;
  if ((S.Callee = Ctx.followableCallee(C.Call)))
    Sum = Ctx.summary(S.Callee, Budget);
  else if ((Sum = Ctx.remoteSummary(C.Call, Budget)))
    S.Callee = Ctx.remoteCallee(C.Call);
  // The branch the call's constants pick, then the test it runs under.
  Sum = selectedBy(Sum, C.Call);
  std::optional<bool> Holds =
      Sum && Sum->Guard ? guardOutcome(*Sum->Guard, C, Facts) : std::nullopt;
  if (!Sum || !Sum->RunsQuery || Sum->Depth > Budget || Holds == false)
    return std::nullopt;
  S.Summary = *Sum;
  // A constant that passes the callee's test runs its query every time.
  if (Holds == true)
    S.Summary.Conditional = false;
  return S;
}

/// What the site runs, down the call chain for a helper; false for a
/// command that waits for work rather than reading.
bool LoopQueryFinder::describeTarget(const SiteCall &S, LoopQueryFinding &F) {
  F.Function = &FD;
  F.Site = S.C.Call;
  F.At = writtenLocation(S.C.Call);
  if (!S.IsApi && !S.IsLazy) {
    F.Target = S.Summary.Target;
    F.Remote = S.Summary.Remote;
    F.Chain = callChain(S.C.Call, &FD, S.Callee, Budget, Ctx, S.ToRead);
    F.TargetFunction = F.Chain.back().Caller;
    // A statement another unit runs with the text this one passes it.
    if (F.Remote && F.Remote->SqlParam >= 0)
      F.Target.Sql = callArg(F.Chain.back().Call, F.Remote->SqlParam);
    resolveThroughChain(F.Chain, F.Target, F.TargetFunction, Ctx);
    return !F.Target.IsSession;
  }
  if (S.IsApi) {
    F.Target = describeQuery(S.C, Facts, &Ctx);
    if (isWaitCommand(F.Target, Facts) || F.Target.IsSession)
      return false;
  }
  F.Target.ApiCall = S.C.Call;
  F.Target.Library = S.C.Api.Library;
  F.TargetFunction = &FD;
  return true;
}

/// The loops that run the site once per iteration, innermost first; the
/// first whose row or element feeds the site is the one it depends on.
LoopChoice LoopQueryFinder::chooseLoop(const SiteCall &S,
                                       const QueryTarget &Target) {
  LoopChoice Choice;
  llvm::SmallDenseMap<int, LabelMask, 2> RowLabelsOfGroup;
  bool UnderCondition = false;
  const CallFacts &C = S.C;
  for (int Index = C.Loop; Index >= 0; Index = Facts.loops()[Index].Parent) {
    UnderCondition |= Index == C.ConditionalIn;
    const RowLoop &L = Loops[Index];
    // Its own cursor step, a loop that runs at most once, a loop the call's
    // path leaves, or one whose counter it is pinned to (`if (i == 3)`):
    // not once per iteration. Stepping the cursor a loop walks fetches its
    // rows; it is no query.
    if (Index == C.AdvancesLoop || L.RunsAtMostOnce ||
        llvm::is_contained(C.ExitedLoops, Index) ||
        pinsLoopCounter(C, Index, Facts) ||
        (Target.Handle && Target.Handle == L.Cursor))
      continue;
    bool Fed = false;
    if (int Group = Rows.groupOf(Index); Group >= 0) {
      auto It = RowLabelsOfGroup.find(Group);
      if (It == RowLabelsOfGroup.end())
        It = RowLabelsOfGroup.insert({Group, siteLabels(S, Rows.flow(Group))})
                 .first;
      Fed = It->second & Rows.labelOf(Index);
    }
    // A write retried until it goes through (a loop its result ends) runs
    // once per iteration of the loops around the retry.
    if (Target.IsWrite && !Fed && endsItsLoop(C, Index))
      continue;
    if (Choice.Repeating < 0)
      Choice.Repeating = Index;
    // A statement per entry of a fixed list runs a fixed number of times:
    // no N+1. A read that takes nothing from the entry is still repeated.
    if (L.ConstantRange && (Fed || Target.IsWrite))
      continue;
    if (Choice.Innermost < 0) {
      Choice.Innermost = Index;
      Choice.InnermostConditional = UnderCondition;
    }
    if (Fed) {
      Choice.Chosen = Index;
      Choice.Conditional = UnderCondition;
      break;
    }
  }
  return Choice;
}

/// A retry, poll or paging loop the call's result ends. A loop over rows
/// has a row source of its own: a check of a query's result in it (`if
/// (!config) break;`) is error handling, not what drives the loop. A loop
/// that walks nothing may wait on a result read from the statement handle
/// (`q.exec(...); if (!q.next() || q.value(0).toInt() == 0) break;`).
bool LoopQueryFinder::endsItsLoop(const CallFacts &C, int Loop) const {
  LoopSource Source = Loops[Loop].Source;
  return Source != LoopSource::QueryRows &&
         resultEndsLoop(C, Loop, Facts, Source == LoopSource::None);
}

/// A callee down the chain runs the statement in a loop of its own over rows
/// or elements (`removeInactive()` saving each closed session, called from
/// the server's main loop): it is reported at that loop, once per element
/// there; the caller's loop, feeding it nothing, only calls that loop again.
bool LoopQueryFinder::repeatsInCallee(const LoopQueryFinding &F) const {
  for (size_t I = 1; I < F.Chain.size(); ++I) {
    const ChainStep &Step = F.Chain[I];
    const CallFacts *C = Ctx.facts(*Step.Caller).factsOf(Step.Call);
    if (!C || C->Loop < 0)
      continue;
    // rowLoops returns a copy, empty while the caller is being classified.
    std::vector<RowLoop> CallerLoops = Ctx.rowLoops(*Step.Caller);
    if (static_cast<size_t>(C->Loop) >= CallerLoops.size())
      continue;
    const RowLoop &L = CallerLoops[C->Loop];
    if (L.Source != LoopSource::None && !L.ConstantRange && !L.RunsAtMostOnce)
      return true;
  }
  return false;
}

/// The loop also writes the table the read reads (a count of a folder's
/// children before each UPDATE that moves one into it): each iteration
/// reads what the one before changed, so the read is no loop invariant.
bool LoopQueryFinder::writesTableRead(const LoopQueryFinding &F,
                                      int Loop) const {
  const FunctionFacts &Owner =
      F.TargetFunction ? Ctx.facts(*F.TargetFunction) : Facts;
  std::optional<std::string> Text = leadingSqlText(F.Target.Sql, &Owner);
  std::optional<std::string> Read = Text ? sqlMainTable(*Text) : std::nullopt;
  if (!Read)
    return false;
  return llvm::any_of(Facts.calls(), [&](const CallFacts &C) {
    if (C.Loop < 0 || !inLoopSubtree(C.Loop, Loop, Facts) ||
        !(C.Roles & RoleExecute))
      return false;
    QueryTarget T = describeQuery(C, Facts, &Ctx);
    auto Write = T.IsWrite ? leadingSqlText(T.Sql, &Facts) : std::nullopt;
    auto Table = Write ? sqlWrittenTable(*Write) : std::nullopt;
    return Table && StringRef(*Table).equals_insensitive(*Read);
  });
}

/// Neither the rows nor anything else the loop changes feeds the site:
/// false means the same query on every iteration.
bool LoopQueryFinder::variesInLoop(const SiteCall &S, int Loop) {
  bool Varies =
      siteLabels(S, Writes.flow(Writes.groupOf(Loop))) & Writes.labelOf(Loop);
  S.forEachInput(Facts, [&](const Expr *E, bool) {
    Varies = Varies || (E && hasImpureCall(E, Ctx.model()));
  });
  return Varies;
}

/// The check that reports the site, in the precedence of docs/checks: a
/// lazy load of a per-row object, a write, a read of the row or element,
/// a read of nothing that changes. False when no check does.
bool LoopQueryFinder::classify(const SiteCall &S, LoopChoice &Choice,
                               LoopQueryFinding &F) {
  if (S.IsLazy || F.Target.IsLazyLoad) {
    // A relation of an object that is the same on every iteration is
    // loaded once; only per-row and per-element objects are N+1.
    if (Choice.Chosen < 0)
      return false;
    F.Kind = FindingKind::LazyLoadInLoop;
    F.Loop = Choice.Chosen;
    F.Relation = S.IsLazy ? lazyRelationName(S.C, Facts) : F.Target.Relation;
  } else if (F.Target.IsWrite) {
    // A write costs a round trip per iteration of the innermost loop,
    // whatever it depends on; but a retry of one write is no batch.
    F.Kind = FindingKind::WriteInLoop;
    F.Loop = Choice.Innermost;
    if (Choice.Chosen != Choice.Innermost)
      Choice.Chosen = -1;
    if (Choice.Chosen < 0 &&
        (endsItsLoop(S.C, Choice.Innermost) || repeatsInCallee(F)))
      return false;
  } else if (Choice.Chosen >= 0) {
    F.Loop = Choice.Chosen;
    F.Kind = Loops[Choice.Chosen].Source == LoopSource::QueryRows
                 ? FindingKind::QueryInLoop
                 : FindingKind::QueryPerElement;
    // Depending only on an outer row, it repeats in the inner loop.
    int Inner = Choice.Repeating;
    if (Inner != Choice.Chosen && S.C.InConditionOf != Inner &&
        !endsItsLoop(S.C, Inner) && !variesInLoop(S, Inner))
      F.RepeatingLoop = Inner;
  } else {
    // A query in the loop's own condition decides when it ends (polling):
    // its answer is expected to change. Pagination and the like vary too.
    if (S.C.InConditionOf == Choice.Innermost ||
        endsItsLoop(S.C, Choice.Innermost) ||
        variesInLoop(S, Choice.Innermost) || repeatsInCallee(F) ||
        writesTableRead(F, Choice.Innermost))
      return false;
    F.Kind = FindingKind::LoopInvariantQuery;
    F.Loop = Choice.Innermost;
  }
  // A callee that runs it on some paths only runs it up to once too.
  F.Conditional =
      (Choice.Chosen >= 0 ? Choice.Conditional : Choice.InnermostConditional) ||
      S.Summary.Conditional;
  return true;
}

/// The labels the inputs of a site carry in one flow; the first input that
/// carries \p Wanted becomes the finding's carrier.
LabelMask LoopQueryFinder::siteLabels(const SiteCall &S, const ValueFlow &Flow,
                                      LabelMask Wanted,
                                      LoopQueryFinding *F) const {
  // Point at the bind or prepare carrying the value, not the handle.
  const Expr *Handle = S.IsApi && !S.IsLazy && S.C.Api.Function->SqlArg == NoArg
                           ? callArg(S.C.Call, S.C.Api.Function->HandleArg)
                           : nullptr;
  InputCarrier Carrier;
  LabelMask Labels =
      labelInputs([&](InputVisitor Visit) { S.forEachInput(Facts, Visit); },
                  Flow, Wanted, F ? &Carrier : nullptr, Handle);
  if (F && Carrier.Value) {
    F->Carrier = Carrier.IsSqlText
                     ? narrowTypedStatement(Carrier.Value, Flow, Wanted)
                     : Carrier.Value;
    F->CarrierIsSqlText = Carrier.IsSqlText;
  }
  return Labels;
}

/// Where a statement held in a member, its parameters bound to other
/// members of the same object elsewhere, takes the row: the last value the
/// loop wrote into the object before the run (`im->user_id =
/// atol(row[0])`), or the argument a column read wrote it through
/// (`SQLGetData(h, 1, type, &ex->order_id, ...)`); null when none did.
const Expr *LoopQueryFinder::rowStoredForHandle(const SiteCall &S,
                                                const LoopQueryFinding &F,
                                                const ValueFlow &Flow,
                                                LabelMask Wanted) const {
  if (!S.IsApi || S.C.Api.Function->SqlArg != NoArg)
    return nullptr;
  const Expr *Handle = callArg(S.C.Call, S.C.Api.Function->HandleArg);
  const ValueDecl *Root = rootDecl(Handle);
  if (!Root || !namedField(Handle) || !(Flow.labelsOf(Handle) & Wanted))
    return nullptr;
  const Expr *Given = nullptr;
  for (const FlowEdge &E : Facts.edges())
    if (E.Dst == Root && inLoopSubtree(E.Loop, F.Loop, Facts) &&
        (Flow.labelsOf(E.Src) & Wanted) &&
        E.Src->getBeginLoc() < F.Site->getBeginLoc() &&
        (!Given || Given->getBeginLoc() < E.Src->getBeginLoc()))
      Given = E.Src;
  const CallFacts *Read = Given ? Facts.factsOf(Given) : nullptr;
  if (Read && (Read->Roles & RoleColumnRead))
    if (const Expr *Into = callArg(Read->Call, Read->Api.Function->ValueArg))
      return Into;
  return Given;
}

/// The query at the end of \p F's chain takes values bound apart from its
/// text (parameters, binds).
bool LoopQueryFinder::hasBoundValues(const LoopQueryFinding &F) const {
  // The site passes its whole text to a statement of another unit: values
  // bound apart from the text come in through the other parameters. (A
  // text a helper of this unit builds from its own parameters, a table
  // among them, is not the site's.)
  if (F.Remote && F.Remote->SqlParam >= 0 && F.Chain.size() == 1)
    return F.Remote->ParamFlow & ~(LabelMask(1) << F.Remote->SqlParam |
                                   LabelMask(1) << ThisParamBit);
  const FunctionFacts &Owner = Ctx.facts(*F.Chain.back().Caller);
  const CallFacts *C = Owner.factsOf(F.Target.ApiCall);
  if (!C || !C->Api)
    return true;
  const Expr *Handle = callArg(C->Call, C->Api.Function->HandleArg);
  bool Bound = false;
  forEachQueryInput(*C, Owner, [&](const Expr *E, bool IsSql) {
    Bound = Bound || (!IsSql && E && E != Handle);
  });
  return Bound;
}

namespace {
/// The variable \p E is, or whose text or member it reads (`sql.c_str()`,
/// `in.readLine()`).
const ValueDecl *viewedDecl(const Expr *E) {
  E = stripTemporaries(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E))
    E = MC->getImplicitObjectArgument();
  return rootDecl(E);
}
} // namespace

/// The row changes what the statement is, not a key in it: a table, column
/// or schema name, or the whole statement (`for (auto &ddl : migration)
/// db.exec(ddl)`). `IN (...)` cannot batch that, and the count follows the
/// schema, not the data.
bool LoopQueryFinder::rowChangesStatement(const LoopQueryFinding &F) const {
  const LibraryModel *Lib = F.Target.Library;
  if ((Lib && !Lib->speaksSql()) || !F.Target.Sql)
    return false;
  const FunctionFacts *Owner =
      F.TargetFunction ? &Ctx.facts(*F.TargetFunction) : nullptr;
  auto Text = sqlTextParts(F.Target.Sql, Owner);
  // Text written into a buffer or appended to at run time (`q +=
  // t[0].c_str()`, `snprintf(q, n, "... FROM %s", t)`): how it starts,
  // then what the row added.
  if (!Text && F.Chain.empty() && F.CarrierIsSqlText)
    if (auto Lead = leadingSqlText(F.Target.Sql, Owner); Lead && !Lead->empty())
      return sqlHolePlaces(printfConversionsAsHoles(*Lead) + SqlHole) ==
             SqlHolePlaces::Names;
  if (!Text) {
    // No literal text: the statement is the row or element itself, or a
    // local read from it once (`QString statement = in.readLine();`).
    const ValueDecl *Root = viewedDecl(F.Target.Sql);
    if (const auto *VD = dyn_cast_or_null<VarDecl>(Root);
        VD && Root != Loops[F.Loop].RowVar)
      if (const Expr *From = onlyAssignedValue(VD, Facts))
        Root = viewedDecl(From);
    return F.Chain.empty() && F.CarrierIsSqlText && Root &&
           Root == Loops[F.Loop].RowVar;
  }
  if (sqlHolePlaces(Text->Text) != SqlHolePlaces::Names)
    return false;
  // The text alone carries the row: a bound value would be a key.
  return F.Chain.empty() ? F.CarrierIsSqlText : !hasBoundValues(F);
}

namespace {
/// `&id` bound or stored as a buffer: the value is the variable `id`.
const Expr *pointedAtVariable(const Expr *E) {
  const auto *UO =
      E ? dyn_cast<UnaryOperator>(E->IgnoreParenImpCasts()) : nullptr;
  if (UO && UO->getOpcode() == UO_AddrOf &&
      isa<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
    return UO->getSubExpr()->IgnoreParenImpCasts();
  return E;
}
} // namespace

/// The row value of \p F as a reader knows it. Where the carrier only holds
/// it, back to the value put there in the loop: a statement object a
/// method was given it (`stmt->SetData(0, guid)`), SQL text it was written
/// into (`sql += row[0].c_str()`, `snprintf(buf, ..., id)`).
void LoopQueryFinder::showRowValue(LoopQueryFinding &F, const ValueFlow &Flow,
                                   LabelMask Wanted) const {
  const Expr *E =
      F.CarrierIsSqlText ? rowOperand(F.Carrier, Flow, Wanted) : F.Carrier;
  bool Text = F.CarrierIsSqlText;
  for (unsigned Steps = 0; Steps < 8; ++Steps) {
    const Expr *Holder = stripTemporaries(E);
    // `sql.str()`: the text is the stream's.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Holder))
      if (Text && MC->getNumArgs() == 0)
        Holder = MC->getImplicitObjectArgument();
    const ValueDecl *D = rootDecl(Holder);
    if (!D || D == Loops[F.Loop].RowVar)
      break;
    // A plain value that received the row (`users >> id`, an out-argument)
    // is the row value; an object given it holds it.
    QualType T = D->getType().getNonReferenceType();
    // `MYSQL_BIND bind[2]`: an array of objects holds what is stored in them.
    if (const ArrayType *AT = T->getAsArrayTypeUnsafe(); AT && !Text)
      T = AT->getElementType();
    if (Text ? !holdsText(T)
             : !T->isRecordType() && !T->getPointeeCXXRecordDecl())
      break;
    // The last value given to D in the loop before the site; a plain
    // assignment names the row value already (`int id = row[0]...`),
    // unless D is the statement's text.
    const Expr *Given = nullptr;
    for (const FlowEdge &Edge : Facts.edges()) {
      if (Edge.Dst != D || rootDecl(Edge.Src) == D ||
          !inLoopSubtree(Edge.Loop, F.Loop, Facts) ||
          !(Flow.labelsOf(Edge.Src) & Wanted) ||
          !(Edge.Src->getBeginLoc() < F.Site->getBeginLoc()))
        continue;
      // The statement's own text takes any value; a buffer or object it
      // was built from only what was written into it.
      bool Into = Edge.Update ||
                  (!Text && !llvm::is_contained(Facts.valuesOf(D), Edge.Src));
      if (((Steps == 0 && Text) || Into) &&
          (!Given || Given->getBeginLoc() < Edge.Src->getBeginLoc()))
        Given = Edge.Src;
    }
    if (!Given)
      break;
    F.RowValueInText |= Text;
    E = rowOperand(Given, Flow, Wanted);
    E = pointedAtVariable(E);
    // Only a variable can hold the value in turn: text written into it
    // (`snprintf(buf, ..., id)`), or an object.
    const auto *Var = dyn_cast<DeclRefExpr>(stripTemporaries(E));
    if (!Var)
      break;
    Text = holdsText(Var->getDecl()->getType().getNonReferenceType());
  }
  F.RowValue = pointedAtVariable(E);
}

/// Loop-invariant queries held by a declaration: can it move before the
/// loop? Only once every site of the function is known.
void LoopQueryFinder::planHoists(std::vector<LoopQueryFinding> &Found) const {
  auto IsKnownRead = [&](const LoopQueryFinding &Other) {
    if (Other.Kind == FindingKind::WriteInLoop || !Other.Chain.empty() ||
        Other.Kind == FindingKind::LazyLoadInLoop)
      return false;
    if (auto Text = leadingSqlText(Other.Target.Sql, &Facts))
      return classifySql(*Text) == SqlStatementKind::Read;
    // A typed statement says in its type whether it writes.
    const LibraryModel *Lib = Other.Target.Library;
    return Lib && !Lib->WriteStatementTypes.empty() && Other.Target.Sql &&
           !Other.Target.IsWrite;
  };
  for (LoopQueryFinding &F : Found) {
    if (F.Kind != FindingKind::LoopInvariantQuery)
      continue;
    bool OnlyKnownReads =
        llvm::all_of(Found, [&](const LoopQueryFinding &Other) {
          return !inLoopSubtree(Other.Loop, F.Loop, Facts) ||
                 IsKnownRead(Other);
        });
    planHoist(F, Loops[F.Loop], Facts, OnlyKnownReads);
  }
}

/// What the advice of each finding needs: the batched form of a read, the
/// keyword of a write and whether a transaction already holds it.
void LoopQueryFinder::completeAdvice(
    std::vector<LoopQueryFinding> &Found) const {
  for (LoopQueryFinding &F : Found) {
    const RowLoop &L = Loops[F.Loop];
    if (F.Kind == FindingKind::QueryInLoop ||
        F.Kind == FindingKind::QueryPerElement)
      F.Batch = planBatchedRead(F, L, Ctx);
    if (F.Kind != FindingKind::WriteInLoop)
      continue;
    F.StatementKeyword = statementKeyword(F, Ctx);
    const LibraryModel *Lib = F.Target.Library;
    F.InTransaction =
        Lib && Lib->TransactionHint && loopRunsInTransaction(F, L, Ctx);
  }
}

/// The batched forms of a loop's statements are no N+1: writes to an
/// in-process database inside one transaction (SQLite's bulk load), and
/// statements a pipeline sends together.
bool LoopQueryFinder::isBatchedForm(const LoopQueryFinding &F) const {
  const LibraryModel *Lib = F.Target.Library;
  if (F.Kind == FindingKind::WriteInLoop && Lib && F.InTransaction &&
      Ctx.runsInProcess(*Lib))
    return true;
  return F.Kind != FindingKind::LazyLoadInLoop &&
         loopRunsInPipeline(F, Loops[F.Loop], Ctx);
}

/// Adds the finding at site \p S to \p Found, when the site runs its query
/// once per iteration of a loop.
void LoopQueryFinder::addFinding(const SiteCall &S,
                                 std::vector<LoopQueryFinding> &Found) {
  LoopQueryFinding F;
  if (!describeTarget(S, F))
    return;
  LoopChoice Choice = chooseLoop(S, F.Target);
  if (Choice.Innermost < 0 || !classify(S, Choice, F))
    return;
  if (F.Target.Handle && S.IsApi &&
      !HandleSites.insert({F.Target.Handle, F.Loop, F.Target.Sql}).second)
    return;
  if (Choice.Chosen >= 0) {
    const ValueFlow &RowFlow = Rows.flow(Rows.groupOf(Choice.Chosen));
    LabelMask Row = Rows.labelOf(Choice.Chosen);
    siteLabels(S, RowFlow, Row, &F);
    if (!F.Carrier)
      F.Carrier = rowStoredForHandle(S, F, RowFlow, Row);
    if (rowChangesStatement(F))
      return;
    if (F.Carrier && F.Chain.empty())
      showRowValue(F, RowFlow, Row);
  }
  Found.push_back(std::move(F));
}

/// A helper whose write is a batched form in the loop (`addNoteToTag`
/// inserting inside the caller's SQLite transaction) may still read once
/// per row or element (recounting the row's tag): the sites found again for
/// the read behind the write. A read that takes nothing from the loop reads
/// back what the writes changed: it is no N+1 and cannot be hoisted.
std::vector<LoopQueryFinding> LoopQueryFinder::readsBehindBatchedWrites(
    llvm::ArrayRef<LoopQueryFinding> Found) {
  std::vector<LoopQueryFinding> Reads;
  for (const LoopQueryFinding &F : Found) {
    const CallFacts *C =
        F.Chain.empty() || !isBatchedForm(F) ? nullptr : Facts.factsOf(F.Site);
    std::optional<SiteCall> S = C ? siteOf(*C) : std::nullopt;
    if (!S || !S->Summary.Read)
      continue;
    CallSummary Read = *S->Summary.Read;
    S->Summary = std::move(Read);
    S->ToRead = true;
    addFinding(*S, Reads);
    // A read of what the loop's own writes change is no loop invariant.
    if (!Reads.empty() && Reads.back().Site == F.Site &&
        Reads.back().Kind == FindingKind::LoopInvariantQuery)
      Reads.pop_back();
  }
  planHoists(Reads);
  completeAdvice(Reads);
  return Reads;
}

FunctionLoopQueries LoopQueryFinder::run() {
  FunctionLoopQueries Result;
  for (const CallFacts &C : Facts.calls())
    if (C.Loop >= 0 && (C.Roles & RoleStatementInputs) &&
        (C.Roles & RoleExecute))
      StatementExprs.insert(C.FullExpr);
  std::vector<LoopQueryFinding> &Found = Result.Findings;
  for (const CallFacts &C : Facts.calls())
    if (C.Loop >= 0)
      if (std::optional<SiteCall> S = siteOf(C))
        addFinding(*S, Found);
  planHoists(Found);
  completeAdvice(Found);
  std::vector<LoopQueryFinding> Reads = readsBehindBatchedWrites(Found);
  Found.insert(Found.end(), std::make_move_iterator(Reads.begin()),
               std::make_move_iterator(Reads.end()));
  llvm::erase_if(Found,
                 [&](const LoopQueryFinding &F) { return isBatchedForm(F); });
  Result.Loops = std::move(Loops);
  return Result;
}

} // namespace

FunctionLoopQueries findLoopQueries(const FunctionDecl &FD,
                                    AnalysisContext &Ctx) {
  if (Ctx.facts(FD).loops().empty())
    return {};
  return LoopQueryFinder(FD, Ctx).run();
}

} // namespace nplusone
