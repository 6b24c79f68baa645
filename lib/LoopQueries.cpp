//===- LoopQueries.cpp - Queries that run once per loop iteration ---------===//

#include "lib/LoopQueries.h"
#include "lib/HoistPlan.h"
#include "lib/ValueFlow.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace nplusone {

namespace {

/// Label bits over loops, one flow per group of 64 loops, each built when
/// first needed. Rows: the current row or element of each loop that walks
/// rows or a collection, propagated through the function. Writes: every
/// variable written inside each loop (its iteration variables included), so
/// a query reading none of them is the same on every iteration.
class LoopLabelFlows {
public:
  enum Purpose { Rows, Writes };

  LoopLabelFlows(const FunctionFacts &Facts, llvm::ArrayRef<RowLoop> Loops,
                 Purpose P)
      : Facts(Facts), Loops(Loops), P(P), Group(Loops.size(), -1),
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
      // Whatever is computed from a variable written in the loop is itself
      // written in the loop, so the seeds need no propagation.
      for (const FlowEdge &E : Facts.edges())
        for (int L = E.Loop; L >= 0; L = Facts.loops()[L].Parent)
          if (Group[L] == G)
            F->seedVariable(E.Dst, Bit[L]);
    }
    return *F;
  }

private:
  const FunctionFacts &Facts;
  llvm::ArrayRef<RowLoop> Loops;
  Purpose P;
  std::vector<int> Group;
  std::vector<LabelMask> Bit;
  std::vector<std::unique_ptr<ValueFlow>> Flows;
};

/// A call whose result may differ between two calls with equal arguments:
/// anything but const methods, the standard library and constexpr
/// functions. Library calls count as impure: they talk to the database.
bool hasImpureCall(const Expr *Root, const ApiModel &Model) {
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  for (unsigned Visited = 0; !Work.empty() && Visited < 20000; ++Visited) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *FD = C->getDirectCallee();
      if (!FD || Model.lookup(FD))
        return true;
      const auto *MD = dyn_cast<CXXMethodDecl>(FD);
      bool Pure = (MD && MD->isConst()) || FD->isInStdNamespace() ||
                  FD->isConstexpr() || isa<CXXOperatorCallExpr>(C) ||
                  Model.isStatementBuilder(FD);
      if (!Pure)
        return true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

/// The expression a lazy load is made on, when it is one: a data member
/// where the model asks for one.
const Expr *lazyObject(const CallFacts &C) {
  const ApiFunction &Fn = *C.Api.Function;
  const Expr *Obj = callArg(C.Call, Fn.HandleArg);
  if (!Obj)
    return nullptr;
  if ((Fn.Roles & RoleOnMemberOnly) &&
      !isa<MemberExpr>(Obj->IgnoreParenImpCasts()))
    return nullptr;
  return Obj;
}

} // namespace

namespace {

/// One call in a loop that runs a query or loads a relation, as the driver
/// sees it.
struct SiteCall {
  explicit SiteCall(const CallFacts &C) : C(C) {}
  const CallFacts &C;
  bool IsApi = false;
  bool IsLazy = false;
  const FunctionDecl *Callee = nullptr;
  CallSummary Summary;

