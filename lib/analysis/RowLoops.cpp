//===- RowLoops.cpp - What a loop iterates --------------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/RowLoops.h"
#include "lib/analysis/QueryTarget.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/analysis/ValueFlow.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Expressions.h"
#include "lib/ast/Statements.h"
#include "lib/sql/SqlStatement.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace nplusone {

namespace {

bool isQueryResult(const CallFacts *C) {
  return C && (C->Roles & (RoleExecute | RoleResultOf));
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

/// The rows of the read \p Query: its library and, when its SQL names one,
/// table; empty when it is a write.
RowsOrigin readOrigin(const Expr *Query, const FunctionFacts &Facts) {
  RowsOrigin Rows;
  const CallFacts *C = Facts.factsOf(Query);
  if (!C || !C->Api)
    return Rows;
  QueryTarget T = describeQuery(*C, Facts);
  if (T.IsWrite)
    return Rows;
  Rows.Query = Query;
  Rows.Library = C->Api.Library;
  if (auto Text = leadingSqlText(T.Sql, &Facts))
    if (auto Table = sqlMainTable(*Text))
      Rows.Table = *Table;
  return Rows;
}

/// The rows the last read before \p Before leaves in \p VD when \p VD is
/// passed to a function of this unit that runs it (`loadAlbums(albums,
/// artist);` select()s `albums`), and that call.
std::pair<RowsOrigin, const Expr *> rowsRunOnObject(const ValueDecl *VD,
                                                    SourceLocation Before,
                                                    const FunctionFacts &Facts,
                                                    RowsContext &Ctx) {
  std::pair<RowsOrigin, const Expr *> Last;
  for (const CallFacts &C : Facts.calls()) {
    if (C.Api || !(C.Call->getBeginLoc() < Before))
      continue;
    for (unsigned I = 0, N = callArgCount(C.Call); I < N; ++I)
      if (const Expr *Arg = callArg(C.Call, I))
        if (passedObject(Arg) == VD)
          if (RowsOrigin Rows = Ctx.rowsRunOnArgument(C.Call, I))
            Last = {Rows, C.Call};
  }
  return Last;
}

/// A call that only fetches the result of a statement run earlier
/// (`RecordSet rs(select)`, `mysql_store_result(conn)`) stands for the last
/// call that ran a statement on the same handle before it, when there is one.
const Expr *runningCall(const Expr *Call, const FunctionFacts &Facts) {
  const CallFacts *C = Facts.factsOf(Call);
  if (!C || (C->Roles & RoleExecute) || !(C->Roles & RoleResultOf))
    return Call;
  const ValueDecl *Handle = Facts.handleOf(*C);
  const CallFacts *Ran =
      Handle ? FunctionFacts::lastBefore(Facts.executesOf(Handle),
                                         Call->getBeginLoc(), RoleExecute)
             : nullptr;
  return Ran ? Ran->Call : Call;
}

/// The last read before \p Loop that returns its result into \p VD through
/// an out-parameter: `dbf.query(h, keys, ..., &res)`.
const Expr *readThroughOutParameter(const ValueDecl *VD, const Stmt *Loop,
                                    const FunctionFacts &Facts) {
  const Expr *Last = nullptr;
  for (const CallFacts &C : Facts.calls()) {
    if (!(C.Roles & RoleExecute) ||
        !(C.Call->getBeginLoc() < Loop->getBeginLoc()))
      continue;
    for (unsigned I = 0, N = callArgCount(C.Call); I < N; ++I)
      if (addressedDecl(callArg(C.Call, static_cast<int>(I))) == VD &&
          !describeQuery(C, Facts).IsWrite)
        Last = C.Call;
  }
  return Last;
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
  // A result object constructed from the statement: `RecordSet rs(select)`.
  if (!Best)
    for (const CallFacts &C : Facts.calls())
      if ((C.Roles & RoleResultOf) &&
          C.Api.Function->HandleArg != ReturnValue &&
          isa<CXXConstructExpr>(C.Call) &&
          Facts.varOfFullExpr(C.FullExpr) == VD &&
          C.Call->getBeginLoc() < Loop->getBeginLoc())
        Best = C.Call;
  if (!Best)
    Best = readThroughOutParameter(VD, Loop, Facts);
  return Best ? runningCall(Best, Facts) : nullptr;
}

/// What a cursor walks: the SQL last prepared into it, else the last
/// statement run on it, else the query whose result it holds.
const Expr *originOfCursor(const ValueDecl *Handle, const Stmt *Loop,
                           const FunctionFacts &Facts) {
  SourceLocation Start = Loop->getBeginLoc();
  if (const CallFacts *P =
          FunctionFacts::lastBefore(Facts.preparesOf(Handle), Start))
    return P->Call;
  if (const CallFacts *E = FunctionFacts::lastBefore(Facts.executesOf(Handle),
                                                     Start, RoleExecute))
    return E->Call;
  return originOfVariable(Handle, Loop, Facts);
}

/// The query a loop walks returns at most one row: a single-row API, or SQL
/// limited to one row.
bool originReturnsOneRow(const RowLoop &L, const FunctionFacts &Facts) {
  const CallFacts *C = L.OriginQuery ? Facts.factsOf(L.OriginQuery) : nullptr;
  if (!C || !C->Api)
    return false;
  if (C->Roles & RoleSingleRow)
    return true;
  QueryTarget T = describeQuery(*C, Facts);
  auto Text = leadingSqlText(T.Sql, &Facts);
  return Text && sqlReturnsAtMostOneRow(*Text);
}

/// The variable a loop condition tests: `more`, `rc == SQLITE_ROW`.
const ValueDecl *conditionFlag(const Expr *Cond) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond))
    if (BO->isEqualityOp())
      Cond = BO->getLHS()->IgnoreParenImpCasts();
  // `while (row)` on a class: its `operator bool`.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Cond))
    if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()))
      Cond = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Cond);
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// The body ends in an unconditional break, return, throw or goto; a retry
/// loop's `try { ...; return; } catch (...) { }` runs again only when the
/// attempt failed.
bool endsInExit(const Stmt *Body) {
  return finalExit(Body, /*ThroughTry=*/true) != nullptr;
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
  if (auto Text = leadingSqlText(T.Sql, &Facts))
    if (auto Table = sqlMainTable(*Text)) {
      L.Table = *Table;
      if (L.Name.empty())
        L.Name = *Table;
    }
}

