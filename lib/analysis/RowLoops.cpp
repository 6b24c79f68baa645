//===- RowLoops.cpp - What a loop iterates --------------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/RowLoops.h"
#include "lib/analysis/LoopEnds.h"
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
#include "clang/Basic/SourceManager.h"
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

/// The variable a loop condition tests: `more`, `rc == SQLITE_ROW`, `!row`.
const ValueDecl *conditionFlag(const Expr *Cond) {
  if (!Cond)
    return nullptr;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
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

/// \p L walks copies of \p Rows, stored into a data member, when there are
/// any.
void adoptStoredRows(RowLoop &L, const RowsOrigin &Rows) {
  if (!Rows.Query)
    return;
  L.Source = LoopSource::QueryRows;
  L.CopiedRows = true;
  L.OriginQuery = Rows.Query;
  L.Library = Rows.Library;
  L.Table = Rows.Table;
}

/// A loop over a member of another object (`for (auto *it :
/// mail->items)`) is named by that member, and walks rows only when some
/// function of the unit fills the member from a read's rows: the query
/// that produced the object holds other rows.
bool traceMemberRange(RowLoop &L, const Expr *Over, RowsContext &Ctx) {
  const FieldDecl *Field = namedField(stripTemporaries(Over));
  std::string Path = memberPath(stripTemporaries(Over));
  if (!Field || Path.empty() || isa<FieldDecl>(L.ResultVar))
    return false;
  L.Name = Path;
  L.ResultVar = nullptr;
  adoptStoredRows(L, Ctx.rowsStoredIn(Field));
  return true;
}

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
  if (traceMemberRange(L, Over, Ctx))
    return;
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
  if (traceReturnedRows(L, Over, Loop, Facts, Ctx))
    return;
  // `for (auto &u : users_)`: a member another method fills.
  if (const auto *Field = dyn_cast<FieldDecl>(L.ResultVar))
    adoptStoredRows(L, Ctx.rowsStoredIn(Field));
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
  L.Callable = CB.Function;
  if (CB.EveryParam)
    L.RowFields = CB.Function;
  const Expr *Over = objectOfAccessor(CB.Range, {"begin", "cbegin"});
  classifyRange(L, Over ? Over : CB.Range, L.Loop, Facts, Ctx);
  // A library call running its callback per row of a statement that
  // writes (`sqlite3_exec(db, "CREATE TABLE ...; INSERT ...", cb, ...)`)
  // gets no rows to run it on.
  const CallFacts *Runs = Facts.factsOf(CB.Range);
  if (Runs && Runs->Api && (Runs->Roles & RoleExecute) &&
      describeQuery(*Runs, Facts).IsWrite)
    L.RunsAtMostOnce = true;
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

/// \p E reads a link of the node \p Node: `Node->next`.
bool isLinkOf(const Expr *E, const ValueDecl *Node) {
  const auto *Link = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  return Link && rootDecl(Link->getBase()) == Node;
}

/// The pointer variable \p E reads whole or through: `p`, `*pp`.
const ValueDecl *heldPointer(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_Deref)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? DRE->getDecl() : nullptr;
}

/// \p Var moves along its list's links in \p Loop: `c = c->next`, the head
/// of a list being popped (`it = *lst; *lst = it->next;`), or a link saved
/// before the node is done with (`next = t->next; free(t); t = next;`).
bool followsLinks(const ValueDecl *Var, const Stmt *Loop,
                  const FunctionFacts &Facts) {
  auto InLoop = [&](const Expr *V) {
    return Facts.loopHolds(Loop, V->getBeginLoc());
  };
  auto TookFrom = [&](const ValueDecl *VD, auto Test) {
    return llvm::any_of(Facts.valuesOf(VD),
                        [&](const Expr *V) { return InLoop(V) && Test(V); });
  };
  for (const Expr *V : Facts.valuesOf(Var)) {
    if (!InLoop(V))
      continue;
    if (isLinkOf(V, Var))
      return true;
    const auto *Link = dyn_cast<MemberExpr>(V->IgnoreParenImpCasts());
    if (const ValueDecl *Node = Link ? rootDecl(Link->getBase()) : nullptr)
      if (Node != Var &&
          TookFrom(Node, [&](const Expr *N) { return heldPointer(N) == Var; }))
        return true;
    const ValueDecl *Saved = heldPointer(V);
    if (Saved && Saved != Var &&
        TookFrom(Saved, [&](const Expr *N) { return isLinkOf(N, Var); }))
      return true;
  }
  return false;
}

