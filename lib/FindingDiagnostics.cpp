//===- FindingDiagnostics.cpp - Notes that explain a finding --------------===//

#include "lib/FindingDiagnostics.h"
#include "lib/BatchPlan.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

using namespace clang;
using clang::tidy::ClangTidyCheck;

namespace nplusone {

namespace {

constexpr size_t MaxQuotedLength = 60;

/// Source text of an expression for a message, shortened when long.
std::string quoteSource(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return "";
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  StringRef Text =
      Lexer::getSourceText(Range, Ctx.getSourceManager(), Ctx.getLangOpts());
  std::string Result;
  bool Space = false;
  // Collapse whitespace so a multi-line argument reads as one line.
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == ' ' || C == '\r') {
      Space = !Result.empty();
      continue;
    }
    if (Space)
      Result += ' ';
    Space = false;
    Result += C;
  }
  if (Result.size() > MaxQuotedLength)
    Result = Result.substr(0, MaxQuotedLength - 3) + "...";
  return Result;
}

bool isLambdaBody(const FunctionDecl *FD) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  return MD && MD->getParent()->isLambda();
}

/// A function as messages name it: quoted, or "the lambda".
std::string functionName(const FunctionDecl *FD) {
  if (!FD)
    return "";
  if (isLambdaBody(FD))
    return "the lambda";
  return "'" + FD->getNameAsString() + "'";
}

/// The source location of byte \p Offset of a literal's contents; its end
/// when Offset is the length. Invalid in macros or escapes.
SourceLocation byteLocation(const StringLiteral *SL, size_t Offset,
                            const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  size_t Length = SL->getLength();
  if (Length == 0 || Offset > Length)
    return {};
  bool AtEnd = Offset == Length;
  SourceLocation L =
      SL->getLocationOfByte(static_cast<unsigned>(AtEnd ? Length - 1 : Offset),
                            SM, Ctx.getLangOpts(), Ctx.getTargetInfo());
  if (L.isInvalid() || L.isMacroID())
    return {};
  return AtEnd ? L.getLocWithOffset(1) : L;
}

/// Fix-its making \p Edits to a string literal's contents, when every one
/// maps one-to-one onto its spelling in a file; none otherwise.
llvm::SmallVector<FixItHint, 4> literalFixes(const StringLiteral *SL,
                                             llvm::ArrayRef<SqlEdit> Edits,
                                             const ASTContext &Ctx) {
  llvm::SmallVector<FixItHint, 4> Fixes;
  if (!SL || SL->getCharByteWidth() != 1)
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  for (const SqlEdit &E : Edits) {
    if (E.Replacement.find_first_of("\"\\\n") != std::string::npos)
      return {};
    SourceLocation B = byteLocation(SL, E.Begin, Ctx);
    if (B.isInvalid())
      return {};
    if (E.Begin == E.End) {
      Fixes.push_back(FixItHint::CreateInsertion(B, E.Replacement));
      continue;
    }
    SourceLocation End = byteLocation(SL, E.End, Ctx);
    if (End.isInvalid() || SM.getFileID(B) != SM.getFileID(End) || !(B < End))
      return {};
    CharSourceRange Range = CharSourceRange::getCharRange(B, End);
    bool Invalid = false;
    StringRef Spelled =
        Lexer::getSourceText(Range, SM, Ctx.getLangOpts(), &Invalid);
    // Escapes or a split between concatenated pieces: leave it to a human.
    if (Invalid || Spelled != SL->getString().slice(E.Begin, E.End))
      return {};
    Fixes.push_back(FixItHint::CreateReplacement(Range, E.Replacement));
  }
  return Fixes;
}

} // namespace

std::string loopSubject(const RowLoop &L) {
  if (!L.Name.empty())
    return "'" + L.Name + "'";
  return "the outer query";
}

std::string loopTable(const RowLoop &L) {
  return L.Table.empty() ? L.Name : L.Table;
}