/// The call whose value \p VD was last set to before \p Before, if any.
const Expr *lastCallStoredIn(const ValueDecl *VD, const Stmt *Before,
                             const FunctionFacts &Facts) {
  const Expr *Call = nullptr;
  for (const Expr *V : Facts.valuesOf(VD))
    if (V->getBeginLoc() < Before->getBeginLoc())
      if (const CallFacts *C = Facts.callIn(V))
        Call = C->Call;
  return Call;
}

/// The rows a function of this unit returns, for a value that is a call to
/// it or a variable last set to one before \p Before.
bool traceReturnedRows(RowLoop &L, const Expr *Value, const Stmt *Before,
                       const FunctionFacts &Facts, RowsContext &Ctx) {
  const CallFacts *Direct = Facts.callIn(Value);
  const Expr *Call = nullptr;
  if (Direct)
    Call = Direct->Call;
  else if (const ValueDecl *VD = rootDecl(Value))
    Call = lastCallStoredIn(VD, Before, Facts);
  RowsOrigin Rows = Call ? Ctx.rowsReturnedBy(Call) : RowsOrigin();
  if (!Rows)
    return false;
  L.Source = LoopSource::QueryRows;
  L.OriginQuery = Rows.Query;
  L.RemoteOrigin = Rows.Remote;
  L.Library = Rows.Library;
  L.Table = Rows.Table;
  L.CopiedRows = Rows.Copied;
  L.RowsCall = Call;
  // `for (auto &u : repo.loadUsers())`: the rows are named by their table,
  // not by the object the helper is called on.
  if (L.Name.empty() || Direct) {
    L.ResultVar = nullptr;
    L.Name = Rows.Table;
  }
  return true;
}

/// The last value stored into \p VD before \p Loop starts, or null.
const Expr *lastValueBefore(const ValueDecl *VD, const Stmt *Loop,
                            const FunctionFacts &Facts) {
  const Expr *Last = nullptr;
  for (const Expr *V : Facts.valuesOf(VD))
    if (V->getBeginLoc() < Loop->getBeginLoc())
      Last = V;
  return Last;
}

