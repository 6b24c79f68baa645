//===- FunctionFacts.h - One walk over a function body ---------*- C++ -*-===//
//
// Everything the analysis needs from a function body, collected in a single
// bounded walk: its loops and their nesting, every call with the loops that
// run it, the statements through which values flow between variables, and
// where statement handles get prepared. Later stages never re-walk the AST.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_FUNCTIONFACTS_H
#define NPLUSONE_LIB_FUNCTIONFACTS_H

#include "lib/ApiModel.h"
#include "lib/CallbackAlgorithms.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang {
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
} // namespace clang

namespace nplusone {

/// A loop of the function, in source order; Parent is the enclosing loop.
/// A call of a per-element algorithm with a lambda (`std::for_each(b, e,
/// [&](auto &u) { ... })`) is a loop too: the call is its Loop, and the
/// lambda's body, walked in place, is its body.
struct LoopFacts {
  const clang::Stmt *Loop = nullptr;
  int Parent = -1;
  /// The loop is a statement of a `{ }` block, so a statement can be placed
  /// before it.
  bool InBlock = false;
  /// For an algorithm's loop: what it walks and the lambda it runs.
  CallbackLoop Callback;
};

/// A call, with the API model entry of its callee if it has one.
struct CallFacts {
  /// A CallExpr, or a CXXConstructExpr of a modelled library class.
  const clang::Expr *Call = nullptr;
  ApiModel::Match Api;
  /// Where a loop's cursor step sits in that loop's own condition, the call
  /// walks the rows of that loop rather than running inside it.
  int ConditionOfLoop = -1;
  /// The innermost loop that runs the call; its ancestors run it too.
  int Loop = -1;
  /// The loop whose condition holds the call, if any.
  int InConditionOf = -1;
  /// The innermost loop inside which the call sits under an
  /// if/switch/?:/&&/||; the call is conditional in it and in its ancestors.
  int ConditionalIn = -1;
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
};

class FunctionFacts {
public:
  FunctionFacts(const clang::FunctionDecl &FD, const ApiModel &Model);

  const clang::FunctionDecl &function() const { return FD; }
  llvm::ArrayRef<LoopFacts> loops() const { return Loops; }
  llvm::ArrayRef<CallFacts> calls() const { return Calls; }
  llvm::ArrayRef<FlowEdge> edges() const { return Edges; }

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
  /// The statement handle a modelled call works on, or null: its handle
  /// argument, or the variable its value is stored in (ReturnValue).
  const clang::ValueDecl *handleOf(const CallFacts &C) const;
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

  /// True when the walk stopped early on a pathologically deep body.
  bool truncated() const { return Truncated; }

private:
  friend class FactsWalker;
  const clang::FunctionDecl &FD;
  std::vector<LoopFacts> Loops;
  std::vector<CallFacts> Calls;
  std::vector<FlowEdge> Edges;
  std::vector<const clang::Expr *> Returns;
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
  llvm::DenseMap<const clang::Expr *, const clang::ValueDecl *> ColumnReads;
  llvm::DenseMap<const clang::Expr *, unsigned> CallIndex;
  bool Truncated = false;
};

/// The variable or field an lvalue-ish expression names at its root:
/// `x`, `x.f`, `*x`, `x[i]`, `&x`, `ss << a << b` all give `x`; a member of
/// `this` gives the field.
const clang::ValueDecl *rootDecl(const clang::Expr *E);

/// A call site is a CallExpr or a CXXConstructExpr (a library class whose
/// constructor runs SQL, such as `SQLite::Statement q(db, "...")`).
/// The function or constructor it calls, or null.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// Argument \p Index of a call site, where ImplicitObject is the object of a
/// member call; null when absent.
const clang::Expr *callArg(const clang::Expr *Call, int Index);

/// The number of arguments of a call site, the object of a member operator
/// not counted.
unsigned callArgCount(const clang::Expr *Call);

} // namespace nplusone

#endif // NPLUSONE_LIB_FUNCTIONFACTS_H