/// `for (t = head; t; t = t->next)`, `while (u != NULL) { ...; u = u->next;
/// }`, `do { ... } while ((c = c->next))`, `while (*lst) { it = *lst; *lst =
/// it->next; ... }`: the list a walk of \p Var's own links starts from,
/// \p Init or the value \p Var was last given before the loop; null for any
/// other loop.
const Expr *listWalked(const ValueDecl *Var, const Expr *Init, const Expr *Cond,
                       const Stmt *Loop, const FunctionFacts &Facts) {
  const DeclRefExpr *Tested =
      pointerTestedForNull(Cond, Facts.function().getASTContext());
  if (!Tested || Tested->getDecl() != Var || !followsLinks(Var, Loop, Facts))
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
  if (!L.Library)
    L.Library = Rows.Library;
}

/// An index or iterator loop: the variable \p Var, set to \p Init before
/// the loop, compared in \p Cond. `for (i = 0; i < r.size(); ++i)`,
/// `while (i < PQntuples(res))`, `for (auto it = r.begin(); ...)`.
void classifyIndexLoop(RowLoop &L, const ValueDecl *Var, const Expr *Init,
                       const Expr *Cond, const Stmt *Loop,
                       const FunctionFacts &Facts, RowsContext &Ctx) {
  L.RowVar = Var;
  // Qt's foreach walks a copy of its container: `for (auto c =
  // QtPrivate::qMakeForeachContainer(ids); c.i != c.e; ++c.i)`.
  const Expr *Over = objectOfAccessor(
      Init, {"begin", "cbegin", "rbegin", "qMakeForeachContainer"});
  const auto *Cmp = dyn_cast_or_null<BinaryOperator>(
      Cond ? Cond->IgnoreParenImpCasts() : nullptr);
  const Expr *Bound = Cmp && Cmp->isComparisonOp()
                          ? Cmp->getRHS()->IgnoreParenImpCasts()
                          : nullptr;
  if (!Over && Bound)
    Over = objectOfAccessor(Bound, {"size", "length", "count", "end"});
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
  if (Over) {
    traceCollection(L, Over, Loop, Facts, Ctx);
    return;
  }
  L.Source = LoopSource::Elements;
  // `for (i = 0; i < 6; i++)` over six labels written in the source: a
  // count fixed at compile time, like a braced list.
  const ASTContext &AST = Facts.function().getASTContext();
  L.ConstantRange = Init && Bound && !Init->isValueDependent() &&
                    !Bound->isValueDependent() &&
                    Init->isIntegerConstantExpr(AST) &&
                    Bound->isIntegerConstantExpr(AST);
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

/// `while ((c = next_item(&it)))`: the call of the condition that hands out
/// the next element into \p Var, when it is a function of the program (a
/// library's cursor step walks rows, pass 2); null otherwise.
const CallFacts *iteratorCall(const ValueDecl *Var, const Expr *Cond,
                              const FunctionFacts &Facts) {
  for (const Expr *V : Facts.valuesOf(Var))
    if (rangeHolds(Cond, V->getBeginLoc()))
      if (const CallFacts *C = Facts.callIn(V))
        return C->Api ? nullptr : C;
  return nullptr;
}

/// \p Arg is, or points to, an object of a struct or class of the program
/// (an iterator, a list): not a library's handle such as a connection.
bool isProgramObject(const Expr *Arg, const ASTContext &AST) {
  QualType T = Arg ? Arg->getType() : QualType();
  if (!T.isNull() && T->isPointerType())
    T = T->getPointeeType();
  const RecordDecl *RD = T.isNull() ? nullptr : T->getAsRecordDecl();
  return RD && !AST.getSourceManager().isInSystemHeader(RD->getLocation());
}

/// The elements an iterator function hands out into \p Var: those of the
/// object of the program it walks (`&it`); the rows of a query when that
/// object holds them.
void classifyIterator(RowLoop &L, const ValueDecl *Var, const CallFacts &Next,
                      const Stmt *Loop, const FunctionFacts &Facts,
                      RowsContext &Ctx) {
  L.RowVar = Var;
  L.Source = LoopSource::Elements;
  for (unsigned I = 0, N = callArgCount(Next.Call); I < N; ++I) {
    const Expr *Arg = callArg(Next.Call, static_cast<int>(I));
    if (!isProgramObject(Arg, Facts.function().getASTContext()))
      continue;
    traceCollection(L, Arg, Loop, Facts, Ctx);
    // `subscribers_open(conn, &cur);`: a helper left a read's result in
    // the object the iterator walks.
    if (L.Source == LoopSource::Elements && L.ResultVar) {
      traceRowsRunOnObject(L, Loop, Facts, Ctx);
      if (L.OriginQuery)
        L.Source = LoopSource::QueryRows;
    }
    L.RowVar = Var;
    return;
  }
}

/// The container a loop's condition tests for elements left: `!todo.empty()`,
/// `!queue.isEmpty()`, `stack.size()`, `todo.size() > 0`; null otherwise.
const ValueDecl *containerTestedNonEmpty(const Expr *Cond) {
  Cond = Cond ? Cond->IgnoreParenImpCasts() : nullptr;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Cond);
      UO && UO->getOpcode() == UO_LNot) {
    const Expr *Object =
        objectOfAccessor(UO->getSubExpr(), {"empty", "isEmpty"});
    return Object ? rootDecl(Object) : nullptr;
  }
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond)) {
    const auto *Zero =
        dyn_cast<IntegerLiteral>(BO->getRHS()->IgnoreParenImpCasts());
    if ((BO->getOpcode() != BO_GT && BO->getOpcode() != BO_NE) || !Zero ||
        Zero->getValue() != 0)
      return nullptr;
    Cond = BO->getLHS();
  }
  const Expr *Object = objectOfAccessor(Cond, {"size", "count", "length"});
  return Object ? rootDecl(Object) : nullptr;
}