std::string perIteration(const RowLoop &L) {
  switch (L.Source) {
  case LoopSource::QueryRows:
    return "per row of " + loopSubject(L);
  case LoopSource::Elements:
    return L.Name.empty() ? "per element of the loop"
                          : "per element of '" + L.Name + "'";
  case LoopSource::None:
    break;
  }
  return "per iteration of the loop";
}

namespace {
/// Where the rows a loop walks come from.
void noteOrigin(ClangTidyCheck &Check, const RowLoop &L) {
  if (L.Source != LoopSource::QueryRows || !L.OriginQuery)
    return;
  if (L.Name.empty()) {
    Check.diag(L.OriginQuery->getBeginLoc(),
               "the rows come from the query here", DiagnosticIDs::Note);
    return;
  }
  if (L.RowsCall)
    Check.diag(L.OriginQuery->getBeginLoc(),
               "'%0' holds the rows of this query, returned by %1",
               DiagnosticIDs::Note)
        << L.Name << functionName(calleeOf(L.RowsCall));
  else if (L.CopiedRows)
    Check.diag(L.OriginQuery->getBeginLoc(),
               "'%0' is filled from the rows of the query here",
               DiagnosticIDs::Note)
        << L.Name;
  else
    Check.diag(L.OriginQuery->getBeginLoc(),
               "'%0' is the result of the query here", DiagnosticIDs::Note)
        << L.Name;
}
} // namespace

void noteRowSource(ClangTidyCheck &Check, const RowLoop &L) {
  if (L.Algorithm) {
    noteOrigin(Check, L);
    Check.diag(L.Loop->getBeginLoc(), "'%0' runs the lambda once %1 here",
               DiagnosticIDs::Note)
        << L.Algorithm << perIteration(L);
    return;
  }
  if (L.Source != LoopSource::QueryRows) {
    if (L.Source == LoopSource::Elements && !L.Name.empty())
      Check.diag(L.Loop->getBeginLoc(),
                 "the loop over the elements of '%0' is here",
                 DiagnosticIDs::Note)
          << L.Name;
    else
      Check.diag(L.Loop->getBeginLoc(), "the loop is here",
                 DiagnosticIDs::Note);
    return;
  }
  noteOrigin(Check, L);
  Check.diag(L.Loop->getBeginLoc(), "the loop over the rows of %0 is here",
             DiagnosticIDs::Note)
      << loopSubject(L);
}

namespace {
/// Redis commands interpolate their keys: a key in the command is one of
/// its parameters, not a change of the statement.
bool sqlIsText(const LoopQueryFinding &F) {
  return !F.Target.Library || F.Target.Library->speaksSql();
}
} // namespace