/// The other container whose elements \p VD last received before \p Loop
/// (`auto active = all;`, `std::copy_if(all.begin(), all.end(),
/// std::back_inserter(active), ...)`), or null.
const Expr *copiedFrom(const ValueDecl *VD, const Stmt *Loop,
                       const FunctionFacts &Facts) {
  const Expr *Last = lastValueBefore(VD, Loop, Facts);
  if (!Last || Facts.callIn(Last))
    return nullptr;
  Last = withoutStdMove(stripTemporaries(Last));
  const ValueDecl *Source = rootDecl(Last);
  return Source && Source != VD ? Last : nullptr;
}

/// \p L walks copies of the rows \p From walks: the same query, library and
/// table.
void adoptCopiedRows(RowLoop &L, const RowLoop &From) {
  L.Source = LoopSource::QueryRows;
  L.CopiedRows = true;
  L.OriginQuery = From.OriginQuery;
  L.RemoteOrigin = From.RemoteOrigin;
  L.Library = From.Library;
  L.Table = From.Table.empty() ? From.Name : From.Table;
}

void traceCollection(RowLoop &L, const Expr *Over, const Stmt *Loop,
                     const FunctionFacts &Facts, RowsContext &Ctx,
                     unsigned Depth = 0);

/// A loop over \p L.ResultVar walks rows when the container was copied from
/// one that holds rows; a few copies deep, so that a cycle of copies ends.
bool traceCopiedContainer(RowLoop &L, const Stmt *Loop,
                          const FunctionFacts &Facts, RowsContext &Ctx,
                          unsigned Depth) {
  const Expr *Source =
      Depth < 4 ? copiedFrom(L.ResultVar, Loop, Facts) : nullptr;
  if (!Source)
    return false;
  RowLoop From;
  traceCollection(From, Source, Loop, Facts, Ctx, Depth + 1);
  if (From.Source != LoopSource::QueryRows)
    return false;
  adoptCopiedRows(L, From);
  L.RowsCall = From.RowsCall;
  return true;
}

/// The loop walks \p Over: the rows of a query when it is a result, with the
/// query that produced it when it is in this function; else its elements.
void traceCollection(RowLoop &L, const Expr *Over, const Stmt *Loop,
                     const FunctionFacts &Facts, RowsContext &Ctx,
                     unsigned Depth) {
  const ApiModel &Model = Ctx.model();
  L.ResultVar = rootDecl(Over);
  // `res.AsSetOf<int>()`: the result the accessor chain starts from.
  for (const Expr *Obj = Over; !L.ResultVar && Obj;) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(stripTemporaries(Obj));
    Obj = MC ? MC->getImplicitObjectArgument() : nullptr;
    if (Obj)
      L.ResultVar = rootDecl(Obj);
  }
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
  if (!L.ResultVar) {
    traceReturnedRows(L, Over, Loop, Facts, Ctx);
    return;
  }
  if (const Expr *Origin = originOfVariable(L.ResultVar, Loop, Facts)) {
    const CallFacts *C = Facts.factsOf(Origin);
    if (!describeQuery(*C, Facts).IsWrite) {
      L.Source = LoopSource::QueryRows;
      L.Library = C->Api.Library;
      L.OriginQuery = Origin;
    }
    return;
  }
  if (traceCopiedContainer(L, Loop, Facts, Ctx, Depth))
    return;
  // `auto users = repo.loadUsers();`: a helper that returns rows.
  traceReturnedRows(L, Over, Loop, Facts, Ctx);
}

/// A loop over \p Range: a query call, a result-typed value, or anything
/// else.
void classifyRange(RowLoop &L, const Expr *Range, const Stmt *Loop,
                   const FunctionFacts &Facts, RowsContext &Ctx) {
  L.Source = LoopSource::Elements;
  if (!Range)
    return;
  if (const Expr *C = queryCallIn(Range, Facts)) {
    L.Source = LoopSource::QueryRows;
    // `for (auto [id] : stream.iter<int>())` walks the query run earlier.
    L.OriginQuery = runningCall(C, Facts);
    L.Library = Facts.factsOf(C)->Api.Library;
    return;
  }
  traceCollection(L, Range, Loop, Facts, Ctx);
}

