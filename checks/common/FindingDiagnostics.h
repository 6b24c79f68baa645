//===- FindingDiagnostics.h - Notes that explain a finding ------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The notes every nplusone check attaches to its warning: where the rows
// come from, the loop, the value that flows into the query, the call chain
// down to the query, and the batched form of the query with its fix-it.
// Everything they say was found by the analysis (lib/analysis/Finding.h);
// this layer only puts it into words.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_CHECKS_COMMON_FINDINGDIAGNOSTICS_H
#define NPLUSONE_CHECKS_COMMON_FINDINGDIAGNOSTICS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "lib/analysis/Finding.h"
#include <string>

namespace nplusone {

/// How a message names what a loop iterates: "'users'" or a description.
std::string loopSubject(const RowLoop &L);

/// What "load the rows for ..." covers: the rows of the loop's table as
/// English says them ("all users", "every creature"), or "all of them" when
/// the outer SQL names no table (a variable name is no table).
std::string allRowsOf(const RowLoop &L);

/// The note on the loop itself: "the loop is here", or for a callable run
/// per element or row, what runs it ("'sqlite3_exec' runs 'print_order' once
/// per row of 'orders' here").
void noteLoop(clang::tidy::ClangTidyCheck &Check, const RowLoop &L);
/// Notes on where the rows come from and on the loop itself.
void noteRowSource(clang::tidy::ClangTidyCheck &Check, const RowLoop &L,
                   const clang::FunctionDecl *In);
/// The inner loop that repeats a read with the same values, if there is one.
void noteRepeatingLoop(clang::tidy::ClangTidyCheck &Check,
                       const LoopQueryFinding &F,
                       const FunctionLoopQueries &Function);

/// "per row of 'users'", "per element of 'ids'", "per iteration of the loop".
std::string perIteration(const RowLoop &L);

/// A note on the row value that reaches the query.
void noteRowValue(clang::tidy::ClangTidyCheck &Check, const LoopQueryFinding &F,
                  const RowLoop &L);

/// Notes walking the call chain from the site down to the query.
void noteCallChain(clang::tidy::ClangTidyCheck &Check,
                   const LoopQueryFinding &F);

/// The note proposing one batched read, with a fix-it on the SQL literal
/// when the query's SQL is understood, and the JOIN that replaces the loop
/// and its lookup when the loop's query is understood too.
void noteBatchedRead(clang::tidy::ClangTidyCheck &Check,
                     const LoopQueryFinding &F);

/// The note proposing the library's batched form of a write, and one
/// transaction around the loop when none is open before it.
void noteBatchedWrite(clang::tidy::ClangTidyCheck &Check,
                      const LoopQueryFinding &F, const RowLoop &L);

/// The note proposing to load a relation eagerly.
void noteEagerLoad(clang::tidy::ClangTidyCheck &Check,
                   const LoopQueryFinding &F);

} // namespace nplusone

#endif // NPLUSONE_CHECKS_COMMON_FINDINGDIAGNOSTICS_H