/// In \p Loop, draining the container \p Work, the variable each iteration
/// takes an element into (`int id = todo.back(); todo.pop_back();`, `id =
/// queue.dequeue();`); null when the loop takes none or removes none.
const ValueDecl *elementTaken(const ValueDecl *Work, const Stmt *Loop,
                              const FunctionFacts &Facts) {
  static const StringRef Removes[] = {"dequeue",     "takeFirst", "takeLast",
                                      "pop",         "pop_front", "pop_back",
                                      "removeFirst", "removeLast"};
  auto Takes = [&](const Expr *E, llvm::ArrayRef<StringRef> Names) {
    const Expr *Object = objectOfAccessor(E, Names);
    return Object && rootDecl(Object) == Work;
  };
  bool Removed =
      walkSubtree(loopBody(Loop), [&](const Stmt *S) {
        const auto *E = dyn_cast<Expr>(S);
        return E && Takes(E, Removes) ? WalkAction::Stop : WalkAction::Continue;
      }) == WalkResult::Stopped;
  if (!Removed)
    return nullptr;
  const FlowEdge *First = nullptr;
  for (const FlowEdge &E : Facts.edges())
    if (!E.Update && Facts.loopHolds(Loop, E.Src->getBeginLoc()) &&
        (Takes(E.Src, Removes) ||
         Takes(E.Src, {"front", "back", "first", "last", "top", "head"})) &&
        (!First || E.Src->getBeginLoc() < First->Src->getBeginLoc()))
      First = &E;
  return First ? First->Dst : nullptr;
}

/// The object a loop's condition steps to its next element, `rs` in
/// `while (rs->next())` or `do { ... } while (result.next())`: a non-const
/// `bool next()` of a class no library model knows (a project's own
/// result wrapper, a tokenizer).
const Expr *steppedByCondition(const Expr *Cond) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Cond);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || M->isConst() || !M->getIdentifier() || M->getName() != "next" ||
      M->getNumParams() != 0 || !M->getReturnType()->isBooleanType())
    return nullptr;
  return MC->getImplicitObjectArgument();
}

/// `while (!xml.atEnd()) { xml.readNext(); ... }`, `while (it.hasNext()) {
/// id = it.next(); ... }`, `while (!in.eof()) { std::getline(in, line);
/// ... }`: a reader or iterator read to its end, one element per iteration;
/// also `while (rs->next()) { ...rs->getNumber("id")... }`, the condition
/// stepping it (steppedByCondition) and the body reading through it. Null
/// when the condition tests no such object or the body never steps or
/// reads it.
const ValueDecl *readerReadToEnd(const Expr *Cond, const Stmt *Loop,
                                 RowsContext &Ctx) {
  Cond = Cond ? Cond->IgnoreParenImpCasts() : nullptr;
  const Expr *Object = objectOfAccessor(Cond, {"hasNext"});
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond);
      !Object && Not && Not->getOpcode() == UO_LNot)
    Object = objectOfAccessor(Not->getSubExpr(), {"atEnd", "eof"});
  const Expr *Stepped = Object ? nullptr : steppedByCondition(Cond);
  const ValueDecl *Reader = rootDecl(Object ? Object : Stepped);
  // A database cursor is the other passes' to classify.
  if (!Reader || Ctx.model().resultTypeLibrary(Reader->getType()))
    return nullptr;
  // The body steps the reader, or reads what the condition stepped to.
  bool Steps =
      walkSubtree(loopBody(Loop), [&](const Stmt *S) {
        const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
        const auto *C = dyn_cast<CallExpr>(S);
        bool OnReader = MC && MC->getMethodDecl() &&
                        (Stepped || !MC->getMethodDecl()->isConst()) &&
                        rootDecl(MC->getImplicitObjectArgument()) == Reader;
        bool Passed = C && !MC && llvm::any_of(C->arguments(), [&](auto *A) {
                        return rootDecl(A) == Reader;
                      });
        return OnReader || Passed ? WalkAction::Stop : WalkAction::Continue;
      }) == WalkResult::Stopped;
  return Steps ? Reader : nullptr;
}

