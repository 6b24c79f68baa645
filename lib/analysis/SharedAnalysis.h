//===- SharedAnalysis.h - One analysis for all nplusone checks --*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Every nplusone check needs the same per-function analysis, only to report
// a different category of its findings. The checks of one clang-tidy run
// that share their options share one SharedAnalysis, so enabling all five
// analyses each function once, not five times, and a bad option value is
// reported once, not once per check.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_ANALYSIS_SHAREDANALYSIS_H
#define NPLUSONE_LIB_ANALYSIS_SHAREDANALYSIS_H

#include "lib/analysis/LoopQueries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace nplusone {

class SharedAnalysis {
public:
  /// The analysis shared by the checks of \p Owner (their clang-tidy
  /// context) whose options are \p Config and \p Options; made on first
  /// use, freed with the last check holding it. Configuration problems are
  /// returned in \p Problems when it is made.
  static std::shared_ptr<SharedAnalysis>
  get(const void *Owner, const ModelConfig &Config,
      const AnalysisOptions &Options, std::vector<ConfigProblem> &Problems);

  SharedAnalysis(const ModelConfig &Config, const AnalysisOptions &Options,
                 std::vector<ConfigProblem> &Problems);

  /// Forgets the last translation unit's results.
  void startTranslationUnit() {
    AST = nullptr;
    Results.clear();
    Analysis.reset();
  }

  /// Whole-program mode for the next translation unit: the summary
  /// directory (absolute; empty turns the mode off), and whether this run
  /// writes the unit's summary there instead of reporting findings.
  void setSummaries(std::string Directory, bool Write);

  /// Problems of whole-program mode met since the last call (unusable or
  /// stale summary files, a summary that could not be written), each a
  /// sentence naming the file.
  std::vector<std::string> takeSummaryProblems();

  /// The findings of every function definition of the translation unit
  /// that is user code (not in a system header): template instantiations and
  /// lambda bodies included, uninstantiated templates not. Computed once,
  /// by whichever check asks first.
  llvm::ArrayRef<std::unique_ptr<FunctionLoopQueries>>
  analyzeTranslationUnit(clang::ASTContext &AST);

  /// True the first time \p Message is seen: configuration problems are
  /// reported once per run, not once per check.
  bool firstReport(llvm::StringRef Message) {
    return Reported.insert(Message).second;
  }

private:
  ApiModel Model;
  AnalysisOptions Options;
  const clang::ASTContext *AST = nullptr;
  std::unique_ptr<AnalysisContext> Analysis;
  std::vector<std::unique_ptr<FunctionLoopQueries>> Results;
  llvm::StringSet<> Reported;
  std::string SummaryDirectory;
  bool WriteSummaries = false;
  std::unique_ptr<SummaryStore> Store;
  std::vector<std::string> SummaryProblems;
};

} // namespace nplusone

#endif // NPLUSONE_LIB_ANALYSIS_SHAREDANALYSIS_H
