//===- FunctionFacts.h - One walk over a function body ----------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Everything the analysis needs from a function body, collected in a single
// bounded walk: its loops and their nesting, every call with the loops that
// run it, the statements through which values flow between variables, and
// where statement handles get prepared, bound and run. Later stages read
// these facts and look into the expressions they point at (each a bounded
// walk of one expression, lib/ast/Statements.h); they never walk a body
// again, except the hoisting plan, which reads the names a body declares
// before it proposes to move a declaration.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_FUNCTIONFACTS_H
#define NPLUSONE_LIB_ANALYSIS_FUNCTIONFACTS_H

#include "lib/analysis/PerElementAlgorithms.h"
#include "lib/api/ApiModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace nplusone {

/// A loop of the function, in source order; Parent is the enclosing loop.
/// A call of a per-element algorithm with a lambda (`std::for_each(b, e,
/// [&](auto &u) { ... })`) is a loop too: the call is its Loop, and the
/// lambda's body, walked in place, is its body. A label that a later
/// statement of its block jumps back to (`again: ...; goto again;`) starts
/// a loop too: the label is its Loop, and its body runs to the end of Last.
struct LoopFacts {
  const clang::Stmt *Loop = nullptr;
  int Parent = -1;
  /// The loop is a statement of a `{ }` block, so a statement can be placed
  /// before it.
  bool InBlock = false;
  /// For an algorithm's loop: what it walks and the lambda it runs.
  CallbackLoop Callback;
  /// For a goto's loop: the statement of the label's block that holds the
  /// last goto back to it, and the condition of that statement when it is
  /// an `if` that jumps back (`if (rc == SQLITE_BUSY) goto again;`).
  const clang::Stmt *Last = nullptr;
  const clang::Expr *GotoCond = nullptr;
};

/// The condition that decides whether \p L runs again: a for, while or do
/// loop's, a goto's `if`; null when it has none (`for (;;)`, an
/// unconditional goto back, a range or an algorithm).
const clang::Expr *loopCondition(const LoopFacts &L);

/// A call, with the API model entry of its callee if it has one.
struct CallFacts {
  /// A CallExpr, or a CXXConstructExpr of a modelled library class.
  const clang::Expr *Call = nullptr;
  ApiModel::Match Api;
  /// The innermost loop that runs the call; its ancestors run it too.
  int Loop = -1;
  /// The loop whose condition holds the call, if any.
  int InConditionOf = -1;
  /// The loop whose rows this call steps: the first cursor step in a loop's
  /// condition walks that loop's rows rather than running a query in it.
  int AdvancesLoop = -1;
  /// The innermost loop inside which the call sits under an
  /// if/switch/?:/&&/||; the call is conditional in it and in its ancestors.
  int ConditionalIn = -1;
  /// The innermost `if` branch holding the call (an index into
  /// FunctionFacts::guards()), or -1.
  int Guard = -1;
  /// The loops the call's path leaves: it sits in a block that always ends
  /// with a break, return, throw or goto out of them (error handling), so
  /// it runs at most once per entry of each.
  llvm::SmallVector<int, 0> ExitedLoops;
  /// The full expression the call is part of.
  const clang::Expr *FullExpr = nullptr;
  /// The roles the call plays here: its model's, except that a prepared
  /// statement run in the same expression (`session << "...", now`,
  /// `(sql << "...").exec()`) is run at the prepare, and the call that runs
  /// it plays none.
  unsigned Roles = 0;
};

/// `Dst` receives whatever `Src` carries, in the innermost loop `Loop`
/// (-1 outside loops).
struct FlowEdge {
  const clang::ValueDecl *Dst;
  const clang::Expr *Src;
  int Loop = -1;
  /// What writes Dst when Src is not simply its new value: the compound
  /// assignment, increment or operator that updates it (`q += key`), the
  /// store into one of its fields (`q.s = buf`), or the
  /// call that writes it through an argument or its object
  /// (`snprintf(q, n, "...", id)`, `q.append(id)`); null for an
  /// initialisation or a plain assignment.
  const clang::Expr *Update = nullptr;
  /// The write sits under an if/switch/?:/&&/|| within its loop.
  bool Conditional = false;
  /// The data member of Dst written, when the write names one
  /// (`mail->items.push_back(item)` writes 'items' of 'mail').
  const clang::FieldDecl *Field = nullptr;
};

/// An `if` branch some calls sit in (or the right operand of `&&`, `||`):
/// its condition, the branch, whether it is the else branch (runs when the
/// condition fails), and the branch enclosing this one (-1 at the top).
struct GuardFacts {
  const clang::Expr *Cond = nullptr;
  const clang::Stmt *Branch = nullptr;
  bool InElse = false;
  int Parent = -1;
};

/// An `if` whose branch leaves loops: `if (r.empty()) break;`.
struct ConditionalExit {
  const clang::Expr *Cond = nullptr;
  /// The loops the branch leaves.
  llvm::SmallVector<int, 1> Loops;
};

/// The functions that callables handed to per-row library calls in a
/// pointer or std::function can hold, by the callable argument.
using HeldCallbackTargets =
    llvm::DenseMap<const clang::Expr *, const clang::FunctionDecl *>;

class FunctionFacts {
public:
  /// \p Held: the callbacks resolved after a first walk (heldCallbacks),
  /// walked in place like those written at their call.
  FunctionFacts(const clang::FunctionDecl &FD, const ApiModel &Model,
                const HeldCallbackTargets *Held = nullptr);