/// What a reader walks, for messages: the container a Java-style iterator
/// was made from (`QListIterator<int> it(tagIds)` walks 'tagIds'), else the
/// reader itself.
const ValueDecl *iteratedBy(const ValueDecl *Reader, const Expr *Cond) {
  const auto *VD = dyn_cast<VarDecl>(Reader);
  const auto *Made = dyn_cast_or_null<CXXConstructExpr>(
      VD && VD->getInit() ? VD->getInit()->IgnoreImplicit() : nullptr);
  if (Made && Made->getNumArgs() == 1 && objectOfAccessor(Cond, {"hasNext"}))
    if (const auto *Over =
            dyn_cast<DeclRefExpr>(Made->getArg(0)->IgnoreParenImpCasts()))
      return Over->getDecl();
  return Reader;
}

/// A while or do loop. An index loop when it compares a variable with a row
/// count or a result's size (`while (i < PQntuples(res)) { ...; ++i; }`);
/// a walk of a list (`while (u) { ...; u = u->next; }`, a list popped); a
/// worklist drained (`while (!todo.empty())`); a walk by an iterator
/// function (`while ((c = next_item(&it)))`).
void classifyCondLoop(RowLoop &L, const Expr *Cond, const Stmt *Loop,
                      const FunctionFacts &Facts, RowsContext &Ctx) {
  // A worklist drained one element per iteration: a tree walked level by
  // level.
  if (const ValueDecl *Work = containerTestedNonEmpty(Cond))
    if (const ValueDecl *Taken = elementTaken(Work, Loop, Facts)) {
      L.Source = LoopSource::Elements;
      L.RowVar = Taken;
      L.ResultVar = Work;
      L.Name = nameOf(Work);
      return;
    }
  if (const ValueDecl *Reader = readerReadToEnd(Cond, Loop, Ctx)) {
    L.Source = LoopSource::Elements;
    L.RowVar = Reader;
    L.Name = nameOf(iteratedBy(Reader, Cond));
    return;
  }
  const auto *Cmp = dyn_cast_or_null<BinaryOperator>(
      Cond ? Cond->IgnoreParenImpCasts() : nullptr);
  bool Compares = Cmp && Cmp->isRelationalOp();
  const DeclRefExpr *DRE = nullptr;
  if (Compares)
    DRE = dyn_cast<DeclRefExpr>(Cmp->getLHS()->IgnoreParenImpCasts());
  else
    DRE = pointerTestedForNull(Cond, Facts.function().getASTContext());
  if (!DRE)
    return;
  const ValueDecl *Var = DRE->getDecl();
  if (const CallFacts *Next =
          Compares ? nullptr : iteratorCall(Var, Cond, Facts)) {
    classifyIterator(L, Var, *Next, Loop, Facts, Ctx);
    return;
  }
  RowLoop Candidate = L;
  classifyIndexLoop(Candidate, Var, nullptr, Cond, Loop, Facts, Ctx);
  // Another comparison, or a pointer tested that walks no list, walks
  // nothing traceable.
  if (Candidate.Source == LoopSource::QueryRows ||
      (!Compares && listWalked(Var, nullptr, Cond, Loop, Facts)))
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
    // `struct node **tail = &head; ... *tail = n;` fills `head` too.
    llvm::SmallPtrSet<const ValueDecl *, 4> Filled = {VD};
    for (const FlowEdge &E : Facts.edges())
      if (addressedDecl(E.Src) == VD)
        Filled.insert(E.Dst);
    for (const FlowEdge &E : Facts.edges()) {
      if (!Filled.count(E.Dst) ||
          !(E.Src->getBeginLoc() < Before->getBeginLoc()))
        continue;
      // One declared in the row loop's body holds values of one row only
      // (the tags split out of one row's text).
      int In =
          rowLoopOf(E, [&](const LoopFacts &L) { return !declaredIn(VD, L); });
      if (In >= 0)
        return In;
    }
    return -1;
  }

  /// The row loop that fills the data member \p Field of some object with
  /// values read from its rows (`mail->items.push_back(...)`); -1 when
  /// there is none.
  int fillingLoop(const FieldDecl *Field) {
    for (const FlowEdge &E : Facts.edges()) {
      if (E.Field != Field)
        continue;
      int In = rowLoopOf(E, [](const LoopFacts &) { return true; });
      if (In >= 0)
        return In;
    }
    return -1;
  }