/// The elements of a list written in the source: a braced list, or a
/// variable initialised with one of literals and not changed after.
bool isConstantCollection(const Expr *E, const FunctionFacts &Facts) {
  E = stripTemporaries(E);
  if (const auto *IL = dyn_cast_or_null<CXXStdInitializerListExpr>(E))
    E = stripTemporaries(IL->getSubExpr());
  if (isa_and_nonnull<InitListExpr>(E))
    return true;
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || !VD->getInit() || isa<ParmVarDecl>(VD) ||
      (VD->isLocalVarDecl() && Facts.writeCount(VD) != 1))
    return false;
  const Expr *Init = stripTemporaries(VD->getInit());
  if (const auto *IL = dyn_cast_or_null<CXXStdInitializerListExpr>(Init))
    Init = stripTemporaries(IL->getSubExpr());
  const auto *List = dyn_cast_or_null<InitListExpr>(Init);
  return List && llvm::all_of(List->inits(), [](const Expr *Item) {
           const Expr *Value = stripTemporaries(Item);
           return isa<StringLiteral>(Value) || isa<IntegerLiteral>(Value);
         });
}

void classifyRangeFor(RowLoop &L, const CXXForRangeStmt *RF,
                      const FunctionFacts &Facts, RowsContext &Ctx) {
  L.RowVar = RF->getLoopVariable();
  classifyRange(L, RF->getRangeInit(), RF, Facts, Ctx);
  L.ConstantRange = L.Source == LoopSource::Elements &&
                    isConstantCollection(RF->getRangeInit(), Facts);
}

/// An algorithm running a lambda per element walks its range, given whole
/// (`std::ranges::for_each(users, f)`) or by its first iterator.
void classifyCallback(RowLoop &L, const CallbackLoop &CB,
                      const FunctionFacts &Facts, RowsContext &Ctx) {
  L.RowVar = CB.Element;
  L.Algorithm = CB.Name;
  const Expr *Over = objectOfAccessor(CB.Range, {"begin", "cbegin"});
  classifyRange(L, Over ? Over : CB.Range, L.Loop, Facts, Ctx);
}

/// The query that stored its row count into \p VD through an out-argument
/// before \p Loop (`sqlite3_get_table(db, sql, &cells, &nrow, ...)`).
const CallFacts *rowCountStoredIn(const VarDecl *VD, const Stmt *Loop,
                                  const FunctionFacts &Facts) {
  const CallFacts *Last = nullptr;
  for (const CallFacts &C : Facts.calls())
    if (C.Api && C.Api.Function->RowCountArg != NoArg &&
        C.Call->getBeginLoc() < Loop->getBeginLoc() &&
        rootDecl(callArg(C.Call, C.Api.Function->RowCountArg)) == VD)
      Last = &C;
  return Last;
}

/// The row count a loop bound reads: `PQntuples(res)`, a variable set once
/// to it (`int n = PQntuples(res);`), or one a query filled in.
const CallFacts *rowCountIn(const Expr *Bound, const Stmt *Loop,
                            const FunctionFacts &Facts) {
  for (unsigned Steps = 0; Bound && Steps < 4; ++Steps) {
    if (const CallFacts *C = Facts.callIn(Bound))
      return (C->Roles & RoleRowCount) ? C : nullptr;
    const auto *DRE = dyn_cast<DeclRefExpr>(Bound->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!VD || !VD->isLocalVarDecl())
      return nullptr;
    if (const CallFacts *Filled = rowCountStoredIn(VD, Loop, Facts))
      return Filled;
    Bound = onlyAssignedValue(VD, Facts);
  }
  return nullptr;
}

