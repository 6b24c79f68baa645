//===- BatchPlanner.cpp - Planning the batched form of a read -------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/BatchPlanner.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "lib/sql/SqlJoin.h"
#include "lib/sql/SqlLexer.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <cctype>

using namespace clang;
using llvm::StringRef;

namespace nplusone {

namespace {

SqlDialect dialectFor(const LoopQueryFinding &F, AnalysisContext &Ctx) {
  if (Ctx.options().Dialect != SqlDialect::Auto)
    return Ctx.options().Dialect;
  return F.Target.Library ? F.Target.Library->Dialect : SqlDialect::Generic;
}

/// Which placeholder of \p Text the finding's row value goes to: by the
/// argument position it is passed at, or by the bind call that binds it.
int keyPlaceholderOf(const LoopQueryFinding &F, StringRef Text,
                     const FunctionFacts &Facts) {
  if (!F.Chain.empty() || !F.Carrier)
    return -1;
  if (F.CarrierIsSqlText)
    return onlyHole(Text);
  const CallFacts *C = Facts.factsOf(F.Target.ApiCall);
  if (!C || !C->Api)
    return -1;
  const ApiFunction &Fn = *C->Api.Function;
  if (Fn.FirstParamArg != NoArg)
    for (int I = Fn.FirstParamArg; const Expr *Arg = callArg(C->Call, I); ++I)
      if (Arg == F.Carrier)
        return placeholderForParameter(
            Text, static_cast<unsigned>(I - Fn.FirstParamArg));
  if (!F.Target.Handle)
    return -1;
  // The bind call whose value is the row's: by its position argument, or by
  // its order among the binds of the iteration.
  unsigned Order = 0;
  for (const CallFacts *B : Facts.bindsOf(F.Target.Handle)) {
    const ApiFunction &BF = *B->Api.Function;
    bool SameIteration = B->Loop == C->Loop;
    if (callArg(B->Call, BF.ValueArg) != F.Carrier) {
      Order += SameIteration;
      continue;
    }
    if (BF.FirstParamArg == NoArg)
      return placeholderForParameter(Text, Order);
    const Expr *Pos = stripTemporaries(callArg(B->Call, BF.FirstParamArg));
    if (!Pos)
      return -1;
    if (const auto *Name = dyn_cast<StringLiteral>(Pos))
      return Name->getCharByteWidth() == 1
                 ? placeholderNamed(Text, Name->getString())
                 : -1;
    Expr::EvalResult Value;
    if (Pos->isValueDependent() ||
        !Pos->EvaluateAsInt(Value, Facts.function().getASTContext()))
      return -1;
    int64_t N = Value.Val.getInt().getExtValue();
    int64_t First = (B->Roles & RoleZeroBasedPosition) ? 0 : 1;
    if (N < First || N - First > 1000)
      return -1;
    return placeholderForParameter(Text, static_cast<unsigned>(N - First));
  }
  return -1;
}

bool isIdentifier(StringRef S) {
  if (S.empty() ||
      !(std::isalpha(static_cast<unsigned char>(S[0])) || S[0] == '_'))
    return false;
  for (char C : S)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '_')
      return false;
  return true;
}

/// The column an item of a select list reads, when it is a plain column.
std::string plainColumn(StringRef Item) {
  size_t As = Item.lower().find(" as ");
  if (As != std::string::npos)
    Item = Item.substr(0, As).rtrim();
  if (Item.contains('.'))
    Item = Item.rsplit('.').second;
  return isIdentifier(Item) ? Item.str() : std::string();
}

/// The outer query's column the row value is read from: `u["id"]`,
/// `u[0]`, `q.value("id")`, `sqlite3_column_int(s, 0)`, through a local
/// variable set once from it. \p FirstIndex is the index of the first
/// column in the outer library's reads.
std::string outerColumnOf(const Expr *Carrier, const FunctionFacts &Facts,
                          const SqlSelectSketch &Outer, unsigned FirstIndex) {
  const Expr *E = Carrier;
  for (unsigned Steps = 0; E && Steps < 4; ++Steps) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripTemporaries(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl())
      break;
    E = onlyAssignedValue(VD, Facts);
    if (!E)
      return "";
  }
  // The first column name or index met, left to right: a column index is
  // the last argument of the read or the subscript.
  std::string Column;
  walkSubtree(
      E,
      [&](const Stmt *S) {
        if (const auto *SL = dyn_cast<StringLiteral>(S)) {
          if (SL->getCharByteWidth() == 1 && isIdentifier(SL->getString()))
            Column = SL->getString().str();
          return WalkAction::Stop;
        }
        const Expr *Index = nullptr;
        if (const auto *C = dyn_cast<CallExpr>(S); C && C->getNumArgs() > 0)
          Index = C->getArg(C->getNumArgs() - 1);
        else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
          Index = AS->getIdx();
        const auto *IL = dyn_cast_or_null<IntegerLiteral>(
            Index ? Index->IgnoreParenImpCasts() : nullptr);
        if (!IL)
          return WalkAction::Continue;
        uint64_t I = IL->getValue().getLimitedValue();
        if (I >= FirstIndex && I - FirstIndex < Outer.Columns.size())
          Column = plainColumn(Outer.Columns[I - FirstIndex]);
        return WalkAction::Stop;
      },
      WalkOrder::SourceOrder);
  return Column;
}

} // namespace

