//===- AnalysisContext.cpp - Facts cache and call summaries ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/AnalysisContext.h"
#include "lib/analysis/PerElementAlgorithms.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/analysis/ValueFlow.h"
#include "lib/api/StandardApis.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/sql/SqlLexer.h"
#include "lib/support/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/Mangle.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace nplusone {

AnalysisContext::AnalysisContext(const ApiModel &Model, AnalysisOptions Options)
    : Model(Model), Options(Options) {}

AnalysisContext::~AnalysisContext() = default;

const FunctionFacts &AnalysisContext::facts(const FunctionDecl &FD) {
  if (auto It = Facts.find(&FD); It != Facts.end())
    return *It->second;
  const FunctionFacts &First =
      *(Facts[&FD] = std::make_unique<FunctionFacts>(FD, Model));
  // A per-row callback held in a pointer or std::function: its target is
  // known only from facts (this function's and others'), so the body is
  // walked again with it, the callback walked in place.
  HeldCallbackTargets Targets;
  for (const Expr *Callable : First.heldCallbacks())
    if (const FunctionDecl *Target = heldFunction(Callable))
      Targets[Callable] = Target;
  if (Targets.empty())
    return First;
  std::unique_ptr<FunctionFacts> &Slot = Facts[&FD];
  Rewalked.push_back(std::move(Slot));
  Slot = std::make_unique<FunctionFacts>(FD, Model, &Targets);
  return *Slot;
}

namespace {
/// std::function forwards from parameter to parameter a few calls deep at
/// most; a cycle of forwarding functions ends here too.
constexpr unsigned MaxHeldFunctionDepth = 4;

} // namespace

const CallSummary *selectedBy(const CallSummary *S, const Expr *Call) {
  if (!S || !S->TargetGuard || !Call)
    return S;
  std::optional<bool> Holds = guardOutcome(*S->TargetGuard, Call);
  if (!Holds)
    return S;
  return *Holds ? S->Taken.get() : S->Otherwise.get();
}

const Expr *callableWrapperCalled(const Expr *C) {
  const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(C);
  if (!OC || OC->getOperator() != OO_Call || OC->getNumArgs() == 0)
    return nullptr;
  const Expr *Obj = OC->getArg(0);
  return isCallableWrapper(Obj->getType()->getAsCXXRecordDecl()) ? Obj
                                                                 : nullptr;
}

const FunctionDecl *AnalysisContext::heldFunction(const Expr *Value,
                                                  unsigned Depth) {
  Value = withoutStdMove(stripTemporaries(Value));
  if (const FunctionDecl *Target = callableBody(Value))
    return Target;
  if (Depth >= MaxHeldFunctionDepth)
    return nullptr;
  const Expr *Held = stripTemporaries(Value);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(Held))
    if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return fieldFunction(Field, Depth + 1);
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Held);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD)
    return nullptr;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
  if (!Owner || !Owner->doesThisDeclarationHaveABody())
    return nullptr;
  // Assigned anew in its function: not what the callers passed.
  if (const auto *P = dyn_cast<ParmVarDecl>(VD))
    return facts(*Owner).writeCount(P) == 0 ? passedFunction(P, Depth + 1)
                                            : nullptr;
  const Expr *Only = singleValue(VD, &facts(*Owner));
  return Only ? heldFunction(Only, Depth + 1) : nullptr;
}

const FunctionDecl *AnalysisContext::passedFunction(const ParmVarDecl *P,
                                                    unsigned Depth) {
  auto [It, New] = PassedFunctions.try_emplace(P, nullptr);
  if (!New)
    return It->second;
  const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
  unsigned Index = P->getFunctionScopeIndex();
  const FunctionDecl *Found = nullptr;
  bool Called = false, Agree = true;
  forEachUnitCall(0, [&](const CallFacts &C, const FunctionFacts &F) {
    const FunctionDecl *Callee = calleeOf(C.Call);
    if (!FD || !Callee || Callee->getCanonicalDecl() != FD->getCanonicalDecl())
      return true;
    const FunctionDecl *Passed = heldFunction(callArg(C.Call, Index), Depth);
    Agree = Passed && (!Called || Passed == Found);
    Found = Passed;
    Called = true;
    return Agree;
  });
  const FunctionDecl *Result = Called && Agree ? Found : nullptr;
  PassedFunctions[P] = Result;
  return Result;
}

