//===- LoopQueries.cpp - Queries that run once per loop iteration ---------===//

#include "lib/LoopQueries.h"
#include "lib/ValueFlow.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace nplusone {

namespace {

/// The flow of each loop's current row or element. Every loop that can feed
/// a query gets a label bit; a function with more than 64 such loops is
/// analysed in groups of 64 loops, one flow per group, each built when first
/// needed.
class LoopRowFlows {
public:
  LoopRowFlows(const FunctionFacts &Facts, llvm::ArrayRef<RowLoop> Loops)
      : Facts(Facts), Loops(Loops), Group(Loops.size(), -1),
        Bit(Loops.size(), 0) {
    unsigned Next = 0;
    for (LoopSource Wanted : {LoopSource::QueryRows, LoopSource::Elements})
      for (size_t I = 0; I < Loops.size(); ++I)
        if (Loops[I].Source == Wanted && !Loops[I].RunsAtMostOnce) {
          Group[I] = static_cast<int>(Next / 64);
          Bit[I] = LabelMask(1) << (Next % 64);
          ++Next;
        }
    Flows.resize((Next + 63) / 64);
  }

  int groupOf(int Loop) const { return Group[Loop]; }
  LabelMask labelOf(int Loop) const { return Bit[Loop]; }

  /// The propagated flow of one group of loops.
  const ValueFlow &flow(int G) {
    std::unique_ptr<ValueFlow> &F = Flows[G];
    if (!F) {
      F = std::make_unique<ValueFlow>(Facts);
      for (size_t I = 0; I < Loops.size(); ++I)
        if (Group[I] == G)
          seed(*F, Loops[I], Bit[I]);
      F->propagate();
    }
    return *F;
  }

private:
  static void seed(ValueFlow &Flow, const RowLoop &L, LabelMask Label) {
    if (L.RowVar) {
      Flow.seedVariable(L.RowVar, Label);
      if (const auto *DD = dyn_cast<DecompositionDecl>(L.RowVar))
        for (const BindingDecl *B : DD->bindings())
          Flow.seedVariable(B, Label);
    }
    if (L.Cursor) {
      // Its column reads read the row; the cursor passed on carries it too.
      Flow.seedCursor(L.Cursor, Label);
      Flow.seedVariable(L.Cursor, Label);
    }
  }

  const FunctionFacts &Facts;
  llvm::ArrayRef<RowLoop> Loops;
  std::vector<int> Group;
  std::vector<LabelMask> Bit;
  std::vector<std::unique_ptr<ValueFlow>> Flows;
};

/// Follows summaries from a call to the library call at the end of the
/// chain, recording each step.
void walkChain(const CallExpr *Site, const FunctionDecl *Caller,
               const FunctionDecl *Callee, unsigned Budget,
               AnalysisContext &Ctx, LoopQueryFinding &F) {
  F.Chain.push_back({Site, Caller, Callee});
  while (Callee && Budget > 0) {
    const CallSummary *S = Ctx.summary(Callee, Budget);
    if (!S || !S->RunsQuery || !S->Via)
      return;
    const CallExpr *Via = S->Via;
    const FunctionDecl *Next = S->ViaCallee;
    F.Chain.push_back({Via, Callee, Next});
    if (!Next) {
      F.TargetFunction = Callee;
      return;
    }
    Caller = Callee;
    Callee = Next;
    --Budget;
  }
}

} // namespace

FunctionLoopQueries findLoopQueries(const FunctionDecl &FD,
                                    AnalysisContext &Ctx) {
  FunctionLoopQueries Result;
  const FunctionFacts &Facts = Ctx.facts(FD);
  if (Facts.loops().empty())
    return Result;
  Result.Loops = classifyLoops(Facts, Ctx.model());
  LoopRowFlows Flows(Facts, Result.Loops);
  unsigned Budget = Ctx.options().MaxCallDepth;
  // A statement handle stepped twice in one iteration is one query.
  llvm::DenseSet<std::pair<const ValueDecl *, int>> HandleSites;

  for (const CallFacts &C : Facts.calls()) {
    if (C.Loop < 0)
      continue;
    bool IsApi = C.Api && (C.Api.Function->Roles & RoleExecute);
    const FunctionDecl *Callee = nullptr;
    CallSummary Summary;
    if (!IsApi) {
      Callee = Ctx.followableCallee(C.Call);
      if (!Callee || Budget == 0)
        continue;
      const CallSummary *S = Ctx.summary(Callee, Budget);
      if (!S || !S->RunsQuery || S->Depth > Budget)
        continue;
      Summary = *S;
    }

    LoopQueryFinding F;
    F.Function = &FD;
    F.Site = C.Call;
    if (IsApi) {
      F.Target = describeQuery(C, Facts);
      F.TargetFunction = &FD;
    } else {
      F.Target = Summary.Target;
      walkChain(C.Call, &FD, Callee, Budget, Ctx, F);
    }
    // What feeds the query, in terms of one group of loop labels; the first
    // expression carrying \p Wanted goes to the finding.
    auto Inputs = [&](int Group, LabelMask Wanted = 0) {
      const ValueFlow &Flow = Flows.flow(Group);
      const Expr **Carrier = Wanted ? &F.Carrier : nullptr;
      if (IsApi)
        return queryInputs(C, Facts, Flow, Wanted, Carrier,
                           &F.CarrierIsSqlText);
      return callInputs(C.Call, Summary, Flow, Wanted, Carrier);
    };
    llvm::SmallDenseMap<int, LabelMask, 2> InputsOfGroup;

    // The loops that run this site once per iteration, innermost first.
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
      int G = Flows.groupOf(E);
      if (G < 0)
        continue;
      auto It = InputsOfGroup.find(G);
      if (It == InputsOfGroup.end())
        It = InputsOfGroup.insert({G, Inputs(G)}).first;
      if (It->second & Flows.labelOf(E)) {
        Chosen = E;
        Conditional = UnderCondition;
        break;
      }
    }
    if (Innermost < 0)
      continue;

    if (F.Target.IsWrite) {
      F.Kind = FindingKind::WriteInLoop;
      F.Loop = Chosen >= 0 ? Chosen : Innermost;
    } else if (Chosen < 0) {
      F.Kind = FindingKind::LoopInvariantQuery;
      F.Loop = Innermost;
    } else {
      F.Loop = Chosen;
      F.Kind = Result.Loops[Chosen].Source == LoopSource::QueryRows
                   ? FindingKind::QueryInLoop
                   : FindingKind::QueryPerElement;
    }
    F.Conditional = Chosen >= 0 ? Conditional : InnermostConditional;
    if (F.Target.Handle && IsApi &&
        !HandleSites.insert({F.Target.Handle, F.Loop}).second)
      continue;
    if (Chosen >= 0)
      Inputs(Flows.groupOf(Chosen), Flows.labelOf(Chosen));
    Result.Findings.push_back(std::move(F));
  }
  return Result;
}

} // namespace nplusone
