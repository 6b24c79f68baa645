//===- NPlusOneCheckBase.cpp - What every nplusone check shares -----------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/common/NPlusOneCheckBase.h"
#include "clang-tidy/utils/OptionsUtils.h"
#include "lib/support/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/FileManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace nplusone {

namespace {
/// A `;`-separated option value as its entries.
std::vector<std::string> optionList(StringRef Value) {
  return ownedStrings(tidy::utils::options::parseStringList(Value));
}
} // namespace

NPlusOneCheckBase::NPlusOneCheckBase(StringRef Name,
                                     tidy::ClangTidyContext *Context,
                                     FindingKind Reports)
    : ClangTidyCheck(Name, Context), TidyContext(Context), Owner(Context),
      CheckName(Name.str()), Reports(Reports),
      LibrariesOption(localOrGlobalOption(Options, "Libraries", "all")),
      MaxCallDepthOption(localOrGlobalOption(
          Options, "MaxCallDepth", std::to_string(DefaultMaxCallDepth))),
      SqlDialectOption(localOrGlobalOption(Options, "SqlDialect", "auto")),
      QueryFunctionsOption(localOrGlobalOption(Options, "QueryFunctions", "")),
      WriteFunctionsOption(localOrGlobalOption(Options, "WriteFunctions", "")),
      ResultTypesOption(localOrGlobalOption(Options, "ResultTypes", "")),
      RowAdvanceFunctionsOption(
          localOrGlobalOption(Options, "RowAdvanceFunctions", "")),
      LazyLoadFunctionsOption(
          localOrGlobalOption(Options, "LazyLoadFunctions", "")),
      TransactionFunctionsOption(
          localOrGlobalOption(Options, "TransactionFunctions", "")),
      SummaryDirectoryOption(
          localOrGlobalOption(Options, "SummaryDirectory", "")),
      WriteSummariesOption(
          localOrGlobalOption(Options, "WriteSummaries", "false")) {
  for (const std::string &Entry : optionList(LibrariesOption))
    Config.Libraries.push_back(StringRef(Entry).lower());
  Config.QueryFunctions = optionList(QueryFunctionsOption);
  Config.WriteFunctions = optionList(WriteFunctionsOption);
  Config.ResultTypes = optionList(ResultTypesOption);
  Config.RowAdvanceFunctions = optionList(RowAdvanceFunctionsOption);
  Config.LazyLoadFunctions = optionList(LazyLoadFunctionsOption);
  Config.TransactionFunctions = optionList(TransactionFunctionsOption);
}

void NPlusOneCheckBase::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Libraries", LibrariesOption);
  Options.store(Opts, "MaxCallDepth", MaxCallDepthOption);
  Options.store(Opts, "SqlDialect", SqlDialectOption);
  Options.store(Opts, "QueryFunctions", QueryFunctionsOption);
  Options.store(Opts, "WriteFunctions", WriteFunctionsOption);
  Options.store(Opts, "ResultTypes", ResultTypesOption);
  Options.store(Opts, "RowAdvanceFunctions", RowAdvanceFunctionsOption);
  Options.store(Opts, "LazyLoadFunctions", LazyLoadFunctionsOption);
  Options.store(Opts, "TransactionFunctions", TransactionFunctionsOption);
  Options.store(Opts, "SummaryDirectory", SummaryDirectoryOption);
  Options.store(Opts, "WriteSummaries", WriteSummariesOption);
}

void NPlusOneCheckBase::reportOption(StringRef Option, StringRef Value,
                                     StringRef Problem) {
  // A value set for this check alone is named with the check's prefix.
  bool Local = hasLocalOption(Options, Option);
  std::string Name = Local ? CheckName + "." + Option.str() : Option.str();
  std::string Message =
      ("invalid value '" + Value + "' for option '" + Name + "': " + Problem)
          .str();
  if (Shared->firstReport(Message))
    configurationDiag("%0") << Message;
}

