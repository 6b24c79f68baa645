//===- LazyLoadInLoopCheck.cpp - nplusone-lazy-load-in-loop ---------------===//

#include "checks/LazyLoadInLoopCheck.h"
#include "lib/FindingDiagnostics.h"

using namespace clang;

namespace nplusone {

void LazyLoadInLoopCheck::report(const LoopQueryFinding &F,
                                 const FunctionLoopQueries &Function,
                                 AnalysisContext &Ctx) {
  const RowLoop &L = Function.Loops[F.Loop];
  diag(F.Site->getBeginLoc(),
       "relation '%0' is loaded lazily, one query %select{|at most }1%2 "
       "(N+1 queries); load it eagerly with the parent rows")
      << F.Relation << (F.Conditional ? 1 : 0) << perIteration(L);
  noteRowSource(*this, L);
  noteRowValue(*this, F, L);
  noteEagerLoad(*this, F);
}

} // namespace nplusone