/// `for (t = head; t; t = t->next)`, `while (u != NULL) { ...; u = u->next;
/// }`: the list a walk of \p Var's own links starts from, \p Init or the
/// value \p Var was last given before the loop; null for any other loop.
const Expr *listWalked(const ValueDecl *Var, const Expr *Init, const Expr *Cond,
                       const Stmt *Loop, const FunctionFacts &Facts) {
  const DeclRefExpr *Tested =
      pointerTestedForNull(Cond, Facts.function().getASTContext());
  if (!Tested || Tested->getDecl() != Var)
    return nullptr;
  bool FollowsLinks = llvm::any_of(Facts.valuesOf(Var), [&](const Expr *V) {
    const auto *Link = dyn_cast<MemberExpr>(V->IgnoreParenImpCasts());
    return Link && rangeHolds(Loop, V->getBeginLoc()) &&
           rootDecl(Link->getBase()) == Var;
  });
  if (!FollowsLinks)
    return nullptr;
  if (const Expr *Start = Init ? Init : lastValueBefore(Var, Loop, Facts))
    return Start;
  return Tested;
}

/// `loadAlbums(albums); for (i = 0; i < albums.rowCount(); ++i)`: the rows
/// a helper's read left in the object the loop counts.
void traceRowsRunOnObject(RowLoop &L, const Stmt *Loop,
                          const FunctionFacts &Facts, RowsContext &Ctx) {
  auto [Rows, Call] =
      rowsRunOnObject(L.ResultVar, Loop->getBeginLoc(), Facts, Ctx);
  if (!Rows)
    return;
  L.OriginQuery = Rows.Query;
  L.Table = Rows.Table;
  L.RowsCall = Call;
  L.RowsInArgument = true;
}

/// An index or iterator loop: the variable \p Var, set to \p Init before
/// the loop, compared in \p Cond. `for (i = 0; i < r.size(); ++i)`,
/// `while (i < PQntuples(res))`, `for (auto it = r.begin(); ...)`.
void classifyIndexLoop(RowLoop &L, const ValueDecl *Var, const Expr *Init,
                       const Expr *Cond, const Stmt *Loop,
                       const FunctionFacts &Facts, RowsContext &Ctx) {
  L.RowVar = Var;
  const Expr *Over = objectOfAccessor(Init, {"begin", "cbegin", "rbegin"});
  const auto *Cmp = dyn_cast_or_null<BinaryOperator>(
      Cond ? Cond->IgnoreParenImpCasts() : nullptr);
  const Expr *Bound = Cmp && Cmp->isComparisonOp()
                          ? Cmp->getRHS()->IgnoreParenImpCasts()
                          : nullptr;
  if (!Over && Bound)
    Over = objectOfAccessor(Bound, {"size", "length", "end"});
  // `i < PQntuples(res)`: the library's row count of a result.
  if (!Over && Bound)
    if (const CallFacts *C = rowCountIn(Bound, Loop, Facts))
      if (const Expr *Res = callArg(C->Call, C->Api.Function->HandleArg)) {
        L.Source = LoopSource::QueryRows;
        L.Library = C->Api.Library;
        L.ResultVar = L.Cursor = rootDecl(Res);
        L.Name = nameOf(L.ResultVar);
        // `model.setQuery(...)` runs the query on the object it counts.
        if (L.ResultVar)
          L.OriginQuery = originOfCursor(L.ResultVar, Loop, Facts);
        if (L.ResultVar && !L.OriginQuery)
          traceRowsRunOnObject(L, Loop, Facts, Ctx);
        return;
      }
  // `i < reply->elements`: a count field of a result.
  if (!Over && Bound)
    if (const auto *ME = dyn_cast<MemberExpr>(Bound))
      if (Ctx.model().resultTypeLibrary(ME->getBase()->getType()))
        Over = ME->getBase();
  if (!Over)
    Over = listWalked(Var, Init, Cond, Loop, Facts);
  if (Over)
    traceCollection(L, Over, Loop, Facts, Ctx);
  else
    L.Source = LoopSource::Elements;
}

void classifyFor(RowLoop &L, const ForStmt *FS, const FunctionFacts &Facts,
                 RowsContext &Ctx) {
  // `for (;;)` and `for (int page = 0;; ++page)` walk nothing: polling,
  // retries and pagination.
  if (!FS->getCond())
    return;
  const ValueDecl *Var = nullptr;
  const Expr *Init = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(FS->getInit())) {
    if (DS->isSingleDecl())
      if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl())) {
        Var = VD;
        Init = VD->getInit();
      }
  } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(
                 dyn_cast_or_null<Expr>(FS->getInit()))) {
    // C89 style: `for (j = 0; j < reply->elements; j++)`.
    if (BO->isAssignmentOp())
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens())) {
        Var = DRE->getDecl();
        Init = BO->getRHS();
      }
  }
  if (!Var)
    return;
  classifyIndexLoop(L, Var, Init ? Init->IgnoreImplicit() : nullptr,
                    FS->getCond(), FS, Facts, Ctx);
}