void NPlusOneCheckBase::readOptions() {
  // Bad values are reported when the check first runs, then the default is
  // used; the check never stops working over its configuration.
  unsigned Depth = 0;
  std::string DepthProblem;
  Settings.MaxCallDepth = DefaultMaxCallDepth;
  if (StringRef(MaxCallDepthOption).trim().getAsInteger(10, Depth)) {
    DepthProblem = "expected a non-negative integer; using " +
                   std::to_string(DefaultMaxCallDepth);
  } else if (Depth > MaxCallDepthLimit) {
    DepthProblem =
        "above the limit; using " + std::to_string(MaxCallDepthLimit);
    Settings.MaxCallDepth = MaxCallDepthLimit;
  } else {
    Settings.MaxCallDepth = Depth;
  }
  std::optional<SqlDialect> Dialect = parseSqlDialect(SqlDialectOption);
  Settings.Dialect = Dialect.value_or(SqlDialect::Auto);

  std::vector<ConfigProblem> Problems;
  Shared = SharedAnalysis::get(Owner, Config, Settings, Problems);

  if (!DepthProblem.empty())
    reportOption("MaxCallDepth", MaxCallDepthOption, DepthProblem);
  if (Config.Libraries.empty())
    reportOption("Libraries", LibrariesOption,
                 "expected library names separated by ';'; using all");
  for (const ConfigProblem &P : Problems)
    reportOption(P.Option, P.Value, P.Problem);
  if (!Dialect)
    reportOption("SqlDialect", SqlDialectOption,
                 "expected auto, postgresql, sqlite, mysql or generic; using "
                 "auto");
  StringRef Write = StringRef(WriteSummariesOption).trim();
  WriteSummaries = Write.equals_insensitive("true") || Write == "1";
  if (!WriteSummaries && !Write.equals_insensitive("false") && Write != "0")
    reportOption("WriteSummaries", WriteSummariesOption,
                 "expected true or false; using false");
}

namespace {
/// The build directory of the unit's compile command, absolute: clang-tidy
/// names it; clangd does not, but works in it.
SmallString<256> buildDirectory(tidy::ClangTidyContext &Context,
                                ASTContext &AST) {
  SmallString<256> Dir(Context.getCurrentBuildDirectory());
  if (Dir.empty())
    if (auto Cwd = AST.getSourceManager()
                       .getFileManager()
                       .getVirtualFileSystem()
                       .getCurrentWorkingDirectory())
      Dir = *Cwd;
  llvm::sys::fs::make_absolute(Dir);
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  return Dir;
}

/// The default summary directory: the nearest `.nplusone` at or above the
/// build directory, since CMake gives the files of each subdirectory a build
/// directory of its own below the one holding compile_commands.json.
std::string nearestSummaryDirectory(StringRef BuildDir) {
  for (StringRef Dir = BuildDir; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, ".nplusone");
    if (llvm::sys::fs::is_directory(Candidate))
      return std::string(Candidate);
  }
  return "";
}
} // namespace

std::string NPlusOneCheckBase::summaryDirectory(ASTContext &AST) {
  StringRef Option = StringRef(SummaryDirectoryOption).trim();
  if (Option.equals_insensitive("none"))
    return "";
  SmallString<256> Base = buildDirectory(*TidyContext, AST);
  if (Option.empty() && !WriteSummaries)
    return nearestSummaryDirectory(Base);
  SmallString<256> Dir(Option.empty() ? StringRef(".nplusone") : Option);
  // Relative to the build directory, like the other paths of a compile
  // database.
  if (llvm::sys::path::is_relative(Dir)) {
    llvm::sys::path::append(Base, Dir);
    Dir = Base;
  }
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  // A directory the user names must be there.
  if (!WriteSummaries && !llvm::sys::fs::is_directory(Dir)) {
    std::string Message = "summary directory '" + std::string(Dir) +
                          "' (option 'SummaryDirectory') does not exist; "
                          "whole-program mode is off";
    if (Shared->firstReport(Message))
      configurationDiag("%0") << Message;
    return "";
  }
  return std::string(Dir);
}

void NPlusOneCheckBase::registerMatchers(MatchFinder *Finder) {
  // One callback per translation unit: the shared analysis walks the user
  // code itself, once for all five checks, and skips system headers whole.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void NPlusOneCheckBase::onStartOfTranslationUnit() {
  if (!Shared)
    readOptions();
  // Every check resets the shared state; all do so before any function is
  // matched, so nothing computed for this unit is lost.
  Shared->startTranslationUnit();
}

void NPlusOneCheckBase::onEndOfTranslationUnit() {
  if (Shared)
    Shared->startTranslationUnit();
}

void NPlusOneCheckBase::check(const MatchFinder::MatchResult &Result) {
  if (!Shared)
    onStartOfTranslationUnit();
  Shared->setSummaries(summaryDirectory(*Result.Context), WriteSummaries);
  auto Results = Shared->analyzeTranslationUnit(*Result.Context);
  for (const std::string &Problem : Shared->takeSummaryProblems())
    if (Shared->firstReport(Problem))
      configurationDiag("%0") << Problem;
  for (const auto &Found : Results) {
    for (const LoopQueryFinding &F : Found->Findings) {
      if (F.Kind == Reports)
        report(F, *Found);
    }
  }
}

} // namespace nplusone