void noteRowValue(ClangTidyCheck &Check, const LoopQueryFinding &F,
                  const RowLoop &L) {
  if (!F.Carrier)
    return;
  std::string Value = quoteSource(F.Carrier, F.Function->getASTContext());
  int What = L.Source == LoopSource::QueryRows ? 0 : 1;
  if (F.Kind == FindingKind::LazyLoadInLoop) {
    if (isa<MemberExpr>(F.Carrier->IgnoreParenImpCasts()))
      Check.diag(F.Carrier->getBeginLoc(),
                 "'%0' is a relation of the current %select{row|element}1",
                 DiagnosticIDs::Note)
          << Value << What;
    else
      Check.diag(F.Carrier->getBeginLoc(),
                 "'%0' is the current %select{row|element}1, and '%2' "
                 "queries its relation",
                 DiagnosticIDs::Note)
          << Value << What << F.Relation;
    return;
  }
  if (!F.Chain.empty()) {
    const FunctionDecl *Callee = F.Chain.front().Callee;
    // `run()` on a lambda that captured the row: the closure carries it.
    if (isLambdaBody(Callee) &&
        stripTemporaries(F.Carrier) ==
            stripTemporaries(callArg(F.Site, ImplicitObject))) {
      Check.diag(F.Carrier->getBeginLoc(),
                 "the lambda '%0' captures the %select{row|element}1 value "
                 "and runs the query with it",
                 DiagnosticIDs::Note)
          << Value << What;
      return;
    }
    // `loadDetails()` after `current = row[0]...`: the member carries it.
    if (isa<CXXThisExpr>(stripTemporaries(F.Carrier))) {
      Check.diag(F.Carrier->getBeginLoc(),
                 "the %select{row|element}1 value is stored in a member of "
                 "this object, which %0 reads for its query",
                 DiagnosticIDs::Note)
          << functionName(Callee) << What;
      return;
    }
    // A lambda written at the call, capturing the row: `run([&] { ... })`.
    if (isa<LambdaExpr>(stripTemporaries(F.Carrier))) {
      Check.diag(F.Carrier->getBeginLoc(),
                 "the lambda passed to %0 here captures the "
                 "%select{row|element}1 value and runs the query with it",
                 DiagnosticIDs::Note)
          << functionName(Callee) << What;
      return;
    }
    Check.diag(F.Carrier->getBeginLoc(),
               "the %select{row|element}2 value '%0' is passed to %1 here "
               "and reaches its query",
               DiagnosticIDs::Note)
        << Value << functionName(Callee) << What;
    return;
  }
  Check.diag(F.Carrier->getBeginLoc(),
             "the %select{row|element}2 value '%0' flows into the query's "
             "%select{parameter|SQL text}1 here",
             DiagnosticIDs::Note)
      << Value << (F.CarrierIsSqlText && sqlIsText(F) ? 1 : 0) << What;
}

void noteCallChain(ClangTidyCheck &Check, const LoopQueryFinding &F) {
  // The first step is the site itself, which the warning already points at.
  for (size_t I = 1; I < F.Chain.size(); ++I) {
    const ChainStep &S = F.Chain[I];
    if (S.Callee)
      Check.diag(S.Call->getBeginLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
          << functionName(S.Caller) << functionName(S.Callee);
    else
      Check.diag(S.Call->getBeginLoc(), "%0 runs the query here",
                 DiagnosticIDs::Note)
          << functionName(S.Caller);
  }
}

void noteBatchedRead(ClangTidyCheck &Check, const LoopQueryFinding &F,
                     const RowLoop &L, AnalysisContext &Ctx) {
  BatchPlan Plan = planBatchedRead(F, L, Ctx);
  const StringLiteral *SL = Plan.Text ? Plan.Text->Literal : nullptr;
  SourceLocation At = SL          ? SL->getBeginLoc()
                      : Plan.Text ? F.Target.Sql->getBeginLoc()
                                  : F.Site->getBeginLoc();
  const LibraryModel *Lib = F.Target.Library;
  if (Plan.Rewrite) {
    const char *BindHint = Lib ? Lib->BatchBindHint : "bind all keys at once";
    auto Diag = Check.diag(At, "batch it: %0; %1, then group the rows by %2",
                           DiagnosticIDs::Note)
                << Plan.Rewrite->NewSql << BindHint << Plan.Rewrite->KeyColumn;
    for (const FixItHint &Fix :
         literalFixes(SL, Plan.Rewrite->Edits, F.Function->getASTContext()))
      Diag << Fix;
  } else if (const char *Hint = !Lib          ? nullptr
                                : Plan.IsText ? Lib->TextBatchReadHint
                                              : Lib->BatchReadHint) {
    // The library's own batched form: one for queries written as text, one
    // for queries built through its API.
    Check.diag(At, "batch it: collect the keys before the loop and %0",
               DiagnosticIDs::Note)
        << Hint;
  } else {
    Check.diag(At,
               "batch it: collect the keys before the loop and load all rows "
               "in one query with '%select{= ANY($1)|IN (...)}0', or JOIN it "
               "into the outer query",
               DiagnosticIDs::Note)
        << (Plan.Dialect == SqlDialect::PostgreSQL ? 0 : 1);
  }
  if (Plan.Join && Plan.JoinAt)
    Check.diag(Plan.JoinAt->getBeginLoc(), "or read both in one query: %0",
               DiagnosticIDs::Note)
        << *Plan.Join;
}

namespace {
/// \p FD is the body of a lambda handed to a transaction call of the
/// function that defines it: `storage.transaction([&] { for (...) ... })`.
bool runsInTransactionCallback(const FunctionDecl *FD, AnalysisContext &Ctx) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
  if (!MD || !MD->getParent()->isLambda())
    return false;
  const auto *Outer = dyn_cast<FunctionDecl>(MD->getParent()->getDeclContext());
  if (!Outer || !Outer->hasBody())
    return false;
  for (const CallFacts &C : Ctx.facts(*Outer).calls()) {
    if (!(C.Roles & RoleTransaction))
      continue;
    for (unsigned I = 0, N = callArgCount(C.Call); I < N; ++I)
      if (const auto *LE = dyn_cast_or_null<LambdaExpr>(
              stripTemporaries(callArg(C.Call, static_cast<int>(I)))))
        if (LE->getLambdaClass() == MD->getParent())
          return true;
  }
  return false;
}
} // namespace