BatchPlan planBatchedRead(const LoopQueryFinding &F, const RowLoop &L,
                          AnalysisContext &Ctx) {
  BatchPlan P;
  P.Dialect = dialectFor(F, Ctx);
  const FunctionFacts *Target =
      F.TargetFunction ? &Ctx.facts(*F.TargetFunction) : nullptr;
  P.Text = sqlTextParts(F.Target.Sql, Target);
  // A statement in another unit: the text its summary recorded.
  if (!P.Text && !F.Target.Sql && F.Remote && !F.Remote->Sql.empty())
    P.Text = SqlTextParts{F.Remote->Sql, nullptr};
  P.IsText = P.Text || leadingSqlText(F.Target.Sql, Target);
  P.FollowsLinks = L.FollowsLinks;
  // Redis commands are not SQL.
  if (!P.Text || P.FollowsLinks ||
      (F.Target.Library && !F.Target.Library->speaksSql()))
    return P;
  int Key = Target ? keyPlaceholderOf(F, P.Text->Text, *Target) : -1;
  P.Rewrite = rewriteKeyLookupBatched(P.Text->Text, P.Dialect, Key);

  // The loop's own query, in this function: one JOIN can replace both.
  if (L.Source != LoopSource::QueryRows || !L.OriginQuery || L.RowsCall ||
      L.CopiedRows)
    return P;
  const FunctionFacts &Outer = Ctx.facts(*F.Function);
  const CallFacts *OC = Outer.factsOf(L.OriginQuery);
  // The query that ran, or the statement prepared for a cursor loop.
  if (!OC || !OC->Api || !(OC->Roles & (RoleExecute | RolePrepare)))
    return P;
  QueryTarget OT = describeQuery(*OC, Outer);
  auto OuterText = sqlTextParts(OT.Sql, &Outer);
  if (!OuterText || StringRef(OuterText->Text).contains(SqlHole))
    return P;
  auto OuterSketch = sketchSimpleSelect(OuterText->Text);
  auto InnerSketch = sketchSimpleSelect(P.Text->Text, Key);
  if (!OuterSketch || !InnerSketch)
    return P;
  std::string Column =
      outerColumnOf(F.Carrier, Outer, *OuterSketch,
                    OC->Api.Library ? OC->Api.Library->FirstColumnIndex : 0);
  if (Column.empty())
    return P;
  P.Join = joinQuery(*OuterSketch, *InnerSketch, Column);
  P.JoinAt = OT.Sql;
  return P;
}

} // namespace nplusone