/// `while (i < PQntuples(res)) { ...; ++i; }`: an index loop when it
/// compares a variable with a row count or a result's size; `while (u) {
/// ...; u = u->next; }` when it walks a list of rows.
void classifyWhileIndex(RowLoop &L, const WhileStmt *WS,
                        const FunctionFacts &Facts, RowsContext &Ctx) {
  const auto *Cmp = dyn_cast_or_null<BinaryOperator>(
      WS->getCond() ? WS->getCond()->IgnoreParenImpCasts() : nullptr);
  const DeclRefExpr *DRE = nullptr;
  if (Cmp && Cmp->isRelationalOp())
    DRE = dyn_cast<DeclRefExpr>(Cmp->getLHS()->IgnoreParenImpCasts());
  else
    DRE = pointerTestedForNull(WS->getCond(), Facts.function().getASTContext());
  if (!DRE)
    return;
  RowLoop Candidate = L;
  classifyIndexLoop(Candidate, DRE->getDecl(), nullptr, WS->getCond(), WS,
                    Facts, Ctx);
  if (Candidate.Source == LoopSource::QueryRows)
    L = Candidate;
}

/// Labels the current row of each of the first 64 row loops, bit B for the
/// B-th of them.
class RowCopies {
public:
  RowCopies(llvm::ArrayRef<RowLoop> Loops, const FunctionFacts &Facts)
      : Loops(Loops), Facts(Facts) {
    for (size_t I = 0; I < Loops.size() && Index.size() < 64; ++I)
      if (Loops[I].Source == LoopSource::QueryRows)
        Index.push_back(static_cast<int>(I));
  }

  /// The row loop that fills the container \p VD, before \p Before, with
  /// values read from its rows; -1 when there is none.
  int fillingLoop(const ValueDecl *VD, const Stmt *Before) {
    if (Index.empty())
      return -1;
    if (!Flow) {
      Flow = std::make_unique<ValueFlow>(Facts);
      for (size_t B = 0; B < Index.size(); ++B)
        seedCurrentRow(*Flow, Loops[Index[B]], uint64_t(1) << B);
      Flow->propagate();
    }
    // `struct node **tail = &head; ... *tail = n;` fills `head` too.
    llvm::SmallPtrSet<const ValueDecl *, 4> Filled = {VD};
    for (const FlowEdge &E : Facts.edges())
      if (addressedDecl(E.Src) == VD)
        Filled.insert(E.Dst);
    for (const FlowEdge &E : Facts.edges()) {
      if (!Filled.count(E.Dst) || E.Loop < 0 ||
          !(E.Src->getBeginLoc() < Before->getBeginLoc()))
        continue;
      uint64_t Carried = Flow->labelsOf(E.Src);
      // Filled in that row loop, not merely from a value computed in it.
      for (int In = E.Loop; In >= 0; In = Facts.loops()[In].Parent)
        for (size_t B = 0; B < Index.size(); ++B)
          if (Index[B] == In && (Carried & (uint64_t(1) << B)))
            return In;
    }
    return -1;
  }

private:
  llvm::ArrayRef<RowLoop> Loops;
  const FunctionFacts &Facts;
  llvm::SmallVector<int, 8> Index;
  std::unique_ptr<ValueFlow> Flow;
};

/// Containers filled inside a loop over query rows with values read from
/// those rows (`users.push_back({r["id"].as<int>(), ...})`): a later loop
/// over one walks copies of the rows. One flow labels the first 64 row
/// loops; the filling must come before the loop that walks the container.
void traceCopiedRows(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  RowCopies Copies(Loops, Facts);
  for (RowLoop &L : Loops) {
    if (L.Source != LoopSource::Elements || !L.ResultVar)
      continue;
    int Filler = Copies.fillingLoop(L.ResultVar, L.Loop);
    if (Filler < 0 || &Loops[Filler] == &L)
      continue;
    adoptCopiedRows(L, Loops[Filler]);
  }
}

} // namespace