  /// Calls Visit on each expression of the site that feeds its query.
  void forEachInput(const FunctionFacts &Facts,
                    llvm::function_ref<void(const Expr *, bool)> Visit) const {
    if (IsLazy) {
      Visit(lazyObject(C), false);
    } else if (IsApi) {
      forEachQueryInput(C, Facts, Visit);
    } else {
      const FunctionDecl *FD = calleeOf(C.Call);
      unsigned NumParams = FD ? FD->getNumParams() : 0;
      for (unsigned I = 0; I < NumParams && I < ThisParamBit; ++I)
        if (Summary.ParamFlow & (LabelMask(1) << I))
          if (const Expr *Arg = callArg(C.Call, static_cast<int>(I)))
            Visit(Arg, false);
      if (Summary.ParamFlow & (LabelMask(1) << ThisParamBit))
        if (const Expr *Obj = callArg(C.Call, ImplicitObject))
          Visit(Obj, false);
    }
  }
};

/// `BRPOP jobs 5` waits for the next job: a loop around it is a worker.
bool isWaitCommand(const QueryTarget &T, const FunctionFacts &Facts) {
  if (!T.Library || T.Library->WaitCommands.empty())
    return false;
  auto Text = sqlTextPrefix(T.Sql, &Facts);
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

/// The labels the inputs of a site carry in one flow; the first input that
/// carries \p Wanted becomes the finding's carrier.
LabelMask siteLabels(const SiteCall &S, const FunctionFacts &Facts,
                     const ValueFlow &Flow, LabelMask Wanted = 0,
                     LoopQueryFinding *F = nullptr) {
  LabelMask Result = 0;
  const Expr *Handle = S.IsApi && S.C.Api.Function->SqlArg == NoArg
                           ? callArg(S.C.Call, S.C.Api.Function->HandleArg)
                           : nullptr;
  S.forEachInput(Facts, [&](const Expr *E, bool IsSql) {
    if (!E)
      return;
    LabelMask L = Flow.labelsOf(E);
    Result |= L;
    // Point at the bind or prepare carrying the value, not the handle.
    if (F && !F->Carrier && (L & Wanted) && (E != Handle || S.IsLazy)) {
      F->Carrier = IsSql ? narrowTypedStatement(E, Flow, Wanted) : E;
      F->CarrierIsSqlText = IsSql;
    }
  });
  return Result;
}

bool inLoopSubtree(int Loop, int Ancestor, const FunctionFacts &Facts) {
  for (int L = Loop; L >= 0; L = Facts.loops()[L].Parent)
    if (L == Ancestor)
      return true;
  return false;
}

} // namespace

std::vector<ChainStep> callChain(const Expr *Site, const FunctionDecl *Caller,
                                 const FunctionDecl *Callee, unsigned Budget,
                                 AnalysisContext &Ctx) {
  std::vector<ChainStep> Chain{{Site, Caller, Callee}};
  while (Callee && Budget > 0) {
    const CallSummary *S = Ctx.summary(Callee, Budget);
    if (!S || !S->RunsQuery || !S->Via)
      break;
    const FunctionDecl *Next = S->ViaCallee;
    Chain.push_back({S->Via, Callee, Next});
    Callee = Next;
    --Budget;
  }
  return Chain;
}

void resolveThroughChain(llvm::ArrayRef<ChainStep> Chain, QueryTarget &Target,
                         const FunctionDecl *&Owner, AnalysisContext &Ctx) {
  for (size_t I = Chain.size(); I-- > 0;) {
    const ChainStep &Step = Chain[I];
    if (!Step.Callee || Step.Callee != Owner)
      continue;
    const Expr *Sql = Target.Sql ? Target.Sql->IgnoreParenImpCasts() : nullptr;
    const auto *SqlRef = dyn_cast_or_null<DeclRefExpr>(Sql);
    const auto *SqlParam =
        SqlRef ? dyn_cast<ParmVarDecl>(SqlRef->getDecl()) : nullptr;
    const auto *HandleParam = dyn_cast_or_null<ParmVarDecl>(Target.Handle);
    if (SqlParam) {
      Target.Sql = callArg(Step.Call, SqlParam->getFunctionScopeIndex());
    } else if (!Target.Sql && HandleParam) {
      Target.Handle =
          rootDecl(callArg(Step.Call, HandleParam->getFunctionScopeIndex()));
      const CallFacts *Last = nullptr;
      for (const CallFacts *P :
           Ctx.facts(*Step.Caller).preparesOf(Target.Handle))
        if (P->Call->getBeginLoc() < Step.Call->getBeginLoc())
          Last = P;
      if (Last)
        Target.Sql = callArg(Last->Call, Last->Api.Function->SqlArg);
    } else {
      break;
    }
    Owner = Step.Caller;
  }
  if (auto Text = sqlTextPrefix(Target.Sql, &Ctx.facts(*Owner)))
    Target.IsWrite =
        Target.IsWrite || classifySql(*Text) == SqlStatementKind::Write;
}

FunctionLoopQueries findLoopQueries(const FunctionDecl &FD,
                                    AnalysisContext &Ctx) {
  FunctionLoopQueries Result;
  const FunctionFacts &Facts = Ctx.facts(FD);
  if (Facts.loops().empty())
    return Result;
  Result.Loops = Ctx.rowLoops(FD);
  LoopLabelFlows Rows(Facts, Result.Loops, LoopLabelFlows::Rows);
  LoopLabelFlows Writes(Facts, Result.Loops, LoopLabelFlows::Writes);
  unsigned Budget = Ctx.options().MaxCallDepth;
  // A statement handle stepped twice in one iteration is one query.
  llvm::DenseSet<std::pair<const ValueDecl *, int>> HandleSites;
  // A statement built in one expression (`(sql << "..." << id).exec()`) is
  // one query, found at the call that carries its SQL.
  llvm::DenseSet<const Expr *> StatementExprs;
  for (const CallFacts &C : Facts.calls())
    if (C.Loop >= 0 && (C.Roles & RoleStatementInputs) &&
        (C.Roles & RoleExecute))
      StatementExprs.insert(C.FullExpr);

  for (const CallFacts &C : Facts.calls()) {
    if (C.Loop < 0)
      continue;
    SiteCall S(C);
    unsigned Roles = C.Roles;
    S.IsApi = Roles & RoleExecute;
    if (S.IsApi && !(Roles & RoleStatementInputs) &&
        StatementExprs.count(C.FullExpr))
      continue;
    S.IsLazy = (Roles & RoleLazyLoad) && lazyObject(C);
    if (!S.IsApi && !S.IsLazy) {
      if (C.Api || Budget == 0 || !(S.Callee = Ctx.followableCallee(C.Call)))
        continue;
      const CallSummary *Sum = Ctx.summary(S.Callee, Budget);
      if (!Sum || !Sum->RunsQuery || Sum->Depth > Budget)
        continue;
      S.Summary = *Sum;
    }

    LoopQueryFinding F;
    F.Function = &FD;
    F.Site = C.Call;
    if (S.IsApi || S.IsLazy) {
      if (S.IsApi) {
        F.Target = describeQuery(C, Facts);
        if (isWaitCommand(F.Target, Facts))
          continue;
      }
      F.Target.ApiCall = C.Call;
      F.Target.Library = C.Api.Library;
      F.TargetFunction = &FD;
    } else {
      F.Target = S.Summary.Target;
      F.Chain = callChain(C.Call, &FD, S.Callee, Budget, Ctx);
      F.TargetFunction = F.Chain.back().Caller;
      resolveThroughChain(F.Chain, F.Target, F.TargetFunction, Ctx);
    }

    // The loops that run this site once per iteration, innermost first; the
    // first whose row or element feeds the site is the one it depends on.
    llvm::SmallDenseMap<int, LabelMask, 2> RowLabelsOfGroup;
    int Chosen = -1, Innermost = -1;
    bool Conditional = false, InnermostConditional = false;
    bool UnderCondition = false;
    for (int E = C.Loop; E >= 0; E = Facts.loops()[E].Parent) {
      UnderCondition |= E == C.ConditionalIn;
      const RowLoop &L = Result.Loops[E];
      if (E == C.ConditionOfLoop || L.RunsAtMostOnce)
        continue;
      // Stepping the cursor a loop walks fetches its rows; it is no query.
      if (F.Target.Handle && F.Target.Handle == L.Cursor)
        continue;
      if (Innermost < 0) {
        Innermost = E;
        InnermostConditional = UnderCondition;
      }
      int G = Rows.groupOf(E);
      if (G < 0)
        continue;
      auto It = RowLabelsOfGroup.find(G);
      if (It == RowLabelsOfGroup.end())
        It = RowLabelsOfGroup.insert({G, siteLabels(S, Facts, Rows.flow(G))})
                 .first;
      if (It->second & Rows.labelOf(E)) {
        Chosen = E;
        Conditional = UnderCondition;
        break;
      }
    }
    if (Innermost < 0)
      continue;

    if (S.IsLazy) {
      // A relation of an object that is the same on every iteration is
      // loaded once; only per-row and per-element objects are N+1.
      if (Chosen < 0)
        continue;
      F.Kind = FindingKind::LazyLoadInLoop;
      F.Loop = Chosen;
      const Expr *Obj = lazyObject(C)->IgnoreParenImpCasts();
      if (const auto *ME = dyn_cast<MemberExpr>(Obj))
        F.Relation = ME->getMemberDecl()->getNameAsString();
      else
        F.Relation = calleeOf(C.Call)->getNameAsString();
    } else if (F.Target.IsWrite) {
      // A write costs a round trip per iteration of the innermost loop,
      // whatever it depends on.
      F.Kind = FindingKind::WriteInLoop;
      F.Loop = Innermost;
      if (Chosen != Innermost)
        Chosen = -1;
    } else if (Chosen >= 0) {
      F.Loop = Chosen;
      F.Kind = Result.Loops[Chosen].Source == LoopSource::QueryRows
                   ? FindingKind::QueryInLoop
                   : FindingKind::QueryPerElement;
    } else {
      // A query in the loop's own condition decides when it ends (polling):
      // its answer is expected to change.
      if (C.InConditionOf == Innermost)
        continue;
      // Neither the rows nor anything else the loop changes feeds it: the
      // same query on every iteration. Pagination and the like are silent.
      bool Varies =
          siteLabels(S, Facts, Writes.flow(Writes.groupOf(Innermost))) &
          Writes.labelOf(Innermost);
      S.forEachInput(Facts, [&](const Expr *E, bool) {
        Varies = Varies || (E && hasImpureCall(E, Ctx.model()));
      });
      if (Varies)
        continue;
      F.Kind = FindingKind::LoopInvariantQuery;
      F.Loop = Innermost;
    }
    F.Conditional = Chosen >= 0 ? Conditional : InnermostConditional;
    if (F.Target.Handle && S.IsApi &&
        !HandleSites.insert({F.Target.Handle, F.Loop}).second)
      continue;
    if (Chosen >= 0)
      siteLabels(S, Facts, Rows.flow(Rows.groupOf(Chosen)),
                 Rows.labelOf(Chosen), &F);
    Result.Findings.push_back(std::move(F));
  }

  // Loop-invariant queries held by a declaration: can it move before the
  // loop? Only once every site of the function is known.
  for (LoopQueryFinding &F : Result.Findings) {
    if (F.Kind != FindingKind::LoopInvariantQuery)
      continue;
    bool OnlyKnownReads =
        llvm::all_of(Result.Findings, [&](const LoopQueryFinding &Other) {
          if (!inLoopSubtree(Other.Loop, F.Loop, Facts))
            return true;
          if (Other.Kind == FindingKind::WriteInLoop || !Other.Chain.empty() ||
              Other.Kind == FindingKind::LazyLoadInLoop)
            return false;
          if (auto Text = sqlTextPrefix(Other.Target.Sql, &Facts))
            return classifySql(*Text) == SqlStatementKind::Read;
          // A typed statement says in its type whether it writes.
          const LibraryModel *Lib = Other.Target.Library;
          return Lib && !Lib->WriteStatementTypes.empty() && Other.Target.Sql &&
                 !Other.Target.IsWrite;
        });
    planHoist(F, Result.Loops[F.Loop], Facts, OnlyKnownReads);
  }
  return Result;
}

} // namespace nplusone