const FunctionDecl *AnalysisContext::fieldFunction(const FieldDecl *Field,
                                                   unsigned Depth) {
  auto [It, New] = FieldFunctions.try_emplace(Field, nullptr);
  if (!New)
    return It->second;
  llvm::SmallVector<const Expr *, 4> Values;
  if (const Expr *Init = Field->getInClassInitializer())
    Values.push_back(Init);
  for (const FunctionDecl *FD : UnitFunctions)
    storesInto(Field, facts(*FD), Values);
  const FunctionDecl *Found = nullptr;
  bool Agree = !Values.empty();
  for (const Expr *Value : Values) {
    const FunctionDecl *Target = Value ? heldFunction(Value, Depth) : nullptr;
    Agree = Target && (!Found || Target == Found);
    if (!Agree)
      break;
    Found = Target;
  }
  return FieldFunctions[Field] = Agree ? Found : nullptr;
}

void AnalysisContext::storesInto(const FieldDecl *Field, const FunctionFacts &F,
                                 llvm::SmallVectorImpl<const Expr *> &Values) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F.function()))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() == Field && Init->isWritten())
        Values.push_back(Init->getInit());
  for (const FlowEdge &E : F.edges()) {
    // `on_row_ = f` in a method; anything else writing the member (an
    // out-argument, a method changing it) is a value not known: null.
    if (E.Dst == Field) {
      Values.push_back(E.Update ? nullptr : E.Src);
      continue;
    }
    // `h->on_row = f`.
    const auto *BO = dyn_cast_or_null<BinaryOperator>(E.Update);
    if (BO && BO->getOpcode() == BO_Assign && namedField(BO->getLHS()) == Field)
      Values.push_back(BO->getRHS());
    // `struct handlers h = {.on_row = f};`
    const auto *IL = dyn_cast_or_null<InitListExpr>(stripTemporaries(E.Src));
    if (!E.Update && IL &&
        IL->getType()->getAsRecordDecl() == Field->getParent())
      Values.push_back(Field->getFieldIndex() < IL->getNumInits()
                           ? IL->getInit(Field->getFieldIndex())
                           : nullptr);
  }
  // `imp.on_row_ = f` on a std::function member of another object.
  for (const CallFacts &C : F.calls())
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C.Call);
        OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        namedField(OC->getArg(0)) == Field)
      Values.push_back(OC->getArg(1));
}

const FunctionDecl *AnalysisContext::followableCallee(const Expr *C) {
  const FunctionDecl *Callee = calleeOf(C);
  // `visit(row)` on a std::function runs the one function it can hold.
  if (const Expr *Wrapper = callableWrapperCalled(C))
    Callee = heldFunction(Wrapper);
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

std::vector<std::string> AnalysisContext::selectedDrivers() {
  std::vector<std::string> Result;
  forEachUnitCall(
      RoleSelectDriver, [&](const CallFacts &C, const FunctionFacts &F) {
        std::optional<SqlTextParts> Name =
            sqlTextParts(callArg(C.Call, C.Api.Function->SqlArg), &F);
        Result.push_back(std::string(C.Api.Library->Name) + ":" +
                         (Name ? Name->Text : ""));
        return true;
      });
  return Result;
}

bool AnalysisContext::runsInProcess(const LibraryModel &Lib) {
  if (Lib.InProcess || Lib.InProcessDrivers.empty())
    return Lib.InProcess;
  auto [It, Inserted] = InProcessByLibrary.try_emplace(&Lib, false);
  if (!Inserted)
    return It->second;
  std::string Prefix = std::string(Lib.Name) + ":";
  auto Of = [&](std::vector<std::string> All) {
    llvm::erase_if(
        All, [&](const std::string &D) { return !startsWith(D, Prefix); });
    return All;
  };
  // The unit's own choice; when it makes none, the program's (whole-program
  // mode: the unit that opens the database is often another).
  std::vector<std::string> Drivers = Of(selectedDrivers());
  if (Drivers.empty() && Store)
    Drivers = Of(Store->drivers());
  // Conservative: a driver chosen at run time, or one client-server driver
  // beside an embedded one, leaves the unit client-server.
  return It->second =
             !Drivers.empty() && llvm::all_of(Drivers, [&](StringRef D) {
               return llvm::is_contained(Lib.InProcessDrivers,
                                         D.drop_front(Prefix.size()));
             });
}

void AnalysisContext::forEachUnitCall(
    unsigned Roles,
    llvm::function_ref<bool(const CallFacts &, const FunctionFacts &)> Visit) {
  for (const FunctionDecl *FD : UnitFunctions) {
    const FunctionFacts &F = facts(*FD);
    for (const CallFacts &C : F.calls())
      if ((Roles == 0 || (C.Roles & Roles)) && !Visit(C, F))
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
      auto [It, New] = Prepared->try_emplace(
          {C.Api.Library, Stored->Text},
          textSource(callArg(C.Call, C.Api.Function->SqlArg), F));
      if (!New)
        It->second = nullptr;
      return true;
    });
  }
  auto It = Prepared->find({Lib, Name.str()});
  return It == Prepared->end() ? nullptr : It->second;
}

