//===- RowLoops.cpp - What a loop iterates --------------------------------===//

#include "lib/RowLoops.h"
#include "lib/QueryTarget.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace nplusone {

namespace {

bool isQueryResult(const CallFacts *C) {
  return C && C->Api && (C->Api.Function->Roles & (RoleExecute | RoleResultOf));
}

/// The query call whose result an expression evaluates, looking through
/// conversions, temporaries and the rest of a builder chain
/// (`table.select("id").where(...).execute()`).
const Expr *queryCallIn(const Expr *E, const FunctionFacts &Facts) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    const CallFacts *C = Facts.callIn(E);
    if (!C)
      return nullptr;
    if (isQueryResult(C))
      return C->Call;
    E = callArg(C->Call, ImplicitObject);
  }
  return nullptr;
}

/// The query whose result \p VD holds when the loop starts: the last value
/// stored into it before \p Loop.
const Expr *originOfVariable(const ValueDecl *VD, const Stmt *Loop,
                             const FunctionFacts &Facts) {
  const Expr *Best = nullptr;
  for (const Expr *V : Facts.valuesOf(VD)) {
    if (!(V->getBeginLoc() < Loop->getBeginLoc()))
      continue;
    if (const Expr *C = queryCallIn(V, Facts))
      Best = C;
  }
  return Best;
}

/// What a cursor walks: the SQL last prepared into it, else the last
/// statement run on it, else the query whose result it holds.
const Expr *originOfCursor(const ValueDecl *Handle, const Stmt *Loop,
                           const FunctionFacts &Facts) {
  const Expr *Origin = nullptr;
  for (const CallFacts *P : Facts.preparesOf(Handle))
    if (P->Call->getBeginLoc() < Loop->getBeginLoc())
      Origin = P->Call;
  if (!Origin)
    for (const CallFacts *E : Facts.executesOf(Handle))
      if (E->Call->getBeginLoc() < Loop->getBeginLoc() &&
          (E->Api.Function->Roles & RoleExecute))
        Origin = E->Call;
  return Origin ? Origin : originOfVariable(Handle, Loop, Facts);
}

/// The variable a loop condition tests: `more`, `rc == SQLITE_ROW`.
const ValueDecl *conditionFlag(const Expr *Cond) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond))
    if (BO->isEqualityOp())
      Cond = BO->getLHS()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Cond);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The body ends in an unconditional break, return, throw or goto.
bool endsInExit(const Stmt *Body) {
  const Stmt *Last = Body;
  while (const auto *CS = dyn_cast_or_null<CompoundStmt>(Last)) {
    Last = nullptr;
    for (const Stmt *S : CS->body())
      if (!isa<NullStmt>(S))
        Last = S;
  }
  if (const auto *E = dyn_cast_or_null<Expr>(Last))
    Last = E->IgnoreImplicit();
  return Last && (isa<BreakStmt>(Last) || isa<ReturnStmt>(Last) ||
                  isa<CXXThrowExpr>(Last) || isa<GotoStmt>(Last));
}

bool isFalseConstant(const Expr *Cond, const ASTContext &Ctx) {
  bool Value = true;
  if (!Cond || Cond->isValueDependent() || Cond->containsErrors())
    return false;
  return Cond->EvaluateAsBooleanCondition(Value, Ctx) && !Value;
}

std::string nameOf(const ValueDecl *VD) {
  if (!VD || !VD->getIdentifier())
    return "";
  return VD->getName().str();
}

void nameFromOrigin(RowLoop &L, const FunctionFacts &Facts) {
  if (!L.OriginQuery)
    return;
  const CallFacts *C = Facts.factsOf(L.OriginQuery);
  if (!C)
    return;
  QueryTarget T = describeQuery(*C, Facts);
  if (auto Text = sqlTextPrefix(T.Sql, &Facts))
    if (auto Table = sqlMainTable(*Text)) {
      L.Table = *Table;
      if (L.Name.empty())
        L.Name = *Table;
    }
}

