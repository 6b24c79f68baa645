//===- FindingDiagnostics.cpp - Notes that explain a finding --------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "checks/common/FindingDiagnostics.h"
#include "checks/common/FixIts.h"
#include "lib/analysis/CallChain.h"
#include "lib/ast/CallSites.h"
#include "lib/ast/Declarations.h"
#include "lib/ast/Expressions.h"
#include "lib/support/Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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

/// Where \p P, a place another unit's summary names, is in this run's
/// sources; invalid when its file cannot be read here.
SourceLocation locationOf(const SourcePlace &P, SourceManager &SM) {
  // Summaries name the files: only a regular file is opened.
  if (P.File.empty() || P.Line == 0 || !llvm::sys::fs::is_regular_file(P.File))
    return SourceLocation();
  auto File = SM.getFileManager().getOptionalFileRef(P.File);
  if (!File)
    return SourceLocation();
  FileID ID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
  return ID.isValid() ? SM.translateLineCol(ID, P.Line, P.Column)
                      : SourceLocation();
}

/// A note at \p P in another unit; where that file is not at hand (the
/// summary came from another machine), at \p Fallback, naming the place.
void noteRemote(ClangTidyCheck &Check, const SourcePlace &P,
                SourceLocation Fallback, const FunctionDecl *In,
                std::string Text) {
  SourceLocation At = locationOf(P, In->getASTContext().getSourceManager());
  if (At.isInvalid()) {
    At = Fallback;
    Text += " (" + llvm::sys::path::filename(P.File).str() + ":" +
            std::to_string(P.Line) + ")";
  }
  Check.diag(At, "%0", DiagnosticIDs::Note) << Text;
}

/// For a statement in another unit (its text unknown here), its text there,
/// when that file is at hand; \p At otherwise.
SourceLocation remoteStatementAt(const LoopQueryFinding &F, SourceLocation At) {
  if (F.Target.Sql || !F.Remote || F.Remote->Steps.empty())
    return At;
  const SourcePlace &Text =
      F.Remote->TextAt.Line ? F.Remote->TextAt : F.Remote->Steps.back().Place;
  SourceLocation Remote =
      locationOf(Text, F.Function->getASTContext().getSourceManager());
  return Remote.isValid() ? Remote : At;
}

} // namespace

std::string loopSubject(const RowLoop &L) {
  if (!L.Name.empty())
    return "'" + L.Name + "'";
  return "the outer query";
}

namespace {
/// A table name that reads as a plural noun: `users`, `order_items`,
/// `people`; not `creature`, `address`, `status`.
bool readsAsPlural(llvm::StringRef Table) {
  // The last word of `order_items` is the noun.
  auto [Head, Tail] = Table.rsplit('_');
  std::string Noun = (Tail.empty() ? Head : Tail).lower();
  for (llvm::StringRef Irregular :
       {"people", "children", "data", "media", "men", "women", "criteria"})
    if (Noun == Irregular)
      return true;
  return endsWith(Noun, "s") && !endsWith(Noun, "ss") &&
         !endsWith(Noun, "us") && !endsWith(Noun, "is");
}
} // namespace

std::string allRowsOf(const RowLoop &L) {
  if (L.Table.empty())
    return "all of them";
  return (readsAsPlural(L.Table) ? "all " : "every ") + L.Table;
}

std::string perIteration(const RowLoop &L) {
  switch (L.Source) {
  case LoopSource::QueryRows:
    return "per row of " + loopSubject(L);
  case LoopSource::Elements:
    if (L.FollowsLinks)
      return "per link of the chain the loop follows";
    return L.Name.empty() ? "per element of the loop"
                          : "per element of '" + L.Name + "'";
  case LoopSource::None:
    break;
  }
  return "per iteration of the loop";
}

