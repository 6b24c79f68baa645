//===- AnalysisContext.cpp - Facts cache and call summaries ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/AnalysisContext.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/analysis/ValueFlow.h"
#include "lib/ast/CallSites.h"
#include "lib/support/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace nplusone {

const FunctionFacts &AnalysisContext::facts(const FunctionDecl &FD) {
  std::unique_ptr<FunctionFacts> &Slot = Facts[&FD];
  if (!Slot)
    Slot = std::make_unique<FunctionFacts>(FD, Model);
  return *Slot;
}

const FunctionDecl *AnalysisContext::followableCallee(const Expr *C) const {
  const FunctionDecl *Callee = calleeOf(C);
  if (!Callee || Model.lookup(Callee))
    return nullptr;
  // A virtual call runs the final overrider when the object's class is
  // known here (a value, or a final class or method); otherwise the body
  // of the method named, if it has one.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee); MD && MD->isVirtual())
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
      if (const CXXMethodDecl *Final = MD->getDevirtualizedMethod(
              MC->getImplicitObjectArgument(), /*IsAppleKext=*/false))
        Callee = Final;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def || Def->isDependentContext())
    return nullptr;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

std::vector<RowLoop> AnalysisContext::rowLoops(const FunctionDecl &FD) {
  auto It = Loops.find(&FD);
  if (It != Loops.end())
    return It->second;
  // Classifying a function's loops may ask what a helper returns, and the
  // helper about this function: a cycle answers with no loops.
  if (!LoopsInProgress.insert(&FD).second)
    return {};
  std::vector<RowLoop> Result = classifyLoops(facts(FD), *this);
  LoopsInProgress.erase(&FD);
  // Inside a summary the budget may have cut the classification short.
  if (SummaryBudget == 0)
    Loops[&FD] = Result;
  return Result;
}

bool AnalysisContext::runsInProcess(const LibraryModel &Lib) {
  if (Lib.InProcess || Lib.InProcessDrivers.empty())
    return Lib.InProcess;
  auto [It, Inserted] = InProcessByLibrary.try_emplace(&Lib, false);
  if (!Inserted)
    return It->second;
  // Conservative: a driver chosen at run time, or one client-server driver
  // beside an embedded one, leaves the unit client-server.
  bool Selected = false;
  bool ClientServer = false;
  forEachUnitCall(
      RoleSelectDriver, [&](const CallFacts &C, const FunctionFacts &F) {
        if (C.Api.Library != &Lib)
          return true;
        std::optional<SqlTextParts> Name =
            sqlTextParts(callArg(C.Call, C.Api.Function->SqlArg), &F);
        ClientServer =
            !Name || !llvm::is_contained(Lib.InProcessDrivers, Name->Text);
        Selected = true;
        return !ClientServer;
      });
  return It->second = Selected && !ClientServer;
}

void AnalysisContext::forEachUnitCall(
    unsigned Roles,
    llvm::function_ref<bool(const CallFacts &, const FunctionFacts &)> Visit) {
  for (const FunctionDecl *FD : UnitFunctions) {
    const FunctionFacts &F = facts(*FD);
    for (const CallFacts &C : F.calls())
      if ((C.Roles & Roles) && !Visit(C, F))
        return;
  }
}

const Expr *AnalysisContext::sqlNamed(const LibraryModel *Lib, StringRef Name) {
  if (!Prepared) {
    Prepared.emplace();
    forEachUnitCall(RolePrepareNamed, [&](const CallFacts &C,
                                          const FunctionFacts &F) {
      auto Stored = sqlTextParts(callArg(C.Call, C.Api.Function->NameArg), &F);
      if (!Stored)
        return true;
      auto [It, New] =
          Prepared->try_emplace({C.Api.Library, Stored->Text},
                                callArg(C.Call, C.Api.Function->SqlArg));
      if (!New)
        It->second = nullptr;
      return true;
    });
  }
  auto It = Prepared->find({Lib, Name.str()});
  return It == Prepared->end() ? nullptr : It->second;
}

const CallSummary *AnalysisContext::calleeSummary(const Expr *Call) {
  const FunctionDecl *Callee = followableCallee(Call);
  if (!Callee)
    return nullptr;
  // Each helper handing on another's rows costs one call of the budget, so
  // nesting stays bounded by MaxCallDepth.
  unsigned Budget =
      SummaryBudget == 0 ? Options.MaxCallDepth : SummaryBudget - 1;
  if (Budget == 0) {
    ++RowsCutOff;
    return nullptr;
  }
  return summary(Callee, Budget);
}

RowsOrigin AnalysisContext::rowsReturnedBy(const Expr *Call) {
  const CallSummary *S = calleeSummary(Call);
  return S ? S->ReturnedRows : RowsOrigin();
}

RowsOrigin AnalysisContext::rowsRunOnArgument(const Expr *Call, unsigned Arg) {
  const CallSummary *S = calleeSummary(Call);
  return S && Arg < S->ParamRows.size() ? S->ParamRows[Arg] : RowsOrigin();
}