/// The loop walks \p Over: the rows of a query when it is a result, with the
/// query that produced it when it is in this function; else its elements.
void traceCollection(RowLoop &L, const Expr *Over, const Stmt *Loop,
                     const FunctionFacts &Facts, const ApiModel &Model) {
  L.ResultVar = rootDecl(Over);
  L.Name = nameOf(L.ResultVar);
  L.Source = LoopSource::Elements;
  if (const LibraryModel *Lib = Model.resultTypeLibrary(Over->getType())) {
    L.Source = LoopSource::QueryRows;
    L.Library = Lib;
    if (L.ResultVar)
      L.OriginQuery = originOfVariable(L.ResultVar, Loop, Facts);
    else
      L.OriginQuery = queryCallIn(Over, Facts);
    return;
  }
  // A container the function filled straight from a read query's rows
  // (`auto users = mapper.findAll();`) holds those rows.
  if (!L.ResultVar)
    return;
  if (const Expr *Origin = originOfVariable(L.ResultVar, Loop, Facts)) {
    const CallFacts *C = Facts.factsOf(Origin);
    if (!describeQuery(*C, Facts).IsWrite) {
      L.Source = LoopSource::QueryRows;
      L.Library = C->Api.Library;
      L.OriginQuery = Origin;
    }
  }
}

/// Range-for: over a query call, a result-typed value, or anything else.
void classifyRangeFor(RowLoop &L, const CXXForRangeStmt *RF,
                      const FunctionFacts &Facts, const ApiModel &Model) {
  L.RowVar = RF->getLoopVariable();
  L.Source = LoopSource::Elements;
  const Expr *Range = RF->getRangeInit();
  if (!Range)
    return;
  if (const Expr *C = queryCallIn(Range, Facts)) {
    L.Source = LoopSource::QueryRows;
    L.OriginQuery = C;
    L.Library = Facts.factsOf(C)->Api.Library;
    return;
  }
  traceCollection(L, Range, RF, Facts, Model);
}

/// The object a call like `r.begin()`, `r.size()`, `std::begin(r)` is on.
const Expr *objectOfAccessor(const Expr *E, llvm::ArrayRef<StringRef> Names) {
  E = E ? E->IgnoreImplicit()->IgnoreParens() : nullptr;
  if (const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E))
    E = CE->getNumArgs() == 1 ? CE->getArg(0)->IgnoreImplicit() : nullptr;
  const auto *C = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *FD = C ? C->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || !llvm::is_contained(Names, FD->getName()))
    return nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    return MC->getImplicitObjectArgument();
  return C->getNumArgs() == 1 ? C->getArg(0) : nullptr;
}

void classifyFor(RowLoop &L, const ForStmt *FS, const FunctionFacts &Facts,
                 const ApiModel &Model) {
  const VarDecl *Var = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(FS->getInit()))
    if (DS->isSingleDecl())
      Var = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!Var)
    return;
  L.RowVar = Var;
  const Expr *Over = nullptr;
  // Iterator loop: `for (auto it = r.begin(); ...)`.
  if (const Expr *Obj =
          objectOfAccessor(Var->getInit(), {"begin", "cbegin", "rbegin"}))
    Over = Obj;
  // Index loop: `for (i = 0; i < r.size(); ++i)`.
  const auto *Cmp = dyn_cast_or_null<BinaryOperator>(
      FS->getCond() ? FS->getCond()->IgnoreParenImpCasts() : nullptr);
  const Expr *Bound = Cmp && Cmp->isComparisonOp()
                          ? Cmp->getRHS()->IgnoreParenImpCasts()
                          : nullptr;
  if (!Over && Bound)
    Over = objectOfAccessor(Bound, {"size", "length", "end"});
  // `i < PQntuples(res)`: the library's row count of a result.
  if (!Over && Bound)
    if (const CallFacts *C = Facts.callIn(Bound))
      if (C->Api && (C->Api.Function->Roles & RoleRowCount))
        if (const Expr *Res = callArg(C->Call, C->Api.Function->HandleArg)) {
          L.Source = LoopSource::QueryRows;
          L.Library = C->Api.Library;
          L.ResultVar = L.Cursor = rootDecl(Res);
          L.Name = nameOf(L.ResultVar);
          if (L.ResultVar)
            L.OriginQuery = originOfVariable(L.ResultVar, FS, Facts);
          return;
        }
  // `i < reply->elements`: a count field of a result.
  if (!Over && Bound)
    if (const auto *ME = dyn_cast<MemberExpr>(Bound))
      if (Model.resultTypeLibrary(ME->getBase()->getType()))
        Over = ME->getBase();
  if (Over)
    traceCollection(L, Over, FS, Facts, Model);
  else
    L.Source = LoopSource::Elements;
}

} // namespace