const Expr *AnalysisContext::sqlInField(const FieldDecl *Field) {
  if (!FieldStatements) {
    FieldStatements.emplace();
    forEachUnitCall(RolePrepare, [&](const CallFacts &C,
                                     const FunctionFacts &F) {
      const FieldDecl *Into = F.handleFieldOf(C);
      if (!Into)
        return true;
      const Expr *Sql = textSource(callArg(C.Call, C.Api.Function->SqlArg), F);
      auto [It, New] = FieldStatements->try_emplace(Into, Sql);
      // A member prepared again with other text holds either statement.
      auto Text = [](const Expr *E) {
        std::optional<SqlTextParts> Parts = sqlTextParts(E, nullptr);
        return Parts ? std::optional<std::string>(Parts->Text) : std::nullopt;
      };
      if (!New && It->second && (!Text(Sql) || Text(Sql) != Text(It->second)))
        It->second = nullptr;
      return true;
    });
  }
  return FieldStatements->lookup(Field);
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
  if (const CallSummary *S = calleeSummary(Call))
    return S->ReturnedRows;
  return remoteRows(Call);
}

const FunctionDecl *AnalysisContext::remoteCallee(const Expr *C) const {
  const FunctionDecl *Callee = calleeOf(C);
  if (!Callee || Model.lookup(Callee) || Callee->hasBody())
    return nullptr;
  const SourceManager &SM = Callee->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Callee->getLocation()))
    return nullptr;
  return Callee;
}

std::string AnalysisContext::linkageKeyOf(const FunctionDecl *FD) {
  if (!Mangler)
    Mangler.reset(FD->getASTContext().createMangleContext());
  return linkageKey(FD, *Mangler);
}

const CallSummary *AnalysisContext::remoteSummary(const Expr *Call,
                                                  unsigned Budget) {
  const FunctionDecl *Remote = Store ? remoteCallee(Call) : nullptr;
  std::string Key = Remote ? linkageKeyOf(Remote) : "";
  if (Key.empty() || Budget == 0)
    return nullptr;
  std::unique_ptr<CallSummary> &Slot = RemoteSummaries[{Key, Budget}];
  if (Slot)
    return Slot->RunsQuery ? Slot.get() : nullptr;
  Slot = std::make_unique<CallSummary>();
  const SummaryQuery *Q = Store->query(Key, Budget);
  if (!Q)
    return nullptr;
  CallSummary &S = *Slot;
  S = fromRemote(*Q);
  if (Q->TargetGuard && Q->Otherwise) {
    S.TargetGuard = fromSummaryGuard(Q->TargetGuard);
    auto Taken = std::make_shared<CallSummary>(fromRemote(*Q));
    Taken->ParamFlow = Q->TakenFlow;
    Taken->Guard = S.TargetGuard;
    S.Taken = std::move(Taken);
    S.Otherwise = std::make_shared<CallSummary>(fromRemote(*Q->Otherwise));
  }
  return &S;
}