void noteBatchedWrite(ClangTidyCheck &Check, const LoopQueryFinding &F,
                      const RowLoop &L, AnalysisContext &Ctx) {
  const LibraryModel *Lib = F.Target.Library;
  const Expr *Sql = F.Target.Sql;
  SourceLocation At = Sql ? Sql->getBeginLoc() : F.Site->getBeginLoc();
  if (Lib && Lib->BatchWriteHint)
    Check.diag(At, "batch it: %0", DiagnosticIDs::Note) << Lib->BatchWriteHint;
  else
    Check.diag(At,
               "batch it: one statement for all rows (a multi-row INSERT, or "
               "an UPDATE/DELETE over a list of keys)",
               DiagnosticIDs::Note);
  if (!Lib || !Lib->TransactionHint)
    return;
  // A transaction started before the loop in this function, directly or
  // through a helper such as `exec(db, "BEGIN")`, already groups the writes.
  if (runsInTransactionCallback(F.Function, Ctx))
    return;
  const FunctionFacts &Facts = Ctx.facts(*F.Function);
  for (const CallFacts &C : Facts.calls()) {
    if (!(C.Call->getBeginLoc() < L.Loop->getBeginLoc()))
      continue;
    // The library's own transaction: `SQLite::Transaction tx(db)`.
    if (C.Roles & RoleTransaction)
      return;
    QueryTarget T;
    const FunctionDecl *Owner = F.Function;
    if ((C.Roles & RoleExecute)) {
      T = describeQuery(C, Facts);
    } else if (const FunctionDecl *Callee = Ctx.followableCallee(C.Call)) {
      unsigned Budget = Ctx.options().MaxCallDepth;
      const CallSummary *S = Ctx.summary(Callee, Budget);
      if (!S || !S->RunsQuery)
        continue;
      T = S->Target;
      std::vector<ChainStep> Chain =
          callChain(C.Call, F.Function, Callee, Budget, Ctx);
      Owner = Chain.back().Caller;
      resolveThroughChain(Chain, T, Owner, Ctx);
    } else {
      continue;
    }
    if (auto Text = sqlTextPrefix(T.Sql, &Ctx.facts(*Owner)))
      if (isTransactionStart(*Text))
        return;
  }
  Check.diag(L.Loop->getBeginLoc(), "%0", DiagnosticIDs::Note)
      << Lib->TransactionHint;
}

void noteEagerLoad(ClangTidyCheck &Check, const LoopQueryFinding &F) {
  const LibraryModel *Lib = F.Target.Library;
  Check.diag(F.Site->getBeginLoc(), "load it eagerly: %0", DiagnosticIDs::Note)
      << (Lib && Lib->EagerLoadHint
              ? Lib->EagerLoadHint
              : "one query for the related rows of all objects, or a JOIN");
}

} // namespace nplusone
