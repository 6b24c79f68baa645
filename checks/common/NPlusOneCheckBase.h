//===- NPlusOneCheckBase.h - What every nplusone check shares ---*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The common base of the nplusone-* checks: reads and validates the module's
// options, visits each function definition once, runs the shared loop-query
// analysis and hands the findings of one category to the concrete check.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_COMMON_NPLUSONECHECKBASE_H
#define NPLUSONE_CHECKS_COMMON_NPLUSONECHECKBASE_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/analysis/SharedAnalysis.h"
#include <memory>
#include <optional>

namespace nplusone {

class NPlusOneCheckBase : public clang::tidy::ClangTidyCheck {
public:
  NPlusOneCheckBase(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context,
                    FindingKind Reports);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void
  check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

protected:
  /// Emits the diagnostics of one finding of this check's category.
  virtual void report(const LoopQueryFinding &Finding,
                      const FunctionLoopQueries &Function) = 0;

private:
  void readOptions();
  /// The summary directory of the unit \p AST: the option's value (by
  /// default `.nplusone`) resolved against the unit's build directory;
  /// empty when whole-program mode is off.
  std::string summaryDirectory(clang::ASTContext &AST);
  /// Reports a bad option value, once per run for a module-wide option.
  void reportOption(llvm::StringRef Option, llvm::StringRef Value,
                    llvm::StringRef Problem);

  clang::tidy::ClangTidyContext *TidyContext;
  const void *Owner;
  std::string CheckName;
  FindingKind Reports;
  /// The option values as written, stored back by storeOptions.
  std::string LibrariesOption;
  std::string MaxCallDepthOption;
  std::string SqlDialectOption;
  std::string QueryFunctionsOption;
  std::string WriteFunctionsOption;
  std::string ResultTypesOption;
  std::string RowAdvanceFunctionsOption;
  std::string LazyLoadFunctionsOption;
  std::string TransactionFunctionsOption;
  std::string SummaryDirectoryOption;
  std::string WriteSummariesOption;
  bool WriteSummaries = false;
  AnalysisOptions Settings;
  ModelConfig Config;
  std::shared_ptr<SharedAnalysis> Shared;
};

} // namespace nplusone

#endif // NPLUSONE_CHECKS_COMMON_NPLUSONECHECKBASE_H
