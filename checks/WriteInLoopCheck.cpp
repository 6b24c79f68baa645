//===- WriteInLoopCheck.cpp - nplusone-write-in-loop ----------------------===//

#include "checks/WriteInLoopCheck.h"
#include "lib/FindingDiagnostics.h"

using namespace clang;

namespace nplusone {

void WriteInLoopCheck::report(const LoopQueryFinding &F,
                              const FunctionLoopQueries &Function,
                              AnalysisContext &Ctx) {
  const RowLoop &L = Function.Loops[F.Loop];
  // The SQL keyword when the text is known, else the library call's name.
  std::string Statement = "write";
  if (F.Target.WriteKeyword)
    Statement = F.Target.WriteKeyword;
  else if (const clang::FunctionDecl *Callee = calleeOf(F.Target.ApiCall))
    Statement = "'" + Callee->getNameAsString() + "'";
  const FunctionFacts *Facts =
      F.TargetFunction ? &Ctx.facts(*F.TargetFunction) : nullptr;
  if (auto Text = sqlTextPrefix(F.Target.Sql, Facts))
    if (auto Keyword = sqlLeadingKeyword(*Text))
      Statement = *Keyword;
  diag(F.Site->getBeginLoc(),
       "%0 runs %select{once|up to once}1 %2 (one round trip each); batch "
       "the writes into one statement")
      << Statement << (F.Conditional ? 1 : 0) << perIteration(L);
  noteRowSource(*this, L);
  noteRowValue(*this, F, L);
  noteCallChain(*this, F);
  noteBatchedWrite(*this, F, L, Ctx);
}

} // namespace nplusone
