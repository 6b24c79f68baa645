//===- AnalysisContext.h - Per-translation-unit analysis state --*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Owns what is computed once per translation unit and shared by every
// function analysed in it: the API model in force, the options, the facts of
// each function body (walked once) and the memoized call summaries.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_ANALYSISCONTEXT_H
#define NPLUSONE_LIB_ANALYSIS_ANALYSISCONTEXT_H

#include "lib/analysis/FunctionFacts.h"
#include "lib/analysis/Guards.h"
#include "lib/analysis/QueryTarget.h"
#include "lib/analysis/RowLoops.h"
#include "lib/api/ApiModel.h"
#include "lib/wholeprogram/SummaryStore.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace clang {
class MangleContext;
class ParmVarDecl;
} // namespace clang

namespace nplusone {

/// The MaxCallDepth option's default, and the most it may be: summaries
/// recurse once per level.
constexpr unsigned DefaultMaxCallDepth = 8;
constexpr unsigned MaxCallDepthLimit = 64;

struct AnalysisOptions {
  /// How many calls deep a query hidden in helpers is still found.
  unsigned MaxCallDepth = DefaultMaxCallDepth;
  SqlDialect Dialect = SqlDialect::Auto;
};

/// One step of the call chain from the loop down to the query.
struct ChainStep {
  /// The call made in Caller.
  const clang::Expr *Call;
  const clang::FunctionDecl *Caller;
  /// The function called, or null when Call is the library call itself.
  const clang::FunctionDecl *Callee;
};

/// A call to a function defined in another translation unit, made by a
/// function itself or through functions of this unit it calls; recorded in
/// this unit's summary (lib/wholeprogram) and linked when summaries are read.
struct RemoteCallEdge {
  const clang::FunctionDecl *Remote = nullptr;
  /// The call as the summary records it: the remote function's key, the
  /// depth, and per argument what flows in (in labels of the function's
  /// parameters), its literal text and the parameter it is. Its Steps are
  /// written from Chain when the summary is.
  SummaryCall Call;
  /// From the function down to the call.
  std::vector<ChainStep> Chain;
};

/// What calling a function does, as far as queries go.
struct CallSummary {
  bool RunsQuery = false;
  /// Calls from a caller of this function down to the query; 1 when the
  /// query runs in this function's own body.
  unsigned Depth = 0;
  /// Bit i: parameter i feeds a query's SQL or parameters; ThisParamBit:
  /// a member of the object does.
  LabelMask ParamFlow = 0;
  /// The call in this function's body that runs the query (an API call) or
  /// leads to it (a call to ViaCallee).
  const clang::Expr *Via = nullptr;
  const clang::FunctionDecl *ViaCallee = nullptr;
  /// The query at the end of the chain.
  QueryTarget Target;
  /// The function returns the rows of a read (its result, or a container
  /// filled from them): the query, in whichever function runs it.
  RowsOrigin ReturnedRows;
  /// Per parameter: the rows of a read it runs on the object the parameter
  /// refers to (`m.select()` on `QSqlTableModel &m`), if any.
  std::vector<RowsOrigin> ParamRows;
  /// Every query the function reaches runs on some paths only (under a
  /// condition here or in a callee): a call runs one at most.
  bool Conditional = false;
  /// A test of a parameter every query of the function runs under: a call
  /// passing a constant that fails it runs none.
  std::optional<ParamGuard> Guard;
  /// When the function's queries do not all share one: the test of a
  /// parameter the query of Target runs under (`if (interpolation)`). A
  /// call passing a constant decides it (selectedBy): one that passes the
  /// test runs Taken (this query, fed only by what feeds the queries under
  /// the test), one that fails it runs Otherwise (the shallowest query not
  /// under the test, the else branch's).
  std::optional<ParamGuard> TargetGuard;
  std::shared_ptr<const CallSummary> Taken, Otherwise;
  /// When the query is in another translation unit: the chain's rest there.
  const SummaryQuery *Remote = nullptr;
  /// When the query is a write: the shallowest read the function reaches
  /// as well, with its own chain and inputs. A caller's loop whose writes
  /// are a batched form (SQLite's bulk load) still pays for this read.
  std::shared_ptr<const CallSummary> Read;
  /// Exporting a summary: the calls into other units (at most one per
  /// callee, the shallowest).
  std::vector<RemoteCallEdge> RemoteCalls;
};

/// What calling a function summarised by \p S at \p Call runs: the query
/// its constant arguments select (S->Taken or S->Otherwise, when they
/// decide S->TargetGuard), else \p S itself. Either may be null.
const CallSummary *selectedBy(const CallSummary *S, const clang::Expr *Call);

/// The std::function object a call runs through (`visit` in `visit(row)`),
/// or null.
const clang::Expr *callableWrapperCalled(const clang::Expr *Call);

class AnalysisContext : public RowsContext, public NamedStatements {
public:
  AnalysisContext(const ApiModel &Model, AnalysisOptions Options);
  ~AnalysisContext() override;