private:
  /// The row loop \p E writes in (it or one of its parents, accepted by
  /// \p Accept) whose row the written value carries; -1 when none: filled
  /// in that row loop, not merely from a value computed in it.
  int rowLoopOf(const FlowEdge &E,
                llvm::function_ref<bool(const LoopFacts &)> Accept) {
    if (E.Loop < 0 || Index.empty())
      return -1;
    if (!Flow) {
      Flow = std::make_unique<ValueFlow>(Facts);
      for (size_t B = 0; B < Index.size(); ++B)
        seedCurrentRow(*Flow, Loops[Index[B]], uint64_t(1) << B);
      Flow->propagate();
    }
    uint64_t Carried = Flow->labelsOf(E.Src);
    for (int In = E.Loop; In >= 0; In = Facts.loops()[In].Parent)
      for (size_t B = 0; B < Index.size(); ++B)
        if (Index[B] == In && (Carried & (uint64_t(1) << B)) &&
            Accept(Facts.loops()[In]))
          return In;
    return -1;
  }

  /// \p VD is a local of the body of \p L: of the callable it runs, or
  /// declared within the loop statement.
  bool declaredIn(const ValueDecl *VD, const LoopFacts &L) const {
    if (L.Callback.Function &&
        VD->getParentFunctionOrMethod() == L.Callback.Function)
      return true;
    return Facts.loopHolds(L.Loop, VD->getLocation());
  }

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
  if (L.RowFields)
    for (const ParmVarDecl *P : L.RowFields->parameters())
      Flow.seedVariable(P, Label);
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
      L.RunsAtMostOnce = endsInExit(FS->getBody()) || clearsItsCondition(FS);
    } else if (const auto *WS = dyn_cast<WhileStmt>(Loop)) {
      classifyCondLoop(L, WS->getCond(), WS, Facts, Ctx);
      L.RunsAtMostOnce =
          endsInExit(WS->getBody()) || isFalseConstant(WS->getCond(), AST);
    } else if (const auto *DS = dyn_cast<DoStmt>(Loop)) {
      classifyCondLoop(L, DS->getCond(), DS, Facts, Ctx);
      L.RunsAtMostOnce =
          endsInExit(DS->getBody()) || isFalseConstant(DS->getCond(), AST);
    } else if (Facts.loops()[I].Callback.Body) {
      // A return in the lambda ends one element's call, not the walk.
      classifyCallback(L, Facts.loops()[I].Callback, Facts, Ctx);
    }
  }
}

/// \p L walks the rows the cursor step \p C fetches; with \p Held, a
/// result the step returns is the row.
void adoptCursorStep(RowLoop &L, const CallFacts &C, const ValueDecl *Handle,
                     const FunctionFacts &Facts, bool Held = true) {
  L.Source = LoopSource::QueryRows;
  L.Library = C.Api.Library;
  L.Cursor = L.ResultVar = Handle;
  L.Name = nameOf(Handle);
  // `while ((row = PQgetResult(conn)))`: each step returns a result of
  // the statement run on the connection, held in `row`.
  const ValueDecl *Result = Held && (C.Roles & RoleResultOf)
                                ? Facts.varOfFullExpr(C.FullExpr)
                                : nullptr;
  if (Result) {
    L.RowVar = L.ResultVar = Result;
    L.Name = nameOf(Result);
    L.OriginQuery = C.Call;
    return;
  }
  L.OriginQuery = originOfCursor(Handle, L.Loop, Facts);
}

/// Pass 2, cursor loops: the loop's condition steps a statement handle.
void traceCursorLoops(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  for (const CallFacts &C : Facts.calls())
    if (C.AdvancesLoop >= 0)
      if (const ValueDecl *Handle = Facts.handleOf(C))
        adoptCursorStep(Loops[C.AdvancesLoop], C, Handle, Facts);
}

/// The cursor step a value of \p Flag stores: `rc = sqlite3_step(s)`, `row
/// = mysql_fetch_row(res)`; null when none does.
const CallFacts *stepStoredIn(const ValueDecl *Flag,
                              const FunctionFacts &Facts) {
  for (const Expr *V : Facts.valuesOf(Flag)) {
    const CallFacts *C = Facts.callIn(V);
    if (C && (C->Roles & RoleAdvance) && Facts.handleOf(*C))
      return C;
  }
  return nullptr;
}

/// Pass 3, flag-driven cursor loops: `bool more = rs.moveFirst(); while
/// (more) { ...; more = rs.moveNext(); }`, `rc = sqlite3_step(s); while
/// (rc == SQLITE_ROW) { ...; rc = sqlite3_step(s); }`, the same as a `for`
/// whose init and increment step the cursor, or a goto back on the flag.
void traceFlagLoops(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  for (size_t I = 0; I < Loops.size(); ++I) {
    RowLoop &L = Loops[I];
    if (L.Source == LoopSource::QueryRows)
      continue;
    const ValueDecl *Flag = conditionFlag(loopCondition(Facts.loops()[I]));
    if (const CallFacts *C = Flag ? stepStoredIn(Flag, Facts) : nullptr)
      adoptCursorStep(L, *C, Facts.handleOf(*C), Facts, /*Held=*/false);
  }
}

/// The loop has no condition of its own that ends it: `for (;;)`, `while
/// (true)`, a goto back that always jumps. Only its exits end it.
bool endsOnlyAtExits(const LoopFacts &L, const ASTContext &AST) {
  if (L.Callback.Body || isa<CXXForRangeStmt>(L.Loop))
    return false;
  const Expr *Cond = loopCondition(L);
  bool Value = false;
  return !Cond || (!Cond->isValueDependent() && !Cond->containsErrors() &&
                   Cond->EvaluateAsBooleanCondition(Value, AST) && Value);
}