CallSummary AnalysisContext::fromRemote(const SummaryQuery &Q) const {
  CallSummary S;
  S.RunsQuery = true;
  S.Depth = Q.Depth;
  S.ParamFlow = Q.ParamFlow;
  S.Conditional = Q.Conditional;
  S.Guard = fromSummaryGuard(Q.Guard);
  S.Remote = &Q;
  S.Target.Library = Model.libraryNamed(Q.Library);
  S.Target.IsWrite = Q.Kind == SummaryQueryKind::Write;
  S.Target.IsLazyLoad = Q.Kind == SummaryQueryKind::LazyLoad;
  S.Target.Relation = Q.Relation;
  if (!Q.Keyword.empty())
    S.Target.WriteKeyword = Q.Keyword.c_str();
  if (!Q.Sql.empty() && (!S.Target.Library || S.Target.Library->speaksSql()))
    classifyByText(S.Target, Q.Sql);
  return S;
}

RowsOrigin AnalysisContext::remoteRows(const Expr *Call) {
  const FunctionDecl *Remote = remoteCallee(Call);
  RowsOrigin Rows;
  if (!Remote || Remote->getReturnType()->isVoidType())
    return Rows;
  if (Exporting) {
    Rows.RowsOf = Remote;
    return Rows;
  }
  std::string Key = Store ? linkageKeyOf(Remote) : "";
  unsigned Budget =
      SummaryBudget == 0 ? Options.MaxCallDepth : SummaryBudget - 1;
  const SummaryRows *Found = Key.empty() ? nullptr : Store->rows(Key, Budget);
  if (!Found)
    return Rows;
  Rows.Remote = Found;
  Rows.Library = Model.libraryNamed(Found->Library);
  Rows.Table = Found->Table;
  return Rows;
}

RowsOrigin AnalysisContext::rowsRunOnArgument(const Expr *Call, unsigned Arg) {
  const CallSummary *S = calleeSummary(Call);
  return S && Arg < S->ParamRows.size() ? S->ParamRows[Arg] : RowsOrigin();
}