std::vector<RowLoop> classifyLoops(const FunctionFacts &Facts,
                                   const ApiModel &Model) {
  std::vector<RowLoop> Result(Facts.loops().size());
  const ASTContext &Ctx = Facts.function().getASTContext();
  for (size_t I = 0; I < Result.size(); ++I) {
    RowLoop &L = Result[I];
    const Stmt *Loop = Facts.loops()[I].Loop;
    L.Loop = Loop;
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
      classifyRangeFor(L, RF, Facts, Model);
      L.RunsAtMostOnce = endsInExit(RF->getBody());
    } else if (const auto *FS = dyn_cast<ForStmt>(Loop)) {
      classifyFor(L, FS, Facts, Model);
      L.RunsAtMostOnce = endsInExit(FS->getBody());
    } else if (const auto *WS = dyn_cast<WhileStmt>(Loop)) {
      L.RunsAtMostOnce =
          endsInExit(WS->getBody()) || isFalseConstant(WS->getCond(), Ctx);
    } else if (const auto *DS = dyn_cast<DoStmt>(Loop)) {
      L.RunsAtMostOnce =
          endsInExit(DS->getBody()) || isFalseConstant(DS->getCond(), Ctx);
    }
  }
  // Cursor loops: the loop's condition steps a statement handle.
  for (const CallFacts &C : Facts.calls()) {
    if (C.ConditionOfLoop < 0)
      continue;
    RowLoop &L = Result[C.ConditionOfLoop];
    const ValueDecl *Handle = Facts.handleOf(C);
    if (!Handle)
      continue;
    L.Source = LoopSource::QueryRows;
    L.Library = C.Api.Library;
    L.Cursor = Handle;
    L.ResultVar = Handle;
    L.Name = nameOf(Handle);
    const Expr *Origin = originOfCursor(Handle, L.Loop, Facts);
    L.OriginQuery = Origin;
  }
  // Flag-driven cursor loops: `bool more = rs.moveFirst(); while (more) {
  // ...; more = rs.moveNext(); }` or `rc = sqlite3_step(s); while (rc ==
  // SQLITE_ROW) { ...; rc = sqlite3_step(s); }`.
  for (RowLoop &L : Result) {
    if (L.Source == LoopSource::QueryRows)
      continue;
    const ValueDecl *Flag = nullptr;
    if (const auto *WS = dyn_cast<WhileStmt>(L.Loop))
      Flag = conditionFlag(WS->getCond());
    else if (const auto *DS = dyn_cast<DoStmt>(L.Loop))
      Flag = conditionFlag(DS->getCond());
    if (!Flag)
      continue;
    for (const Expr *V : Facts.valuesOf(Flag)) {
      const CallFacts *C = Facts.callIn(V);
      if (!C || !C->Api || !(C->Api.Function->Roles & RoleAdvance))
        continue;
      const ValueDecl *Handle = Facts.handleOf(*C);
      if (!Handle)
        continue;
      L.Source = LoopSource::QueryRows;
      L.Library = C->Api.Library;
      L.Cursor = L.ResultVar = Handle;
      L.Name = nameOf(Handle);
      L.OriginQuery = originOfCursor(Handle, L.Loop, Facts);
      break;
    }
  }
  for (RowLoop &L : Result)
    if (L.Source == LoopSource::QueryRows)
      nameFromOrigin(L, Facts);
  return Result;
}

} // namespace nplusone