namespace {
/// Where the rows a loop walks come from.
void noteOrigin(ClangTidyCheck &Check, const RowLoop &L,
                const FunctionDecl *In) {
  if (L.Source != LoopSource::QueryRows)
    return;
  if (!L.OriginQuery && L.RemoteOrigin && L.RowsCall) {
    std::string Text =
        L.Name.empty() ? std::string("the rows come from the query here")
                       : "'" + L.Name + "' holds the rows of this query, " +
                             "returned by " + messageName(calleeOf(L.RowsCall));
    noteRemote(Check, L.RemoteOrigin->Place, L.RowsCall->getBeginLoc(), In,
               Text);
    return;
  }
  if (!L.OriginQuery)
    return;
  if (L.Name.empty()) {
    Check.diag(L.OriginQuery->getBeginLoc(),
               "the rows come from the query here", DiagnosticIDs::Note);
    return;
  }
  if (L.RowsCall && L.RowsInArgument)
    Check.diag(L.OriginQuery->getBeginLoc(),
               "'%0' holds the rows of this query, run on it by %1",
               DiagnosticIDs::Note)
        << L.Name << messageName(calleeOf(L.RowsCall));
  else if (L.RowsCall)
    Check.diag(L.OriginQuery->getBeginLoc(),
               "'%0' holds the rows of this query, returned by %1",
               DiagnosticIDs::Note)
        << L.Name << messageName(calleeOf(L.RowsCall));
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

void noteLoop(ClangTidyCheck &Check, const RowLoop &L) {
  if (L.Algorithm)
    Check.diag(L.Loop->getBeginLoc(), "'%0' runs %1 once %2 here",
               DiagnosticIDs::Note)
        << L.Algorithm << messageName(L.Callable) << perIteration(L);
  else
    Check.diag(L.Loop->getBeginLoc(), "the loop is here", DiagnosticIDs::Note);
}

void noteRowSource(ClangTidyCheck &Check, const RowLoop &L,
                   const FunctionDecl *In) {
  if (L.Algorithm) {
    // `sqlite3_exec(db, "SELECT ...", cb, ...)` is both the query and what
    // runs the callback: one note says both.
    if (L.OriginQuery != L.Loop)
      noteOrigin(Check, L, In);
    noteLoop(Check, L);
    return;
  }
  if (L.Source != LoopSource::QueryRows) {
    if (L.FollowsLinks && L.RowVar)
      Check.diag(L.Loop->getBeginLoc(),
                 "the loop here takes the next '%0' from the row each lookup "
                 "returns",
                 DiagnosticIDs::Note)
          << L.RowVar->getName();
    else if (L.Source == LoopSource::Elements && !L.Name.empty())
      Check.diag(L.Loop->getBeginLoc(),
                 "the loop over the elements of '%0' is here",
                 DiagnosticIDs::Note)
          << L.Name;
    else
      noteLoop(Check, L);
    return;
  }
  noteOrigin(Check, L, In);
  Check.diag(L.Loop->getBeginLoc(), "the loop over the rows of %0 is here",
             DiagnosticIDs::Note)
      << loopSubject(L);
}

void noteRepeatingLoop(ClangTidyCheck &Check, const LoopQueryFinding &F,
                       const FunctionLoopQueries &Function) {
  if (F.RepeatingLoop < 0)
    return;
  Check.diag(Function.Loops[F.RepeatingLoop].Loop->getBeginLoc(),
             "the inner loop here runs it again on every iteration with the "
             "same values; move it out of this loop",
             DiagnosticIDs::Note);
}

namespace {
/// Redis commands interpolate their keys: a key in the command is one of
/// its parameters, not a change of the statement.
bool sqlIsText(const LoopQueryFinding &F) {
  return !F.Target.Library || F.Target.Library->speaksSql();
}

/// What the site runs, as the notes name it: a query for a read; for a
/// write its keyword (UPDATE, SET) when known, else a statement.
std::string runsWhat(const LoopQueryFinding &F) {
  if (F.Kind == FindingKind::LazyLoadInLoop)
    return "lazy load of '" + F.Relation + "'";
  if (F.Kind != FindingKind::WriteInLoop)
    return "query";
  return F.StatementKeyword.empty() ? "statement" : F.StatementKeyword;
}

/// The last step of a chain: "'find' runs the query here", "'show' loads
/// 'customer' here".
std::string runsHere(llvm::StringRef Caller, const LoopQueryFinding &F) {
  if (F.Kind == FindingKind::LazyLoadInLoop)
    return (Caller + " loads '" + F.Relation + "' here").str();
  return (Caller + " runs the " + runsWhat(F) + " here").str();
}
} // namespace

void noteRowValue(ClangTidyCheck &Check, const LoopQueryFinding &F,
                  const RowLoop &L) {
  if (!F.Carrier)
    return;
  std::string Value = quoteSource(F.Carrier, F.Function->getASTContext());
  int What = L.Source == LoopSource::QueryRows ? 0 : 1;
  std::string Runs = runsWhat(F);
  if (F.Kind == FindingKind::LazyLoadInLoop && F.Chain.empty()) {
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
                 "and runs the %2 with it",
                 DiagnosticIDs::Note)
          << Value << What << Runs;
      return;
    }
    // `loadDetails()` after `current = row[0]...`: the member carries it.
    if (isa<CXXThisExpr>(stripTemporaries(F.Carrier))) {
      Check.diag(F.Carrier->getBeginLoc(),
                 "the %select{row|element}1 value is stored in a member of "
                 "this object, which %0 reads for its %2",
                 DiagnosticIDs::Note)
          << chainName(F.Chain, Callee) << What << Runs;
      return;
    }
    // A lambda written at the call, capturing the row: `run([&] { ... })`.
    if (isa<LambdaExpr>(stripTemporaries(F.Carrier))) {
      Check.diag(F.Carrier->getBeginLoc(),
                 "the lambda passed to %0 here captures the "
                 "%select{row|element}1 value and runs the %2 with it",
                 DiagnosticIDs::Note)
          << chainName(F.Chain, Callee) << What << Runs;
      return;
    }
    // `visit(id)` on a std::function: name the variable that holds it.
    std::string Called = chainName(F.Chain, Callee);
    if (const Expr *Held = callableWrapperCalled(F.Site))
      if (const ValueDecl *Holder = rootDecl(Held))
        Called += " held by '" + Holder->getNameAsString() + "'";
    Check.diag(F.Carrier->getBeginLoc(),
               "the %select{row|element}2 value '%0' is passed to %1 here "
               "and reaches its %3",
               DiagnosticIDs::Note)
        << Value << Called << What << Runs;
    return;
  }
  const Expr *Shown = F.RowValue ? F.RowValue : F.Carrier;
  Check.diag(Shown->getBeginLoc(),
             "the %select{row|element}2 value '%0' flows into the %3's "
             "%select{parameter|SQL text}1 here",
             DiagnosticIDs::Note)
      << quoteSource(Shown, F.Function->getASTContext())
      << ((F.CarrierIsSqlText || F.RowValueInText) && sqlIsText(F) ? 1 : 0)
      << What << Runs;
}