RowsOrigin AnalysisContext::rowsStoredIn(const FieldDecl *Field) {
  if (!FieldFillers) {
    // Which functions write a data member inside a loop: the only ones
    // whose loops need classifying for it.
    FieldFillers.emplace();
    for (const FunctionDecl *FD : UnitFunctions)
      for (const FlowEdge &E : facts(*FD).edges())
        if (E.Field && E.Loop >= 0) {
          auto &Fillers = (*FieldFillers)[E.Field];
          if (Fillers.empty() || Fillers.back() != FD)
            Fillers.push_back(FD);
        }
  }
  auto It = FieldFillers->find(Field);
  if (It == FieldFillers->end())
    return {};
  for (const FunctionDecl *FD : It->second)
    if (RowsOrigin Rows = rowsStoredInField(facts(*FD), rowLoops(*FD), Field))
      return Rows;
  return {};
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
/// Propagates \p Flow the first time a call needs its labels.
void propagateOnce(ValueFlow &Flow, bool &Propagated) {
  if (!Propagated) {
    Flow.propagate();
    Propagated = true;
  }
}

/// The argument a call passes for parameter \p Param (ImplicitObject: the
/// object), as its text (run-time values as holes) and as the parameter of
/// \p F it is.
std::pair<std::string, int> argumentShape(const Expr *Call, int Param,
                                          const FunctionFacts &F) {
  const Expr *Arg = callArg(Call, Param);
  std::pair<std::string, int> Shape{"", -1};
  if (!Arg || Param == ImplicitObject)
    return Shape;
  // Its text with the run-time values as holes, or at least the text it
  // starts with and a hole for the rest (`query << "UPDATE ..." << id`):
  // enough to tell an UPDATE from a SELECT in the callee.
  if (auto Text = sqlTextParts(Arg, &F))
    Shape.first = Text->Text;
  else if (auto Lead = leadingSqlText(Arg, &F))
    Shape.first = *Lead + SqlHole;
  if (const auto *P = dyn_cast_or_null<ParmVarDecl>(rootDecl(Arg)))
    if (P->getDeclContext() == &F.function())
      Shape.second = static_cast<int>(P->getFunctionScopeIndex());
  return Shape;
}

/// Adds \p E to \p Edges: one edge per remote function, the shallowest, with
/// the flows of every path; a bounded number in all.
void mergeEdge(std::vector<RemoteCallEdge> &Edges, RemoteCallEdge E) {
  constexpr size_t MaxEdges = 64;
  for (RemoteCallEdge &Old : Edges) {
    if (Old.Call.Key != E.Call.Key)
      continue;
    std::vector<uint64_t> &Flow = E.Call.ArgFlow;
    for (size_t I = 0; I < Old.Call.ArgFlow.size() && I < Flow.size(); ++I)
      Flow[I] |= Old.Call.ArgFlow[I];
    // Made on every path when either call is; under a test only when both
    // are under the same.
    E.Call.Conditional &= Old.Call.Conditional;
    Old.Call.Conditional = E.Call.Conditional;
    if (!(E.Call.Guard == Old.Call.Guard))
      E.Call.Guard = Old.Call.Guard = std::nullopt;
    if (E.Call.Depth < Old.Call.Depth)
      Old = std::move(E);
    else
      Old.Call.ArgFlow = std::move(Flow);
    return;
  }
  if (Edges.size() < MaxEdges)
    Edges.push_back(std::move(E));
}

/// Keeps in \p Read the shallowest read a call reaches, \p Found itself or
/// the read behind its write; \p Conditional: the call runs on some paths.
void noteRead(const CallSummary &Found, bool Conditional,
              std::shared_ptr<const CallSummary> &Read) {
  bool IsRead = !Found.Target.IsWrite && !Found.Target.IsSession &&
                !Found.Target.IsLazyLoad;
  const CallSummary *Candidate = IsRead ? &Found : Found.Read.get();
  if (!Candidate || (Read && Read->Depth <= Candidate->Depth))
    return;
  auto Copy = std::make_shared<CallSummary>(*Candidate);
  Copy->Read = nullptr;
  Copy->Guard = std::nullopt;
  Copy->RunsQuery = true;
  Copy->Conditional |= Conditional;
  Read = std::move(Copy);
}

/// The queries of a function grouped by the test of a parameter each runs
/// under (none is a group too): per group the shallowest, the parameters
/// feeding any of them, and whether each runs on some paths only.
class GuardedQueries {
public:
  void add(const std::optional<ParamGuard> &Own, const CallSummary &Found,
           bool Conditional) {
    auto It = llvm::find_if(Groups, [&](const Group &G) {
      return G.Guard.has_value() == Own.has_value() &&
             (!Own || *G.Guard == *Own);
    });
    if (It == Groups.end()) {
      if (Groups.size() == MaxGroups)
        return;
      Groups.push_back({Own, Found});
      It = Groups.end() - 1;
    } else if (Found.Depth < It->Shallowest.Depth)
      It->Shallowest = Found;
    It->Flow |= Found.ParamFlow;
    It->AllConditional &= Conditional;
  }

  /// For \p S, the query chosen, run under \p Chosen: what a call that
  /// passes the test runs (that query, fed by its group's parameters only)
  /// and what a call failing it runs (the shallowest of the other groups).
  void selectBranches(CallSummary &S,
                      const std::optional<ParamGuard> &Chosen) const {
    if (!Chosen)
      return;
    const Group *Best = nullptr, *Own = nullptr;
    LabelMask Flow = 0;
    bool AllConditional = true;
    unsigned Others = 0;
    for (const Group &G : Groups) {
      if (G.Guard && *G.Guard == *Chosen) {
        Own = &G;
        continue;
      }
      ++Others;
      Flow |= G.Flow;
      AllConditional &= G.AllConditional;
      if (!Best || G.Shallowest.Depth < Best->Shallowest.Depth)
        Best = &G;
    }
    if (!Best || !Own)
      return;
    auto Branch = [](const CallSummary &From, LabelMask Flow, bool Conditional,
                     std::optional<ParamGuard> Guard) {
      auto B = std::make_shared<CallSummary>(From);
      B->RunsQuery = true;
      B->ParamFlow = Flow;
      B->Conditional = Conditional;
      B->Guard = Guard;
      B->RemoteCalls.clear();
      return B;
    };
    S.TargetGuard = Chosen;
    S.Taken = Branch(S, Own->Flow, Own->AllConditional, Chosen);
    // The other queries' test, when they all run under one.
    S.Otherwise = Branch(Best->Shallowest, Flow, AllConditional,
                         Others == 1 ? Best->Guard : std::nullopt);
  }

private:
  static constexpr size_t MaxGroups = 8;
  struct Group {
    std::optional<ParamGuard> Guard;
    CallSummary Shallowest;
    LabelMask Flow = 0;
    bool AllConditional = true;
  };
  llvm::SmallVector<Group, 2> Groups;
};

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
  bool GuardHolds = false;
  // A memo's query runs the first time only.
  if (runsOnlyOnce(C, F))
    return false;
  // A relation a helper loads lazily is a query its callers run too.
  const Expr *Lazy = lazyLoadObject(C, F);
  if (!(C.Roles & RoleExecute) && !Lazy) {
    Callee = followableCallee(C.Call);
    const FunctionDecl *Remote = Callee ? nullptr : remoteCallee(C.Call);
    if (!Callee && !Remote)
      return false;
    if (Budget <= 1) {
      Entry.Truncated = true;
      return false;
    }
    if (Remote && Exporting) {
      propagateOnce(Flow, Propagated);
      recordRemoteCalls(C, F, Remote, nullptr, Flow, Entry);
      return false;
    }
    CalleeSummary = Remote ? remoteSummary(C.Call, Budget - 1)
                           : summary(Callee, Budget - 1);
    Callee = Remote ? Remote : Callee;
    if (CalleeSummary && !CalleeSummary->RemoteCalls.empty()) {
      propagateOnce(Flow, Propagated);
      recordRemoteCalls(C, F, nullptr, CalleeSummary, Flow, Entry);
    }
    // The branch the call's constants pick, then the test it runs under.
    CalleeSummary = selectedBy(CalleeSummary, C.Call);
    std::optional<bool> Holds =
        CalleeSummary && CalleeSummary->Guard
            ? guardOutcome(*CalleeSummary->Guard, C.Call)
            : std::nullopt;
    if (!CalleeSummary || !CalleeSummary->RunsQuery || Holds == false)
      return false;
    GuardHolds = Holds == true;
  }
  propagateOnce(Flow, Propagated);
  if (CalleeSummary) {
    Found = throughCall(*CalleeSummary, C, F, Flow, Callee, GuardHolds);
    if (CalleeSummary->Read)
      Found.Read = std::make_shared<CallSummary>(
          throughCall(*CalleeSummary->Read, C, F, Flow, Callee, false));
    auto CalleeIt = Summaries.find(Callee);
    if (CalleeIt != Summaries.end() && CalleeIt->second->Truncated)
      Entry.Truncated = true;
  } else if (Lazy) {
    Found.Target.ApiCall = C.Call;
    Found.Target.Library = C.Api.Library;
    Found.Target.IsLazyLoad = true;
    Found.Target.Relation = lazyRelationName(C, F);
    Found.ParamFlow =
        labelInputs([&](InputVisitor Visit) { Visit(Lazy, false); }, Flow);
    Found.Depth = 1;
  } else {
    Found.Target = describeQuery(C, F, this);
    Found.ParamFlow = labelInputs(
        [&](InputVisitor Visit) { forEachQueryInput(C, F, Visit); }, Flow);
    Found.Depth = 1;
  }
  Found.Via = C.Call;
  return true;
}