const CallSummary *AnalysisContext::summary(const FunctionDecl *FD,
                                            unsigned Budget) {
  if (!FD || Budget == 0 || !FD->hasBody())
    return nullptr;
  auto It = Summaries.find(FD);
  if (It != Summaries.end() &&
      (!It->second->Truncated || It->second->Budget >= Budget))
    return &It->second->Summary;
  // A function already being summarised is part of a recursion cycle: the
  // cycle adds nothing new, so it ends here.
  if (!InProgress.insert(FD).second)
    return nullptr;
  SummaryEntry Entry = computeSummary(*FD, Budget);
  InProgress.erase(FD);
  std::unique_ptr<SummaryEntry> &Slot = Summaries[FD];
  Slot = std::make_unique<SummaryEntry>(std::move(Entry));
  return &Slot->Summary;
}

namespace {
/// Seeds \p Flow with one label per parameter of \p FD, and ThisParamBit on
/// `this`. A lambda's captures are members of its closure object: what they
/// carry comes in through the object the lambda is called on.
void seedParameters(ValueFlow &Flow, const FunctionDecl &FD) {
  for (unsigned I = 0; I < FD.getNumParams() && I < ThisParamBit; ++I)
    Flow.seedVariable(FD.getParamDecl(I), LabelMask(1) << I);
  Flow.seedThis(LabelMask(1) << ThisParamBit);
  if (const auto *MD = dyn_cast<CXXMethodDecl>(&FD))
    if (MD->getParent()->isLambda())
      for (const LambdaCapture &Capture : MD->getParent()->captures())
        if (Capture.capturesVariable())
          Flow.seedVariable(capturedVariable(Capture), LabelMask(1)
                                                           << ThisParamBit);
}
} // namespace

bool AnalysisContext::summarizeCall(const CallFacts &C, const FunctionFacts &F,
                                    ValueFlow &Flow, bool &Propagated,
                                    SummaryEntry &Entry, CallSummary &Found) {
  unsigned Budget = Entry.Budget;
  const FunctionDecl *Callee = nullptr;
  const CallSummary *CalleeSummary = nullptr;
  // A memo's query runs the first time only.
  if (runsOnlyOnce(C, F))
    return false;
  if (!(C.Roles & RoleExecute)) {
    if (!(Callee = followableCallee(C.Call)))
      return false;
    if (Budget <= 1) {
      Entry.Truncated = true;
      return false;
    }
    CalleeSummary = summary(Callee, Budget - 1);
    if (!CalleeSummary || !CalleeSummary->RunsQuery ||
        (CalleeSummary->Guard && !guardMayHold(*CalleeSummary->Guard, C.Call)))
      return false;
  }
  if (!Propagated) {
    Flow.propagate();
    Propagated = true;
  }
  if (CalleeSummary) {
    Found = *CalleeSummary;
    Found.ParamFlow = labelInputs(
        [&](InputVisitor Visit) {
          forEachCallInput(C.Call, CalleeSummary->ParamFlow, Visit);
        },
        Flow);
    Found.ViaCallee = Callee;
    Found.Depth = CalleeSummary->Depth + 1;
    auto CalleeIt = Summaries.find(Callee);
    if (CalleeIt != Summaries.end() && CalleeIt->second->Truncated)
      Entry.Truncated = true;
  } else {
    Found.Target = describeQuery(C, F, this);
    Found.ParamFlow = labelInputs(
        [&](InputVisitor Visit) { forEachQueryInput(C, F, Visit); }, Flow);
    Found.Depth = 1;
  }
  Found.Via = C.Call;
  return true;
}

AnalysisContext::SummaryEntry
AnalysisContext::computeSummary(const FunctionDecl &FD, unsigned Budget) {
  SummaryEntry Entry;
  Entry.Budget = Budget;
  const FunctionFacts &F = facts(FD);
  unsigned SavedBudget = SummaryBudget, CutOffBefore = RowsCutOff;
  SummaryBudget = Budget;
  Entry.Truncated = F.truncated();
  CallSummary &S = Entry.Summary;

  ValueFlow Flow(F);
  seedParameters(Flow, FD);
  bool Propagated = false;
  // The summary is the shallowest query reached; every query adds the
  // parameters that feed it, and keeps a guard only all of them share.
  std::optional<ParamGuard> Guard;
  bool First = true;
  for (const CallFacts &C : F.calls()) {
    CallSummary Found;
    if (!summarizeCall(C, F, Flow, Propagated, Entry, Found))
      continue;
    std::optional<ParamGuard> Own = parameterGuard(C, F);
    if (First || !Own || !Guard || !(*Own == *Guard))
      Guard = First ? Own : std::nullopt;
    First = false;
    S.ParamFlow |= Found.ParamFlow;
    if (!S.RunsQuery || Found.Depth < S.Depth) {
      LabelMask All = S.ParamFlow;
      S = Found;
      S.ParamFlow = All;
      S.RunsQuery = true;
    }
  }
  S.Guard = Guard;
  // What it returns: the rows of a read it runs, directly or through a
  // container it fills from them or a helper it calls.
  if (!FD.getReturnType()->isVoidType() && !F.returns().empty())
    S.ReturnedRows = rowsReturnedFrom(F, rowLoops(FD), *this);
  S.ParamRows = rowsRunOnParameters(F, *this);
  if (RowsCutOff != CutOffBefore)
    Entry.Truncated = true;
  SummaryBudget = SavedBudget;
  return Entry;
}

} // namespace nplusone
