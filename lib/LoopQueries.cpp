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

/// One label bit per loop whose rows or elements can feed a query. A
/// function with more such loops than bits labels its row loops first; the
/// sites of unlabelled loops are still found, as loop-invariant.
class LoopLabels {
public:
  explicit LoopLabels(llvm::ArrayRef<RowLoop> Loops) : Bits(Loops.size(), 0) {
    unsigned Next = 0;
    for (LoopSource Wanted : {LoopSource::QueryRows, LoopSource::Elements})
      for (size_t I = 0; I < Loops.size() && Next < 64; ++I)
        if (Loops[I].Source == Wanted && !Loops[I].RunsAtMostOnce)
          Bits[I] = LabelMask(1) << Next++;
  }
  LabelMask of(int Loop) const {
    return Loop >= 0 && static_cast<size_t>(Loop) < Bits.size() ? Bits[Loop]
                                                                : 0;
  }

private:
  std::vector<LabelMask> Bits;
};

void seedLoops(ValueFlow &Flow, llvm::ArrayRef<RowLoop> Loops,
               const LoopLabels &Labels) {
  for (size_t I = 0; I < Loops.size(); ++I) {
    const RowLoop &L = Loops[I];
    LabelMask Label = Labels.of(static_cast<int>(I));
    if (!Label)
      continue;
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
}

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

  ValueFlow Flow(Facts);
  LoopLabels Labels(Result.Loops);
  seedLoops(Flow, Result.Loops, Labels);
  bool Propagated = false;
  unsigned Budget = Ctx.options().MaxCallDepth;
  // A statement handle stepped twice in one iteration is one query.
  llvm::DenseSet<std::pair<const ValueDecl *, int>> HandleSites;

  for (const CallFacts &C : Facts.calls()) {
    if (C.Loop < 0)
      continue;
    bool IsApi = C.Api && (C.Api.Function->Roles & RoleExecute);
    const FunctionDecl *Callee = nullptr;
    const CallSummary *Summary = nullptr;
    if (!IsApi) {
      Callee = Ctx.followableCallee(C.Call);
      if (!Callee || Budget == 0)
        continue;
      Summary = Ctx.summary(Callee, Budget);
      if (!Summary || !Summary->RunsQuery || Summary->Depth > Budget)
        continue;
    }
    if (!Propagated) {
      Flow.propagate();
      Propagated = true;
    }

    LoopQueryFinding F;
    F.Function = &FD;
    F.Site = C.Call;
    LabelMask Inputs;
    if (IsApi) {
      F.Target = describeQuery(C, Facts);
      F.TargetFunction = &FD;
      Inputs = queryInputs(C, Facts, Flow);
    } else {
      F.Target = Summary->Target;
      Inputs = callInputs(C.Call, *Summary, Flow);
      walkChain(C.Call, &FD, Callee, Budget, Ctx, F);
    }

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
      if (L.Source != LoopSource::None && (Inputs & Labels.of(E))) {
        Chosen = E;
        Conditional = UnderCondition;
        break;
      }
    }
    if (Chosen < 0)
      Conditional = InnermostConditional;
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
    F.Conditional = Conditional;
    if (F.Target.Handle && IsApi &&
        !HandleSites.insert({F.Target.Handle, F.Loop}).second)
      continue;

    LabelMask Label = Labels.of(F.Loop);
    if (Label & Inputs) {
      if (IsApi)
        queryInputs(C, Facts, Flow, Label, &F.Carrier, &F.CarrierIsSqlText);
      else
        callInputs(C.Call, *Ctx.summary(Callee, Budget), Flow, Label,
                   &F.Carrier);
    }
    Result.Findings.push_back(std::move(F));
  }
  return Result;
}

} // namespace nplusone