CallSummary
AnalysisContext::throughCall(const CallSummary &Sub, const CallFacts &C,
                             const FunctionFacts &F, const ValueFlow &Flow,
                             const FunctionDecl *Callee, bool GuardHolds) {
  CallSummary Found = Sub;
  Found.RemoteCalls.clear();
  Found.Read = nullptr;
  // The callee's choice between its branches was made at this call.
  Found.TargetGuard = std::nullopt;
  Found.Taken = Found.Otherwise = nullptr;
  Found.ParamFlow = labelInputs(
      [&](InputVisitor Visit) {
        forEachCallInput(C.Call, Sub.ParamFlow, F, Visit);
      },
      Flow);
  Found.ViaCallee = Callee;
  Found.Depth = Sub.Depth + 1;
  // A constant that passes the callee's test runs its query every time.
  Found.Conditional = Sub.Conditional && !GuardHolds;
  Found.Via = C.Call;
  return Found;
}

void AnalysisContext::recordRemoteCalls(
    const CallFacts &C, const FunctionFacts &F, const FunctionDecl *Remote,
    const CallSummary *Local, const ValueFlow &Flow, SummaryEntry &Entry) {
  // The labels, text and parameter of what the call passes for a parameter
  // of the callee (bits of \p Mask), in this function's terms.
  auto Passed = [&](LabelMask Mask) {
    return labelInputs(
        [&](InputVisitor Visit) { forEachCallInput(C.Call, Mask, F, Visit); },
        Flow);
  };
  if (Remote) {
    RemoteCallEdge E;
    E.Remote = Remote;
    E.Call.Key = linkageKeyOf(Remote);
    if (E.Call.Key.empty())
      return;
    unsigned N = std::min<unsigned>(Remote->getNumParams(), ThisParamBit);
    for (unsigned I = 0; I <= N; ++I) {
      int Param = I == N ? ImplicitObject : static_cast<int>(I);
      unsigned Bit = I == N ? ThisParamBit : I;
      E.Call.ArgFlow.push_back(Passed(LabelMask(1) << Bit));
      auto [Text, Own] = argumentShape(C.Call, Param, F);
      E.Call.ArgText.push_back(Text);
      E.Call.ArgParam.push_back(Own);
    }
    E.Call.Conditional = runsConditionally(C, F);
    E.Call.Guard = toSummaryGuard(parameterGuard(C, F));
    E.Chain.push_back({C.Call, &F.function(), Remote});
    mergeEdge(Entry.Edges, std::move(E));
    return;
  }
  for (const RemoteCallEdge &Inner : Local->RemoteCalls) {
    RemoteCallEdge E = Inner;
    E.Call.Depth = Inner.Call.Depth + 1;
    E.Call.Conditional = Inner.Call.Conditional || runsConditionally(C, F);
    E.Call.Guard = toSummaryGuard(parameterGuard(C, F));
    for (size_t I = 0; I < Inner.Call.ArgFlow.size(); ++I) {
      E.Call.ArgFlow[I] = Passed(Inner.Call.ArgFlow[I]);
      int P = Inner.Call.ArgParam[I];
      auto [Text, Own] = P >= 0 ? argumentShape(C.Call, P, F)
                                : std::pair<std::string, int>("", -1);
      if (E.Call.ArgText[I].empty())
        E.Call.ArgText[I] = Text;
      E.Call.ArgParam[I] = Own;
    }
    E.Chain.insert(E.Chain.begin(), {C.Call, &F.function(), calleeOf(C.Call)});
    mergeEdge(Entry.Edges, std::move(E));
  }
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
  std::optional<ParamGuard> Guard, ChosenGuard;
  GuardedQueries Groups;
  bool First = true, AllConditional = true;
  std::shared_ptr<const CallSummary> Read;
  for (const CallFacts &C : F.calls()) {
    CallSummary Found;
    if (!summarizeCall(C, F, Flow, Propagated, Entry, Found))
      continue;
    bool OnSomePaths = runsConditionally(C, F);
    bool Conditional = Found.Conditional || OnSomePaths;
    noteRead(Found, OnSomePaths, Read);
    AllConditional &= Conditional;
    std::optional<ParamGuard> Own = parameterGuard(C, F);
    Groups.add(Own, Found, Conditional);
    if (First || !Own || !Guard || !(*Own == *Guard))
      Guard = First ? Own : std::nullopt;
    First = false;
    S.ParamFlow |= Found.ParamFlow;
    if (!S.RunsQuery || Found.Depth < S.Depth) {
      LabelMask All = S.ParamFlow;
      S = Found;
      S.ParamFlow = All;
      S.RunsQuery = true;
      ChosenGuard = Own;
    }
  }
  S.Guard = Guard;
  S.Conditional = S.RunsQuery && AllConditional;
  S.Read = S.RunsQuery && S.Target.IsWrite ? Read : nullptr;
  S.RemoteCalls = std::move(Entry.Edges);
  // What it returns: the rows of a read it runs, directly or through a
  // container it fills from them or a helper it calls.
  if (!FD.getReturnType()->isVoidType() && !F.returns().empty())
    S.ReturnedRows = rowsReturnedFrom(F, rowLoops(FD), *this);
  S.ParamRows = rowsRunOnParameters(F, *this);
  Groups.selectBranches(S, ChosenGuard);
  if (RowsCutOff != CutOffBefore)
    Entry.Truncated = true;
  SummaryBudget = SavedBudget;
  return Entry;
}

} // namespace nplusone