/// The statement \p Handle is prepared, bound or set anew in \p Loop: each
/// iteration runs a statement of its own rather than stepping one cursor.
bool setUpInLoop(const ValueDecl *Handle, const Stmt *Loop,
                 const FunctionFacts &Facts) {
  auto InLoop = [&](const Expr *E) {
    return Facts.loopHolds(Loop, E->getBeginLoc());
  };
  auto CallInLoop = [&](const CallFacts *C) { return InLoop(C->Call); };
  return llvm::any_of(Facts.preparesOf(Handle), CallInLoop) ||
         llvm::any_of(Facts.bindsOf(Handle), CallInLoop) ||
         llvm::any_of(Facts.valuesOf(Handle), InLoop);
}

/// The cursor step an exit's condition tests: `if (sqlite3_step(s) !=
/// SQLITE_ROW) break;`, `row = mysql_fetch_row(res); if (!row) goto out;`.
const CallFacts *stepTestedBy(const Expr *Cond, const FunctionFacts &Facts) {
  const CallFacts *Step = nullptr;
  walkSubtree(
      Cond,
      [&](const Stmt *S) {
        const auto *E = dyn_cast<Expr>(S);
        const CallFacts *C = E ? Facts.factsOf(E) : nullptr;
        if (C && (C->Roles & RoleAdvance) && Facts.handleOf(*C)) {
          Step = C;
          return WalkAction::Stop;
        }
        return WalkAction::Continue;
      },
      WalkOrder::SourceOrder);
  if (Step)
    return Step;
  const ValueDecl *Flag = conditionFlag(Cond);
  return Flag ? stepStoredIn(Flag, Facts) : nullptr;
}

/// Pass 4, loops only their exits end: `for (;;) { if (sqlite3_step(s) !=
/// SQLITE_ROW) break; ... }`, `again: row = mysql_fetch_row(res); if (!row)
/// goto out; ...; goto again;`. The exit that tests a cursor's step walks
/// its rows, when the statement was set up before the loop.
void traceExitCursorLoops(std::vector<RowLoop> &Loops,
                          const FunctionFacts &Facts) {
  const ASTContext &AST = Facts.function().getASTContext();
  for (const ConditionalExit &E : Facts.conditionalExits()) {
    int I = E.Loops.back(); // the innermost loop it leaves
    RowLoop &L = Loops[I];
    if (L.Source != LoopSource::None || !endsOnlyAtExits(Facts.loops()[I], AST))
      continue;
    const CallFacts *Step = stepTestedBy(E.Cond, Facts);
    const ValueDecl *Handle = Step ? Facts.handleOf(*Step) : nullptr;
    if (Handle && !setUpInLoop(Handle, L.Loop, Facts))
      adoptCursorStep(L, *Step, Handle, Facts);
  }
}

/// The variable or data member a row index names: `i`, `*td->next_row`.
const ValueDecl *indexNamed(const Expr *E) {
  if (const FieldDecl *Field = namedField(E))
    return Field;
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  return DRE ? DRE->getDecl() : nullptr;
}

/// The body of \p Loop steps \p Index by one.
bool stepsIndex(const Stmt *Loop, const ValueDecl *Index) {
  return walkSubtree(loopBody(Loop), [&](const Stmt *S) {
           const Expr *Stepped = steppedByOne(S);
           return Stepped && indexNamed(Stepped) == Index
                      ? WalkAction::Stop
                      : WalkAction::Continue;
         }) == WalkResult::Stopped;
}

/// Pass 5, rows read by an index the loop moves: worker threads sharing one
/// result (`while (1) { ...; id = PQgetvalue(td->res, *td->count, 0);
/// (*td->count)++; ... }`), or a counter loop whose bound is not the row
/// count (`for (i = 0; i < td->tuples; i++)`). The loop walks the rows of
/// the result the read names.
void traceRowIndexLoops(std::vector<RowLoop> &Loops,
                        const FunctionFacts &Facts) {
  for (const CallFacts &C : Facts.calls()) {
    if (C.Loop < 0 || !(C.Roles & RoleColumnRead) || !C.Api)
      continue;
    const Expr *Index = callArg(C.Call, C.Api.Function->RowIndexArg);
    const ValueDecl *VD = Index ? indexNamed(Index) : nullptr;
    RowLoop &L = Loops[C.Loop];
    bool Counter =
        L.Source == LoopSource::Elements && L.RowVar == VD && !L.ResultVar;
    if (!VD ||
        (!Counter && (L.Source != LoopSource::None || !stepsIndex(L.Loop, VD))))
      continue;
    const Expr *Result = callArg(C.Call, C.Api.Function->HandleArg);
    L.Source = LoopSource::QueryRows;
    // `for (i = 0; i < 10; i++)` over a result reads its first ten rows.
    L.ConstantRange = false;
    L.Library = C.Api.Library;
    L.RowVar = VD;
    L.ResultVar = rootDecl(Result);
    L.Name = memberPath(Result);
    if (L.Name.empty())
      L.Name = nameOf(L.ResultVar);
    if (L.ResultVar && !namedField(Result))
      L.OriginQuery = originOfCursor(L.ResultVar, L.Loop, Facts);
  }
}

