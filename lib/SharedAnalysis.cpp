//===- SharedAnalysis.cpp - One analysis for all nplusone checks ----------===//

#include "lib/SharedAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <map>
#include <mutex>

namespace nplusone {

std::shared_ptr<SharedAnalysis> SharedAnalysis::get(
    const void *Owner, const std::vector<std::string> &Libraries,
    const AnalysisOptions &Options, std::vector<std::string> &Unknown) {
  // clangd builds several translation units at once, each with its own
  // clang-tidy context; the registry is shared between those threads.
  static std::mutex Lock;
  static std::map<std::string, std::weak_ptr<SharedAnalysis>> Registry;
  std::string Key = std::to_string(reinterpret_cast<uintptr_t>(Owner)) + "|" +
                    std::to_string(Options.MaxCallDepth) + "|" +
                    std::to_string(static_cast<int>(Options.Dialect));
  for (const std::string &L : Libraries)
    Key += "|" + L;
  std::lock_guard<std::mutex> Guard(Lock);
  for (auto It = Registry.begin(); It != Registry.end();)
    It = It->second.expired() ? Registry.erase(It) : std::next(It);
  std::shared_ptr<SharedAnalysis> Shared = Registry[Key].lock();
  if (!Shared) {
    Shared = std::make_shared<SharedAnalysis>(Libraries, Options, Unknown);
    Registry[Key] = Shared;
  }
  return Shared;
}

SharedAnalysis::SharedAnalysis(const std::vector<std::string> &Libraries,
                               const AnalysisOptions &Options,
                               std::vector<std::string> &Unknown)
    : Model(Libraries, Unknown), Options(Options) {}

const FunctionLoopQueries &
SharedAnalysis::analyze(const clang::FunctionDecl &FD) {
  // A new translation unit: what was computed for the last one is stale.
  if (&FD.getASTContext() != AST || !Analysis) {
    AST = &FD.getASTContext();
    Results.clear();
    Analysis = std::make_unique<AnalysisContext>(Model, Options);
  }
  std::unique_ptr<FunctionLoopQueries> &Slot = Results[&FD];
  if (!Slot)
    Slot =
        std::make_unique<FunctionLoopQueries>(findLoopQueries(FD, *Analysis));
  return *Slot;
}

} // namespace nplusone