void seedCurrentRow(ValueFlow &Flow, const RowLoop &L, uint64_t Label) {
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

namespace {

/// Pass 1: what each loop walks by its own shape (range, index, iterator,
/// algorithm), and whether its body runs at most once.
void classifyByShape(std::vector<RowLoop> &Loops, const FunctionFacts &Facts,
                     RowsContext &Ctx) {
  const ASTContext &AST = Facts.function().getASTContext();
  for (size_t I = 0; I < Loops.size(); ++I) {
    RowLoop &L = Loops[I];
    const Stmt *Loop = Facts.loops()[I].Loop;
    L.Loop = Loop;
    if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
      classifyRangeFor(L, RF, Facts, Ctx);
      L.RunsAtMostOnce = endsInExit(RF->getBody());
    } else if (const auto *FS = dyn_cast<ForStmt>(Loop)) {
      classifyFor(L, FS, Facts, Ctx);
      L.RunsAtMostOnce = endsInExit(FS->getBody());
    } else if (const auto *WS = dyn_cast<WhileStmt>(Loop)) {
      classifyWhileIndex(L, WS, Facts, Ctx);
      L.RunsAtMostOnce =
          endsInExit(WS->getBody()) || isFalseConstant(WS->getCond(), AST);
    } else if (const auto *DS = dyn_cast<DoStmt>(Loop)) {
      L.RunsAtMostOnce =
          endsInExit(DS->getBody()) || isFalseConstant(DS->getCond(), AST);
    } else if (Facts.loops()[I].Callback.Lambda) {
      // A return in the lambda ends one element's call, not the walk.
      classifyCallback(L, Facts.loops()[I].Callback, Facts, Ctx);
    }
  }
}

/// Pass 2, cursor loops: the loop's condition steps a statement handle.
void traceCursorLoops(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  for (const CallFacts &C : Facts.calls()) {
    if (C.AdvancesLoop < 0)
      continue;
    RowLoop &L = Loops[C.AdvancesLoop];
    const ValueDecl *Handle = Facts.handleOf(C);
    if (!Handle)
      continue;
    L.Source = LoopSource::QueryRows;
    L.Library = C.Api.Library;
    L.Cursor = Handle;
    L.ResultVar = Handle;
    L.Name = nameOf(Handle);
    // `while ((row = PQgetResult(conn)))`: each step returns a result of
    // the statement run on the connection, held in `row`.
    const ValueDecl *Held =
        (C.Roles & RoleResultOf) ? Facts.varOfFullExpr(C.FullExpr) : nullptr;
    if (Held) {
      L.RowVar = L.ResultVar = Held;
      L.Name = nameOf(Held);
      L.OriginQuery = C.Call;
      continue;
    }
    L.OriginQuery = originOfCursor(Handle, L.Loop, Facts);
  }
}

/// Pass 3, flag-driven cursor loops: `bool more = rs.moveFirst(); while
/// (more) { ...; more = rs.moveNext(); }`, `rc = sqlite3_step(s); while
/// (rc == SQLITE_ROW) { ...; rc = sqlite3_step(s); }` and the same as a
/// `for` whose init and increment step the cursor.
void traceFlagLoops(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  for (RowLoop &L : Loops) {
    if (L.Source == LoopSource::QueryRows)
      continue;
    const ValueDecl *Flag = nullptr;
    if (const auto *WS = dyn_cast<WhileStmt>(L.Loop))
      Flag = conditionFlag(WS->getCond());
    else if (const auto *DS = dyn_cast<DoStmt>(L.Loop))
      Flag = conditionFlag(DS->getCond());
    // `for (rc = sqlite3_step(s); rc == SQLITE_ROW; rc = sqlite3_step(s))`.
    else if (const auto *FS = dyn_cast<ForStmt>(L.Loop))
      Flag = conditionFlag(FS->getCond());
    if (!Flag)
      continue;
    for (const Expr *V : Facts.valuesOf(Flag)) {
      const CallFacts *C = Facts.callIn(V);
      const ValueDecl *Handle =
          C && (C->Roles & RoleAdvance) ? Facts.handleOf(*C) : nullptr;
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
}

} // namespace

std::vector<RowLoop> classifyLoops(const FunctionFacts &Facts,
                                   RowsContext &Ctx) {
  std::vector<RowLoop> Result(Facts.loops().size());
  classifyByShape(Result, Facts, Ctx);
  traceCursorLoops(Result, Facts);
  traceFlagLoops(Result, Facts);
  // Pass 4: the table the rows come from, and the parents that return at
  // most one row; then loops over containers filled from rows.
  for (RowLoop &L : Result)
    if (L.Source == LoopSource::QueryRows && !L.RowsCall) {
      nameFromOrigin(L, Facts);
      L.RunsAtMostOnce |= originReturnsOneRow(L, Facts);
    }
  traceCopiedRows(Result, Facts);
  return Result;
}

namespace {

/// The rows \p E holds where it is evaluated: a read's result, a container
/// filled from a read's rows, or what a helper returns; empty when none.
RowsOrigin rowsHeldBy(const Expr *E, const FunctionFacts &Facts,
                      llvm::ArrayRef<RowLoop> Loops, RowCopies &Copies,
                      RowsContext &Ctx) {
  RowsOrigin Rows;
  if (const Expr *Query = queryCallIn(E, Facts))
    return readOrigin(Query, Facts);
  if (const CallFacts *C = Facts.callIn(E))
    if ((Rows = Ctx.rowsReturnedBy(C->Call)))
      return Rows;
  // `return users;`, `return std::move(users);`.
  E = withoutStdMove(stripTemporaries(E));
  const ValueDecl *VD = rootDecl(E);
  if (!VD)
    return Rows;
  const auto *Local = dyn_cast<VarDecl>(VD);
  if (const Expr *Query = originOfVariable(VD, E, Facts))
    return readOrigin(Query, Facts);
  if (Local && Local->isLocalVarDecl()) {
    int Filler = Copies.fillingLoop(VD, E);
    if (Filler >= 0 &&
        (Loops[Filler].OriginQuery || Loops[Filler].RemoteOrigin)) {
      Rows.Query = Loops[Filler].OriginQuery;
      Rows.Remote = Loops[Filler].RemoteOrigin;
      Rows.Library = Loops[Filler].Library;
      Rows.Table = Loops[Filler].Table;
      Rows.Copied = true;
      return Rows;
    }
    if (const Expr *Call = lastCallStoredIn(VD, E, Facts))
      Rows = Ctx.rowsReturnedBy(Call);
  }
  return Rows;
}

} // namespace

RowsOrigin rowsReturnedFrom(const FunctionFacts &Facts,
                            llvm::ArrayRef<RowLoop> Loops, RowsContext &Ctx) {
  // One flow of the loops' rows serves every return.
  RowCopies Copies(Loops, Facts);
  for (const Expr *R : Facts.returns())
    if (RowsOrigin Rows = rowsHeldBy(R, Facts, Loops, Copies, Ctx))
      return Rows;
  return {};
}

std::vector<RowsOrigin> rowsRunOnParameters(const FunctionFacts &Facts,
                                            RowsContext &Ctx) {
  const FunctionDecl &FD = Facts.function();
  std::vector<RowsOrigin> Result(FD.getNumParams());
  SourceLocation End = FD.getEndLoc();
  for (unsigned P = 0; P < FD.getNumParams(); ++P) {
    const ParmVarDecl *Param = FD.getParamDecl(P);
    if (!Param->getType()->isReferenceType() &&
        !Param->getType()->isPointerType())
      continue;
    RowsOrigin Own;
    for (const CallFacts *C : Facts.executesOf(Param))
      if (C->Roles & RoleExecute)
        if (RowsOrigin Rows = readOrigin(C->Call, Facts))
          Own = Rows;
    auto [Passed, Call] = rowsRunOnObject(Param, End, Facts, Ctx);
    // The later of its own read and the helper's.
    bool HelperLater =
        Passed && (!Own || Own.Query->getBeginLoc() < Call->getBeginLoc());
    Result[P] = HelperLater ? Passed : Own;
  }
  return Result;
}

} // namespace nplusone
