//===- NPlusOneCheckBase.cpp - What every nplusone check shares -----------===//

#include "lib/NPlusOneCheckBase.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace nplusone {

namespace {
constexpr unsigned DefaultMaxCallDepth = 8;
/// Deeper chains are not followed: the summaries recurse once per level.
constexpr unsigned MaxCallDepthLimit = 64;
} // namespace

NPlusOneCheckBase::NPlusOneCheckBase(StringRef Name,
                                     tidy::ClangTidyContext *Context,
                                     FindingKind Reports)
    : ClangTidyCheck(Name, Context), CheckName(Name.str()), Reports(Reports),
      LibrariesOption(Options.getLocalOrGlobal("Libraries", "all")),
      MaxCallDepthOption(Options.getLocalOrGlobal(
          "MaxCallDepth", std::to_string(DefaultMaxCallDepth))),
      SqlDialectOption(Options.getLocalOrGlobal("SqlDialect", "auto")) {
  for (StringRef Entry : llvm::split(StringRef(LibrariesOption), ';')) {
    Entry = Entry.trim();
    if (!Entry.empty())
      Libraries.push_back(Entry.lower());
  }
}

void NPlusOneCheckBase::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Libraries", LibrariesOption);
  Options.store(Opts, "MaxCallDepth", MaxCallDepthOption);
  Options.store(Opts, "SqlDialect", SqlDialectOption);
}

void NPlusOneCheckBase::readOptions() {
  // Bad values are reported when the check first runs, then the default is
  // used; the check never stops working over its configuration.
  std::vector<std::string> Unknown;
  if (Libraries.empty())
    configurationDiag("invalid value '%0' for option 'Libraries' of %1: "
                      "expected library names separated by ';'; using all")
        << LibrariesOption << CheckName;
  Model = std::make_unique<ApiModel>(Libraries, Unknown);
  if (!Unknown.empty()) {
    std::string Known;
    for (const LibraryModel &L : builtinLibraries())
      Known += (Known.empty() ? "" : ", ") + std::string(L.Name);
    for (const std::string &U : Unknown)
      configurationDiag("invalid value '%0' in option 'Libraries' of %1: "
                        "unknown library; known libraries: %2")
          << U << CheckName << Known;
  }

  Settings.MaxCallDepth = DefaultMaxCallDepth;
  unsigned Depth = 0;
  if (StringRef(MaxCallDepthOption).trim().getAsInteger(10, Depth)) {
    configurationDiag("invalid value '%0' for option 'MaxCallDepth' of %1: "
                      "expected a non-negative integer; using %2")
        << MaxCallDepthOption << CheckName << DefaultMaxCallDepth;
  } else if (Depth > MaxCallDepthLimit) {
    configurationDiag("value '%0' for option 'MaxCallDepth' of %1 is above "
                      "the limit; using %2")
        << MaxCallDepthOption << CheckName << MaxCallDepthLimit;
    Settings.MaxCallDepth = MaxCallDepthLimit;
  } else {
    Settings.MaxCallDepth = Depth;
  }

  if (auto D = parseSqlDialect(SqlDialectOption)) {
    Settings.Dialect = *D;
  } else {
    configurationDiag("invalid value '%0' for option 'SqlDialect' of %1: "
                      "expected auto, postgresql, sqlite, mysql or generic; "
                      "using auto")
        << SqlDialectOption << CheckName;
    Settings.Dialect = SqlDialect::Auto;
  }
}

void NPlusOneCheckBase::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(isDefinition()).bind("function"), this);
}

void NPlusOneCheckBase::onStartOfTranslationUnit() {
  if (!Model)
    readOptions();
  Analysis = std::make_unique<AnalysisContext>(*Model, Settings);
  ReportedSites.clear();
}

void NPlusOneCheckBase::onEndOfTranslationUnit() { Analysis.reset(); }

void NPlusOneCheckBase::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function");
  if (!FD || !FD->hasBody() || FD->isInvalidDecl() ||
      FD->isDependentContext() ||
      Result.SourceManager->isInSystemHeader(FD->getLocation()))
    return;
  if (!Analysis)
    onStartOfTranslationUnit();
  FunctionLoopQueries Found = findLoopQueries(*FD, *Analysis);
  for (const LoopQueryFinding &F : Found.Findings) {
    if (F.Kind != Reports)
      continue;
    if (!ReportedSites.insert(F.Site->getBeginLoc().getRawEncoding()).second)
      continue;
    report(F, Found, *Analysis);
  }
}

} // namespace nplusone
