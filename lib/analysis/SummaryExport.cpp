//===- SummaryExport.cpp - This unit's summary for other units ------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/analysis/SummaryExport.h"
#include "lib/analysis/CallChain.h"
#include "lib/analysis/SqlTextReader.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/sql/SqlStatement.h"
#include "lib/wholeprogram/SummaryFile.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang;

namespace nplusone {

namespace {

class UnitExporter {
public:
  UnitExporter(ASTContext &AST, AnalysisContext &Ctx)
      : SM(AST.getSourceManager()), Ctx(Ctx),
        Budget(Ctx.options().MaxCallDepth) {}

  UnitSummary run(llvm::ArrayRef<const FunctionDecl *> Functions);

private:
  std::string absolutePath(FileID File);
  SourcePlace placeOf(SourceLocation Loc);
  std::vector<SummaryStep> stepsOf(llvm::ArrayRef<ChainStep> Chain);
  std::optional<SummaryQuery> queryOf(const FunctionDecl &FD,
                                      const CallSummary &S);
  std::optional<SummaryRows> rowsOf(const FunctionDecl &FD,
                                    const RowsOrigin &Rows);
  void addInput(FileID File);

  SourceManager &SM;
  AnalysisContext &Ctx;
  unsigned Budget;
  UnitSummary Unit;
  llvm::DenseMap<FileID, std::string> Paths;
  llvm::DenseSet<FileID> InputFiles;
  std::set<std::string> Called;
};

std::string UnitExporter::absolutePath(FileID File) {
  auto [It, New] = Paths.try_emplace(File);
  if (!New)
    return It->second;
  llvm::SmallString<256> Path(SM.getFilename(SM.getLocForStartOfFile(File)));
  if (!Path.empty()) {
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  }
  return It->second = std::string(Path);
}

SourcePlace UnitExporter::placeOf(SourceLocation Loc) {
  SourcePlace P;
  Loc = SM.getExpansionLoc(Loc);
  if (Loc.isInvalid())
    return P;
  P.File = absolutePath(SM.getFileID(Loc));
  P.Line = SM.getSpellingLineNumber(Loc);
  P.Column = SM.getSpellingColumnNumber(Loc);
  return P;
}

std::vector<SummaryStep>
UnitExporter::stepsOf(llvm::ArrayRef<ChainStep> Chain) {
  std::vector<SummaryStep> Steps;
  for (const ChainStep &C : Chain)
    Steps.push_back({chainName(Chain, C.Caller), chainName(Chain, C.Callee),
                     placeOf(C.Call->getBeginLoc())});
  return Steps;
}

std::optional<SummaryQuery> UnitExporter::queryOf(const FunctionDecl &FD,
                                                  const CallSummary &S) {
  // The chain from the function's own body down to the statement, with
  // the text its callers in this unit pass down.
  std::vector<ChainStep> Chain = callChain(nullptr, nullptr, &FD, Budget, Ctx);
  Chain.erase(Chain.begin());
  if (Chain.empty())
    return std::nullopt;
  QueryTarget Target = S.Target;
  const FunctionDecl *Owner = Chain.back().Caller;
  resolveThroughChain(Chain, Target, Owner, Ctx);
  // A session command (BEGIN, COMMIT, SET) is exported with its text, as a
  // read: callers in other units see a transaction the function opens or
  // ends, and read the text as no query per row, as they do in this unit.
  SummaryQuery Q;
  Q.Kind = Target.IsLazyLoad ? SummaryQueryKind::LazyLoad
           : Target.IsWrite  ? SummaryQueryKind::Write
                             : SummaryQueryKind::Read;
  Q.Relation = Target.Relation;
  Q.Depth = S.Depth;
  Q.ParamFlow = S.ParamFlow;
  Q.Conditional = S.Conditional;
  Q.Guard = toSummaryGuard(S.Guard);
  Q.Library = Target.Library ? Target.Library->Name : "";
  const FunctionFacts &OwnerFacts = Ctx.facts(*Owner);
  if (auto Text = sqlTextParts(Target.Sql, &OwnerFacts)) {
    Q.Sql = Text->Text;
    if (Text->Literal)
      Q.TextAt = placeOf(Text->Literal->getBeginLoc());
  }
  if (auto Lead = leadingSqlText(Target.Sql, &OwnerFacts))
    Q.Keyword = sqlLeadingKeyword(*Lead).value_or("");
  if (Q.Keyword.empty() && Target.WriteKeyword)
    Q.Keyword = Target.WriteKeyword;
  if (!Target.IsWrite)
    Q.Keyword.clear();
  const ParmVarDecl *Param = textParameter(Target.Sql);
  if (Owner == &FD && Param && Param->getDeclContext() == &FD)
    Q.SqlParam = static_cast<int>(Param->getFunctionScopeIndex());
  Q.Steps = stepsOf(Chain);
  return Q;
}

std::optional<SummaryRows> UnitExporter::rowsOf(const FunctionDecl &FD,
                                                const RowsOrigin &Rows) {
  SummaryRows R;
  if (Rows.RowsOf) {
    R.RowsOf = Ctx.linkageKeyOf(Rows.RowsOf);
    if (R.RowsOf.empty())
      return std::nullopt;
    return R;
  }
  if (!Rows.Query)
    return std::nullopt;
  R.Library = Rows.Library ? Rows.Library->Name : "";
  R.Table = Rows.Table;
  R.Function = messageName(&FD);
  R.Place = placeOf(Rows.Query->getBeginLoc());
  return R;
}

void UnitExporter::addInput(FileID File) {
  if (File.isInvalid() || !InputFiles.insert(File).second)
    return;
  std::string Path = absolutePath(File);
  if (Path.empty())
    return;
  bool Invalid = false;
  llvm::StringRef Data = SM.getBufferData(File, &Invalid);
  if (!Invalid)
    Unit.Inputs.push_back({Path, contentHash(Data)});
}

UnitSummary UnitExporter::run(llvm::ArrayRef<const FunctionDecl *> Functions) {
  addInput(SM.getMainFileID());
  Unit.Unit = absolutePath(SM.getMainFileID());
  // Every file of user code the unit read, headers that only define macros
  // too: a change to any of them can change what the unit's code does.
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    FileID File = SM.translateFile(It->first);
    if (File.isValid() && !SM.isInSystemHeader(SM.getLocForStartOfFile(File)))
      addInput(File);
  }
  for (const FunctionDecl *FD : Functions) {
    SourceLocation Loc = SM.getExpansionLoc(FD->getLocation());
    for (const CallFacts &C : Ctx.facts(*FD).calls())
      if (const FunctionDecl *Remote = Ctx.remoteCallee(C.Call))
        if (std::string Key = Ctx.linkageKeyOf(Remote); !Key.empty())
          Called.insert(Key);
    if (!SM.isInMainFile(Loc))
      continue;
    FunctionSummaryRecord R;
    R.Key = Ctx.linkageKeyOf(FD);
    const CallSummary *S = R.Key.empty() ? nullptr : Ctx.summary(FD, Budget);
    if (!S)
      continue;
    R.Name = messageName(FD);
    if (S->RunsQuery)
      R.Query = queryOf(*FD, *S);
    for (const RemoteCallEdge &E : S->RemoteCalls) {
      R.Calls.push_back(E.Call);
      R.Calls.back().Steps = stepsOf(E.Chain);
    }
    R.Rows = rowsOf(*FD, S->ReturnedRows);
    if (R.Query || !R.Calls.empty() || R.Rows)
      Unit.Functions.push_back(std::move(R));
  }
  Unit.Calls.assign(Called.begin(), Called.end());
  Unit.Drivers = Ctx.selectedDrivers();
  return std::move(Unit);
}

} // namespace

UnitSummary exportUnitSummary(ASTContext &AST,
                              llvm::ArrayRef<const FunctionDecl *> Functions,
                              AnalysisContext &Ctx) {
  return UnitExporter(AST, Ctx).run(Functions);
}

} // namespace nplusone