  const clang::FunctionDecl &function() const { return FD; }
  llvm::ArrayRef<LoopFacts> loops() const { return Loops; }
  llvm::ArrayRef<CallFacts> calls() const { return Calls; }
  llvm::ArrayRef<FlowEdge> edges() const { return Edges; }
  llvm::ArrayRef<ConditionalExit> conditionalExits() const { return Exits; }
  llvm::ArrayRef<GuardFacts> guards() const { return Guards; }

  /// Prepare calls (RolePrepare) that compile SQL into the handle \p Handle,
  /// in source order.
  llvm::ArrayRef<const CallFacts *>
  preparesOf(const clang::ValueDecl *Handle) const;
  /// Calls binding a value to \p Handle (RoleBind), in source order.
  llvm::ArrayRef<const CallFacts *>
  bindsOf(const clang::ValueDecl *Handle) const;
  /// Calls running the statement \p Handle (RoleExecute) or fetching its
  /// result (RoleResultOf), in source order.
  llvm::ArrayRef<const CallFacts *>
  executesOf(const clang::ValueDecl *Handle) const;
  /// The last of \p Calls (in source order) that starts before \p Before and
  /// plays one of \p Roles (any, when 0); null when none does.
  static const CallFacts *lastBefore(llvm::ArrayRef<const CallFacts *> Calls,
                                     clang::SourceLocation Before,
                                     unsigned Roles = 0);
  /// The statement handle a modelled call works on, or null: its handle
  /// argument, or the variable its value is stored in (ReturnValue).
  const clang::ValueDecl *handleOf(const CallFacts &C) const;
  /// The data member that holds the statement handle of \p C, when one
  /// does: `d->insert_tag`, `&db.stmt`, `insert_`, or the member a
  /// prepared statement is assigned or initialised to. Handles are keyed by
  /// their root variable (`d`); this tells `d->insert_tag` from `d->find_tag`
  /// and links a member prepared in one function to its run in another.
  const clang::FieldDecl *handleFieldOf(const CallFacts &C) const;
  /// The variable a full expression stores a value into, or null.
  const clang::ValueDecl *varOfFullExpr(const clang::Expr *E) const {
    return VarOfFullExpr.lookup(E);
  }
  /// The outermost call of this body that \p E evaluates to, looking
  /// through conversions, temporaries and converting constructors, or null.
  const CallFacts *callIn(const clang::Expr *E) const;
  /// The facts of a call of this body, or null.
  const CallFacts *factsOf(const clang::Expr *C) const {
    auto It = CallIndex.find(C);
    return It == CallIndex.end() ? nullptr : &Calls[It->second];
  }
  /// The cursor a column-read call (RoleColumnRead) reads, or null.
  const clang::ValueDecl *columnReadHandle(const clang::Expr *C) const {
    return ColumnReads.lookup(C);
  }
  /// The values the function returns, in source order.
  llvm::ArrayRef<const clang::Expr *> returns() const { return Returns; }
  /// The initializer of \p VD and the right-hand sides assigned to it.
  llvm::ArrayRef<const clang::Expr *>
  valuesOf(const clang::ValueDecl *VD) const;
  /// How many flow edges write \p VD: its values, and every append, update
  /// or write through an out-parameter.
  unsigned writeCount(const clang::ValueDecl *VD) const {
    return WriteCounts.lookup(VD);
  }

  /// True when \p Loc lies in the loop \p Loop: within its statement, or
  /// for a goto's loop between its label and the end of its last statement.
  bool loopHolds(const clang::Stmt *Loop, clang::SourceLocation Loc) const;

  /// The callables handed to per-row library calls that are held in a
  /// variable, parameter or field (heldRowCallback) and were not given a
  /// target when these facts were collected.
  llvm::ArrayRef<const clang::Expr *> heldCallbacks() const {
    return HeldCallbacks;
  }

  /// True when the walk stopped early on a pathologically deep body.
  bool truncated() const { return Truncated; }

private:
  friend class FactsWalker;
  const clang::FunctionDecl &FD;
  std::vector<LoopFacts> Loops;
  std::vector<CallFacts> Calls;
  std::vector<FlowEdge> Edges;
  std::vector<ConditionalExit> Exits;
  std::vector<GuardFacts> Guards;
  std::vector<const clang::Expr *> Returns;
  std::vector<const clang::Expr *> HeldCallbacks;
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const CallFacts *, 1>>
      Prepares, Binds, Executes;
  /// Calls whose returned value or constructed object is the handle.
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> ReturnHandles;
  /// Full expressions that store a value into a variable: its initializer,
  /// or an assignment.
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> VarOfFullExpr;
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::Expr *, 1>>
      Values;
  llvm::DenseMap<const clang::ValueDecl *, unsigned> WriteCounts;
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> ColumnReads;
  llvm::DenseMap<const clang::Expr *, unsigned> CallIndex;
  /// The label of each goto's loop, with the last statement of its body.
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> GotoLoopEnds;
  bool Truncated = false;
};

/// The one value a variable holds: a local's initialiser or assignment when
/// it has exactly one and nothing else writes it (no append, no write
/// through a pointer), a constant's initialiser; null otherwise. \p Facts
/// are those of the function the variable is local to, if it is.
const clang::Expr *singleValue(const clang::VarDecl *VD,
                               const FunctionFacts *Facts);

/// Where a local's value comes from: the right-hand side of its only
/// initialisation or assignment, whatever calls or appends may do to it
/// after (`std::string name = row["name"]; bind(name)`); null when it is
/// assigned more than once or is not a local of \p Facts' function. For
/// tracing a row value back to the column it was read from; singleValue is
/// for reading what a variable holds.
const clang::Expr *onlyAssignedValue(const clang::VarDecl *VD,
                                     const FunctionFacts &Facts);

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_FUNCTIONFACTS_H
