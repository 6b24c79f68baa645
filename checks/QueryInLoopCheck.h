//===- QueryInLoopCheck.h - nplusone-query-in-loop -------------*- C++ -*-===//
//
// Finds the N+1: a read that depends on the current row of a loop over the
// rows of another query.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_QUERYINLOOPCHECK_H
#define NPLUSONE_CHECKS_QUERYINLOOPCHECK_H

#include "lib/NPlusOneCheckBase.h"

namespace nplusone {

class QueryInLoopCheck : public NPlusOneCheckBase {
public:
  QueryInLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : NPlusOneCheckBase(Name, Context, FindingKind::QueryInLoop) {}

private:
  void report(const LoopQueryFinding &Finding,
              const FunctionLoopQueries &Function,
              AnalysisContext &Ctx) override;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_QUERYINLOOPCHECK_H