/// `for (n = 1;; ++n)`: the counter a for loop without a condition steps
/// by one; null for any other loop.
const ValueDecl *counterOf(const Stmt *Loop) {
  const auto *FS = dyn_cast<ForStmt>(Loop);
  const Expr *Stepped =
      FS && !FS->getCond() ? steppedByOne(FS->getInc()) : nullptr;
  const auto *DRE =
      Stepped ? dyn_cast<DeclRefExpr>(Stepped->IgnoreParenImpCasts()) : nullptr;
  return DRE ? DRE->getDecl() : nullptr;
}

/// The read \p C looks up one item per iteration of \p Loop rather than a
/// page of rows: its SQL selects no page (LIMIT 100, OFFSET), and no loop
/// inside walks its rows.
bool readsOneItem(const CallFacts &C, int Loop, llvm::ArrayRef<RowLoop> Loops,
                  const FunctionFacts &Facts) {
  QueryTarget T = describeQuery(C, Facts);
  if (T.IsWrite || T.IsSession)
    return false;
  if (auto Text = leadingSqlText(T.Sql, &Facts); Text && sqlSelectsPage(*Text))
    return false;
  const ValueDecl *Handle = Facts.handleOf(C);
  for (size_t J = 0; J < Loops.size(); ++J)
    if (Facts.loops()[J].Parent >= 0 &&
        inLoopSubtree(Facts.loops()[J].Parent, Loop, Facts) &&
        (Loops[J].OriginQuery == C.Call ||
         (Handle && Loops[J].Cursor == Handle)))
      return false;
  return true;
}

/// Pass 6, lookups by a counter: `for (n = 1;; ++n) { ...WHERE seq = ?
/// bound to n...; if (sqlite3_step(s) != SQLITE_ROW) break; ... }` reads
/// one item per value of the counter until none is found: a loop over the
/// counter's values, each read with a query of its own. A retry (the
/// counter feeds no query), a page read (LIMIT/OFFSET, a loop over the
/// page's rows) or a poll (no query's result ends it) is none. One flow
/// labels the counters of the first 64 such loops.
void traceCounterLookups(std::vector<RowLoop> &Loops,
                         const FunctionFacts &Facts) {
  llvm::SmallVector<const ValueDecl *, 4> Counters(Loops.size());
  llvm::SmallVector<int, 4> Labelled(Loops.size(), -1);
  ValueFlow Flow(Facts);
  unsigned Next = 0;
  for (size_t I = 0; I < Loops.size() && Next < 64; ++I)
    if (Loops[I].Source == LoopSource::None)
      if ((Counters[I] = counterOf(Loops[I].Loop))) {
        Flow.seedVariable(Counters[I], uint64_t(1) << Next);
        Labelled[I] = static_cast<int>(Next++);
      }
  if (Next == 0)
    return;
  Flow.propagate();
  for (const CallFacts &C : Facts.calls()) {
    int I = C.Loop;
    if (I < 0 || Labelled[I] < 0 || Loops[I].Source != LoopSource::None ||
        !(C.Roles & RoleExecute) || !resultEndsLoop(C, I, Facts) ||
        !readsOneItem(C, I, Loops, Facts))
      continue;
    LabelMask Fed = labelInputs(
        [&](InputVisitor Visit) { forEachQueryInput(C, Facts, Visit); }, Flow);
    if (Fed & (uint64_t(1) << Labelled[I])) {
      Loops[I].Source = LoopSource::Elements;
      Loops[I].RowVar = Counters[I];
    }
  }
}

/// The variables \p Loop's condition tests: `while (parentId && !found)`.
llvm::SmallVector<const VarDecl *, 2> testedVariables(const LoopFacts &Loop) {
  llvm::SmallVector<const VarDecl *, 2> Vars;
  walkSubtree(loopCondition(Loop), [&](const Stmt *S) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (!llvm::is_contained(Vars, VD) && Vars.size() < 4)
          Vars.push_back(VD);
    return WalkAction::Continue;
  });
  return Vars;
}