  const ApiModel &model() const override { return Model; }
  const AnalysisOptions &options() const { return Options; }

  /// The facts of a function definition's body, computed once.
  const FunctionFacts &facts(const clang::FunctionDecl &FD);

  /// The summary of calling \p FD when at most \p Budget more calls may be
  /// followed; null when \p FD has no body here or is being summarised
  /// further up the stack (recursion).
  const CallSummary *summary(const clang::FunctionDecl *FD, unsigned Budget);

  /// The definition a call reaches when its body is in this translation
  /// unit and is user code worth following; null otherwise. A call through
  /// a std::function reaches the one function it can hold (heldFunction).
  const clang::FunctionDecl *followableCallee(const clang::Expr *C);

  /// The one function the std::function or function pointer \p Value can
  /// hold here: a lambda or function it is initialised or assigned with,
  /// when that is its only value; for a parameter, the one every call in
  /// this unit passes; for a data member, the one every store into it in
  /// this unit gives (fieldFunction). Null when there is none or more than
  /// one. \p Depth bounds the parameters and members followed to their
  /// values.
  const clang::FunctionDecl *heldFunction(const clang::Expr *Value,
                                          unsigned Depth = 0);

  /// What each loop of a function definition walks; computed once for the
  /// analysis of the function itself, afresh inside a summary (where fewer
  /// calls may be followed).
  std::vector<RowLoop> rowLoops(const clang::FunctionDecl &FD);

  /// The rows a call returns, when it calls a function of this unit that
  /// returns a read's rows. Counts against the call budget of the summary
  /// being computed, if any.
  RowsOrigin rowsReturnedBy(const clang::Expr *Call) override;
  /// The rows a call leaves in its argument \p Arg; the same budget.
  RowsOrigin rowsRunOnArgument(const clang::Expr *Call, unsigned Arg) override;
  RowsOrigin rowsStoredIn(const clang::FieldDecl *Field) override;

  /// Whole-program mode: the summaries of other units, read for calls to
  /// functions that have no body here.
  void setSummaryStore(SummaryStore *S) { Store = S; }
  /// The database drivers this unit selects, as UnitSummary::Drivers
  /// records them.
  std::vector<std::string> selectedDrivers();
  /// Exporting this unit's summary: calls into other units are recorded in
  /// the summaries (RemoteCalls) rather than read from the store.
  void setExporting(bool On) { Exporting = On; }
  bool exporting() const { return Exporting; }

  /// The function another unit defines that \p Call reaches: a function of
  /// user code with no body here, not modelled, that other units can
  /// define; null otherwise.
  const clang::FunctionDecl *remoteCallee(const clang::Expr *Call) const;
  /// The linkage key of \p FD (lib/ast/Declarations.h).
  std::string linkageKeyOf(const clang::FunctionDecl *FD);
  /// The summary of calling the function of another unit \p Call reaches,
  /// from the summary store, with at most \p Budget calls followed; null
  /// when it reaches no known query.
  const CallSummary *remoteSummary(const clang::Expr *Call, unsigned Budget);

  /// The functions of the unit under analysis: user code with bodies.
  void setUnitFunctions(std::vector<const clang::FunctionDecl *> Functions) {
    UnitFunctions = std::move(Functions);
  }

  /// True when \p Lib's database runs in this process: SQLite always; a
  /// library fronting several databases when every driver the unit selects
  /// is an in-process one (`QSqlDatabase::addDatabase("QSQLITE")`).
  bool runsInProcess(const LibraryModel &Lib);