void noteCallChain(ClangTidyCheck &Check, const LoopQueryFinding &F) {
  // The first step is the site itself, which the warning already points at.
  for (size_t I = 1; I < F.Chain.size(); ++I) {
    const ChainStep &S = F.Chain[I];
    if (S.Callee)
      Check.diag(S.Call->getBeginLoc(), "%0 calls %1 here", DiagnosticIDs::Note)
          << chainName(F.Chain, S.Caller) << chainName(F.Chain, S.Callee);
    else
      Check.diag(S.Call->getBeginLoc(), "%0", DiagnosticIDs::Note)
          << runsHere(chainName(F.Chain, S.Caller), F);
  }
  // The rest of the chain, in other translation units.
  if (!F.Remote)
    return;
  for (const SummaryStep &S : F.Remote->Steps)
    noteRemote(Check, S.Place, F.At, F.Function,
               S.Callee.empty() ? runsHere(S.Caller, F)
                                : S.Caller + " calls " + S.Callee + " here");
}

namespace {

/// How the keys reach a batched comparison in \p D: the library's own
/// words when it takes them in that form, else the dialect's.
const char *bindHint(const LibraryModel *Lib, SqlDialect D) {
  BatchedKeyForm Form = batchedKeyForm(D);
  if (Lib && Lib->BatchBindHint && batchedKeyForm(Lib->Dialect) == Form)
    return Lib->BatchBindHint;
  switch (Form) {
  case BatchedKeyForm::Array:
    return "with the keys in one array";
  case BatchedKeyForm::JsonArray:
    return "with the keys as one JSON array";
  case BatchedKeyForm::PlaceholderList:
    break;
  }
  return "with one placeholder per key, each key bound";
}

/// Where \p At is written in the file: a statement's text that a library
/// macro wraps (`QStringLiteral("SELECT ...")`) is shown at the macro, not
/// inside the library's header.
SourceLocation writtenAt(const LoopQueryFinding &F, SourceLocation At) {
  if (!At.isMacroID() || !F.Function)
    return At;
  return F.Function->getASTContext().getSourceManager().getFileLoc(At);
}

} // namespace