/// \p Var is set in loop \p Loop from a row the read \p C returned:
/// `if (q.next()) parentId = q.value(0).toInt();`.
bool setFromRowOf(const ValueDecl *Var, const CallFacts &C, int Loop,
                  const FunctionFacts &Facts) {
  ValueFlow Flow(Facts);
  Flow.seedCursor(Facts.handleOf(C), 1);
  if (const ValueDecl *Result = Facts.varOfFullExpr(C.FullExpr)) {
    Flow.seedCursor(Result, 1);
    Flow.seedVariable(Result, 1);
  }
  Flow.propagate();
  return llvm::any_of(Facts.edges(), [&](const FlowEdge &E) {
    return E.Dst == Var && E.Loop >= 0 && inLoopSubtree(E.Loop, Loop, Facts) &&
           C.Call->getBeginLoc() < E.Src->getBeginLoc() && Flow.labelsOf(E.Src);
  });
}

/// Pass 7, a chain followed one link per query: `while (parentId) {
/// ...SELECT parentId FROM folders WHERE id = parentId...; parentId = <the
/// row's parentId>; }` climbs a tree one SELECT per ancestor. The variable
/// the loop tests keys a read of one row, and is set from that row: the loop
/// walks the chain's links. A paged read (LIMIT, a loop over its rows), a
/// command that is no SELECT (Redis SCAN's cursor) and a poll (the tested
/// value feeds no query) are none.
void traceLinkWalks(std::vector<RowLoop> &Loops, const FunctionFacts &Facts) {
  for (size_t I = 0; I < Loops.size(); ++I) {
    if (Loops[I].Source != LoopSource::None)
      continue;
    for (const VarDecl *Var : testedVariables(Facts.loops()[I])) {
      bool SetInLoop = llvm::any_of(Facts.edges(), [&](const FlowEdge &E) {
        return E.Dst == Var && E.Loop >= 0 && inLoopSubtree(E.Loop, I, Facts);
      });
      if (!SetInLoop)
        continue;
      ValueFlow Flow(Facts);
      Flow.seedVariable(Var, 1);
      Flow.propagate();
      for (const CallFacts &C : Facts.calls()) {
        // The cheap tests first: the tested value keys the call.
        if (C.Loop < 0 || !inLoopSubtree(C.Loop, I, Facts) ||
            !(C.Roles & RoleExecute) ||
            !labelInputs(
                [&](InputVisitor Visit) { forEachQueryInput(C, Facts, Visit); },
                Flow) ||
            !readsOneItem(C, I, Loops, Facts))
          continue;
        auto Text = leadingSqlText(describeQuery(C, Facts).Sql, &Facts);
        if (!Text || classifySql(*Text) != SqlStatementKind::Read ||
            !setFromRowOf(Var, C, I, Facts))
          continue;
        Loops[I].Source = LoopSource::Elements;
        Loops[I].RowVar = Var;
        Loops[I].FollowsLinks = true;
        break;
      }
      if (Loops[I].FollowsLinks)
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
  traceExitCursorLoops(Result, Facts);
  traceRowIndexLoops(Result, Facts);
  traceCounterLookups(Result, Facts);
  traceLinkWalks(Result, Facts);
  // Pass 8: the table the rows come from, and the parents that return at
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

/// The rows a container filled in row loop \p L holds copies of.
RowsOrigin copiedRowsOf(const RowLoop &L) {
  RowsOrigin Rows;
  Rows.Query = L.OriginQuery;
  Rows.Remote = L.RemoteOrigin;
  Rows.Library = L.Library;
  Rows.Table = L.Table;
  Rows.Copied = true;
  return Rows;
}

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
    if (Filler >= 0 && (Rows = copiedRowsOf(Loops[Filler])))
      return Rows;
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

RowsOrigin rowsStoredInField(const FunctionFacts &Facts,
                             llvm::ArrayRef<RowLoop> Loops,
                             const clang::FieldDecl *Field) {
  RowCopies Copies(Loops, Facts);
  int Filler = Copies.fillingLoop(Field);
  return Filler < 0 ? RowsOrigin() : copiedRowsOf(Loops[Filler]);
}

namespace {
/// The rows of the last read whose result the function stores into a field
/// of the object \p Param points to (`cur->res = mysql_store_result(c)`).
RowsOrigin rowsStoredInObject(const ParmVarDecl *Param,
                              const FunctionFacts &Facts) {
  RowsOrigin Last;
  for (const FlowEdge &E : Facts.edges()) {
    const auto *BO = dyn_cast_or_null<BinaryOperator>(E.Update);
    if (E.Dst != Param || !BO || BO->getOpcode() != BO_Assign)
      continue;
    if (const Expr *Query = queryCallIn(BO->getRHS(), Facts))
      if (RowsOrigin Rows = readOrigin(runningCall(Query, Facts), Facts))
        Last = Rows;
  }
  return Last;
}
} // namespace

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
    if (!Own)
      Own = rowsStoredInObject(Param, Facts);
    auto [Passed, Call] = rowsRunOnObject(Param, End, Facts, Ctx);
    // The later of its own read and the helper's.
    bool HelperLater =
        Passed && (!Own || Own.Query->getBeginLoc() < Call->getBeginLoc());
    Result[P] = HelperLater ? Passed : Own;
  }
  return Result;
}

} // namespace nplusone
