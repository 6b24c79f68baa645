//===- CallChain.cpp - From a call in a loop down to its query ------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/CallChain.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace nplusone {

std::vector<ChainStep> callChain(const Expr *Site, const FunctionDecl *Caller,
                                 const FunctionDecl *Callee, unsigned Budget,
                                 AnalysisContext &Ctx, bool ToRead) {
  std::vector<ChainStep> Chain{{Site, Caller, Callee}};
  const Expr *Call = Site;
  while (Callee && Budget > 0) {
    const CallSummary *S = selectedBy(Ctx.summary(Callee, Budget), Call);
    if (ToRead && S && S->Read)
      S = S->Read.get();
    if (!S || !S->RunsQuery || !S->Via)
      break;
    const FunctionDecl *Next = S->ViaCallee;
    Chain.push_back({S->Via, Callee, Next});
    Callee = Next;
    Call = S->Via;
    --Budget;
  }
  return Chain;
}

namespace {

/// One step up the chain: the SQL or statement handle \p Step's call passes
/// for the parameter the query takes it from. False when the query's SQL is
/// not a parameter of the step's callee.
bool resolveStep(const ChainStep &Step, QueryTarget &Target,
                 AnalysisContext &Ctx) {
  const auto *HandleParam = dyn_cast_or_null<ParmVarDecl>(Target.Handle);
  if (const ParmVarDecl *SqlParam = textParameter(Target.Sql)) {
    Target.Sql = callArg(Step.Call, SqlParam->getFunctionScopeIndex());
    return true;
  }
  if (Target.Sql || !HandleParam)
    return false;
  Target.Handle =
      rootDecl(callArg(Step.Call, HandleParam->getFunctionScopeIndex()));
  const CallFacts *Last = FunctionFacts::lastBefore(
      Ctx.facts(*Step.Caller).preparesOf(Target.Handle),
      Step.Call->getBeginLoc());
  if (Last)
    Target.Sql = callArg(Last->Call, Last->Api.Function->SqlArg);
  return true;
}
} // namespace

void resolveThroughChain(llvm::ArrayRef<ChainStep> Chain, QueryTarget &Target,
                         const FunctionDecl *&Owner, AnalysisContext &Ctx) {
  for (size_t I = Chain.size(); I-- > 0;) {
    const ChainStep &Step = Chain[I];
    if (!Step.Callee || Step.Callee != Owner)
      continue;
    if (!resolveStep(Step, Target, Ctx))
      break;
    Owner = Step.Caller;
  }
  if (auto Text = leadingSqlText(Target.Sql, &Ctx.facts(*Owner))) {
    // A command language (Redis) is classified where its call is.
    bool Sql = !Target.Library || Target.Library->speaksSql();
    if (Sql)
      classifyByText(Target, *Text);
  }
}

const CallSummary *reachedQuery(const Expr *Site, const FunctionDecl *Caller,
                                const FunctionDecl *Callee,
                                AnalysisContext &Ctx, QueryTarget &Target,
                                const FunctionDecl *&Owner) {
  unsigned Budget = Ctx.options().MaxCallDepth;
  const CallSummary *S = selectedBy(Ctx.summary(Callee, Budget), Site);
  if (!S || !S->RunsQuery)
    return nullptr;
  Target = S->Target;
  std::vector<ChainStep> Chain = callChain(Site, Caller, Callee, Budget, Ctx);
  Owner = Chain.back().Caller;
  resolveThroughChain(Chain, Target, Owner, Ctx);
  return S;
}

std::string chainName(llvm::ArrayRef<ChainStep> Chain, const FunctionDecl *F) {
  llvm::SmallVector<const FunctionDecl *, 8> Among;
  for (const ChainStep &S : Chain)
    Among.append({S.Caller, S.Callee});
  return messageName(F, Among);
}

} // namespace nplusone