  const clang::Expr *sqlNamed(const LibraryModel *Lib,
                              llvm::StringRef Name) override;
  const clang::Expr *sqlInField(const clang::FieldDecl *Field) override;

private:
  struct SummaryEntry {
    CallSummary Summary;
    unsigned Budget = 0;
    bool Truncated = false;
    /// Exporting: the calls into other units, gathered over all calls.
    std::vector<RemoteCallEdge> Edges;
  };
  SummaryEntry computeSummary(const clang::FunctionDecl &FD, unsigned Budget);
  /// The summary of the function of this unit \p Call reaches, with one
  /// call less of the budget of the summary being computed; null when
  /// there is none or the budget is spent.
  const CallSummary *calleeSummary(const clang::Expr *Call);
  /// Visits every call of the unit's functions playing one of \p Roles (any
  /// call, when 0),
  /// with the facts of its function, until \p Visit returns false.
  void forEachUnitCall(
      unsigned Roles,
      llvm::function_ref<bool(const CallFacts &, const FunctionFacts &)> Visit);
  /// What calling \p C in the summarised function \p F contributes: the
  /// query it runs or reaches; false when it reaches none.
  bool summarizeCall(const CallFacts &C, const FunctionFacts &F,
                     ValueFlow &Flow, bool &Propagated, SummaryEntry &Entry,
                     CallSummary &Found);
  /// The summary \p Sub of the callee \p Callee as seen from the call \p C
  /// in \p F: one call deeper, its inputs in \p F's terms.
  CallSummary throughCall(const CallSummary &Sub, const CallFacts &C,
                          const FunctionFacts &F, const ValueFlow &Flow,
                          const clang::FunctionDecl *Callee, bool GuardHolds);
  /// Exporting: adds to \p Entry the calls into other units that the call
  /// \p C makes, directly (to \p Remote) or through \p Local's summary.
  void recordRemoteCalls(const CallFacts &C, const FunctionFacts &F,
                         const clang::FunctionDecl *Remote,
                         const CallSummary *Local, const ValueFlow &Flow,
                         SummaryEntry &Entry);
  /// The rows a call into another unit returns.
  RowsOrigin remoteRows(const clang::Expr *Call);
  /// A statement of another unit as a summary of calling it.
  CallSummary fromRemote(const SummaryQuery &Q) const;
  /// heldFunction of a parameter: what every call of its function in this
  /// unit passes for it.
  const clang::FunctionDecl *passedFunction(const clang::ParmVarDecl *P,
                                            unsigned Depth);

  /// heldFunction of a data member: what every store into it in this unit
  /// (an assignment, a constructor's initialiser, a member initialiser, an
  /// initialiser list) puts there.
  const clang::FunctionDecl *fieldFunction(const clang::FieldDecl *Field,
                                           unsigned Depth);
  /// The values \p FD's facts store into \p Field.
  void storesInto(const clang::FieldDecl *Field, const FunctionFacts &F,
                  llvm::SmallVectorImpl<const clang::Expr *> &Values);

  const ApiModel &Model;
  AnalysisOptions Options;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Facts;
  /// Facts walked again once their held callbacks were resolved: the first
  /// walk's, kept alive for whatever read them meanwhile.
  std::vector<std::unique_ptr<FunctionFacts>> Rewalked;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<SummaryEntry>>
      Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<RowLoop>> Loops;
  llvm::DenseSet<const clang::FunctionDecl *> LoopsInProgress;
  /// The call budget of the summary being computed; 0 outside summaries.
  unsigned SummaryBudget = 0;
  /// How often rowsReturnedBy ran out of budget (marks summaries truncated).
  unsigned RowsCutOff = 0;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
  std::vector<const clang::FunctionDecl *> UnitFunctions;
  llvm::DenseMap<const LibraryModel *, bool> InProcessByLibrary;
  /// passedFunction's answers, null while one is being computed.
  llvm::DenseMap<const clang::ParmVarDecl *, const clang::FunctionDecl *>
      PassedFunctions;
  /// fieldFunction's answers, null while one is being computed.
  llvm::DenseMap<const clang::FieldDecl *, const clang::FunctionDecl *>
      FieldFunctions;
  SummaryStore *Store = nullptr;
  bool Exporting = false;
  std::unique_ptr<clang::MangleContext> Mangler;
  std::map<std::pair<std::string, unsigned>, std::unique_ptr<CallSummary>>
      RemoteSummaries;
  /// Statements prepared by name, per library and name; null when a name
  /// is prepared twice. Built on first use.
  std::optional<std::map<std::pair<const LibraryModel *, std::string>,
                         const clang::Expr *>>
      Prepared;
  /// The SQL prepared into each data member; null when two prepares put
  /// different text there. Built on first use.
  std::optional<llvm::DenseMap<const clang::FieldDecl *, const clang::Expr *>>
      FieldStatements;
  /// The functions that write each data member inside a loop. Built on
  /// first use.
  std::optional<llvm::DenseMap<const clang::FieldDecl *,
                               std::vector<const clang::FunctionDecl *>>>
      FieldFillers;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_ANALYSISCONTEXT_H
