//===- SharedAnalysis.cpp - One analysis for all nplusone checks ----------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/SharedAnalysis.h"
#include "lib/analysis/SummaryExport.h"
#include "lib/wholeprogram/SummaryFile.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <map>
#include <mutex>

namespace nplusone {

std::shared_ptr<SharedAnalysis>
SharedAnalysis::get(const void *Owner, const ModelConfig &Config,
                    const AnalysisOptions &Options,
                    std::vector<ConfigProblem> &Problems) {
  // clangd builds several translation units at once, each with its own
  // clang-tidy context; the registry is shared between those threads.
  static std::mutex Lock;
  static std::map<std::string, std::weak_ptr<SharedAnalysis>> Registry;
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Owner)) + "|" +
                    std::to_string(Options.MaxCallDepth) + "|" +
                    std::to_string(static_cast<int>(Options.Dialect)) + "|" +
                    Config.key();
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Registry.begin(); It != Registry.end();)
    It = It->second.expired() ? Registry.erase(It) : std::next(It);
  std::shared_ptr<SharedAnalysis> Shared = Registry[Key].lock();
  if (!Shared) {
    Shared = std::make_shared<SharedAnalysis>(Config, Options, Problems);
    Registry[Key] = Shared;
  }
  return Shared;
}

SharedAnalysis::SharedAnalysis(const ModelConfig &Config,
                               const AnalysisOptions &Options,
                               std::vector<ConfigProblem> &Problems)
    : Model(Config, Problems), Options(Options) {}

namespace {

/// Collects the function definitions worth analysing. Declarations in system
/// headers are skipped whole: library code is modelled, not analysed, and
/// skipping it keeps the module's cost per file near zero.
class FunctionCollector : public clang::RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const clang::SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    add(FD);
    return true;
  }
  bool VisitLambdaExpr(clang::LambdaExpr *LE) {
    add(LE->getCallOperator());
    // A generic lambda's body is a template: what runs are its
    // instantiations (`walk(root, walk)` with `const auto &self`).
    if (const clang::FunctionTemplateDecl *Generic =
            LE->getDependentCallOperator())
      for (const clang::FunctionDecl *Instance : Generic->specializations())
        add(Instance);
    return true;
  }

  std::vector<const clang::FunctionDecl *> Functions;

private:
  void add(const clang::FunctionDecl *FD) {
    if (FD && FD->doesThisDeclarationHaveABody() && !FD->isInvalidDecl() &&
        !FD->isDependentContext() && Seen.insert(FD).second)
      Functions.push_back(FD);
  }
  const clang::SourceManager &SM;
  llvm::DenseSet<const clang::FunctionDecl *> Seen;
};

} // namespace

void SharedAnalysis::setSummaries(std::string Directory, bool Write) {
  WriteSummaries = Write && !Directory.empty();
  if (Directory.empty() || Write)
    Store.reset();
  else if (!Store || Store->directory() != Directory)
    Store = std::make_unique<SummaryStore>(Directory);
  SummaryDirectory = std::move(Directory);
}

std::vector<std::string> SharedAnalysis::takeSummaryProblems() {
  std::vector<std::string> Result;
  Result.swap(SummaryProblems);
  if (Store)
    for (std::string &P : Store->takeProblems())
      Result.push_back(std::move(P));
  return Result;
}

llvm::ArrayRef<std::unique_ptr<FunctionLoopQueries>>
SharedAnalysis::analyzeTranslationUnit(clang::ASTContext &Context) {
  if (&Context == AST && Analysis)
    return Results;
  AST = &Context;
  Results.clear();
  Analysis = std::make_unique<AnalysisContext>(Model, Options);
  FunctionCollector Collector(Context.getSourceManager());
  Collector.TraverseDecl(Context.getTranslationUnitDecl());
  Analysis->setUnitFunctions(Collector.Functions);
  if (WriteSummaries) {
    // The summary pass of whole-program mode: the unit's summary, no
    // findings (they come from the pass that reads every summary).
    Analysis->setExporting(true);
    UnitSummary Unit =
        exportUnitSummary(Context, Collector.Functions, *Analysis);
    if (llvm::Error E = writeSummaryFile(SummaryDirectory, Unit))
      SummaryProblems.push_back("cannot write the summary of '" + Unit.Unit +
                                "': " + llvm::toString(std::move(E)));
    return Results;
  }
  if (Store) {
    Store->startUnit();
    Analysis->setSummaryStore(Store.get());
  }
  // One diagnostic per query site: a template's site is found in each of
  // its instantiations, and a lambda run by an algorithm both in the
  // function that calls the algorithm and in the lambda's own body. The
  // first finding wins; functions come in source order, enclosing ones
  // before the lambdas in them, so the one that sees the most loops does.
  llvm::DenseSet<unsigned> Sites;
  for (const clang::FunctionDecl *FD : Collector.Functions) {
    auto Found =
        std::make_unique<FunctionLoopQueries>(findLoopQueries(*FD, *Analysis));
    llvm::erase_if(Found->Findings, [&](const LoopQueryFinding &F) {
      return !Sites.insert(F.Site->getBeginLoc().getRawEncoding()).second;
    });
    if (!Found->Findings.empty())
      Results.push_back(std::move(Found));
  }
  return Results;
}

} // namespace nplusone