void noteBatchedRead(ClangTidyCheck &Check, const LoopQueryFinding &F) {
  const BatchPlan &Plan = F.Batch;
  const StringLiteral *SL = Plan.Text ? Plan.Text->Literal : nullptr;
  SourceLocation At = SL                          ? SL->getBeginLoc()
                      : Plan.Text && F.Target.Sql ? F.Target.Sql->getBeginLoc()
                                                  : F.At;
  At = writtenAt(F, remoteStatementAt(F, At));
  const LibraryModel *Lib = F.Target.Library;
  if (Plan.Rewrite) {
    // The changed comparison in the prose; the whole statement in the fix.
    auto Diag = Check.diag(At, "batch it: '%0' %1, then group the rows by %2",
                           DiagnosticIDs::Note)
                << Plan.Rewrite->BatchedComparison
                << bindHint(Lib, Plan.Dialect) << Plan.Rewrite->KeyColumn;
    for (const FixItHint &Fix :
         literalFixes(SL, Plan.Rewrite->Edits, F.Function->getASTContext()))
      Diag << Fix;
  } else if (Plan.FollowsLinks) {
    Check.diag(At,
               "batch it: read the whole chain in one recursive query (WITH "
               "RECURSIVE), or load every link once and follow them in memory",
               DiagnosticIDs::Note);
  } else if (const char *Hint = !Lib          ? nullptr
                                : Plan.IsText ? Lib->TextBatchReadHint
                                              : Lib->BatchReadHint) {
    // The library's own batched form: one for queries written as text, one
    // for queries built through its API.
    Check.diag(At, "batch it: %0", DiagnosticIDs::Note) << Hint;
  } else {
    Check.diag(At,
               "batch it: the rows of all keys in one query with "
               "'%select{= ANY($1)|IN (...)}0', or a JOIN in the outer query",
               DiagnosticIDs::Note)
        << (Plan.Dialect == SqlDialect::PostgreSQL ? 0 : 1);
  }
  // No fix here: with two fixes among its notes, --fix-notes would apply
  // neither, and the batched lookup above is the smaller change.
  if (Plan.Join && Plan.JoinAt)
    Check.diag(Plan.JoinAt->getBeginLoc(),
               "or read both in one query: add '%0' and its columns here",
               DiagnosticIDs::Note)
        << Plan.Join->JoinClause;
}

void noteBatchedWrite(ClangTidyCheck &Check, const LoopQueryFinding &F,
                      const RowLoop &L) {
  const LibraryModel *Lib = F.Target.Library;
  const Expr *Sql = F.Target.Sql;
  SourceLocation At =
      writtenAt(F, remoteStatementAt(F, Sql ? Sql->getBeginLoc() : F.At));
  if (Lib && Lib->BatchWriteHint)
    Check.diag(At, "batch it: %0", DiagnosticIDs::Note) << Lib->BatchWriteHint;
  else
    Check.diag(At,
               "batch it: one statement for all rows (a multi-row INSERT, or "
               "an UPDATE/DELETE over a list of keys)",
               DiagnosticIDs::Note);
  // A transaction opened before the loop already groups the writes.
  if (Lib && Lib->TransactionHint && !F.InTransaction)
    Check.diag(L.Loop->getBeginLoc(), "%0", DiagnosticIDs::Note)
        << Lib->TransactionHint;
}

void noteEagerLoad(ClangTidyCheck &Check, const LoopQueryFinding &F) {
  const LibraryModel *Lib = F.Target.Library;
  Check.diag(F.At, "load it eagerly: %0", DiagnosticIDs::Note)
      << (Lib && Lib->EagerLoadHint
              ? Lib->EagerLoadHint
              : "one query for the related rows of all objects, or a JOIN");
}

} // namespace nplusone
