//===- SqlLexer.h - SQL text as tokens --------------------------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Splits SQL text into words, quoted names, strings, numbers, placeholders
// and punctuation, in any dialect: `$1`, `?`, `?1`, `:name`, `@name` and a
// value concatenated at run time (SqlHole) are all placeholders. The rest
// of lib/sql reads these tokens, never the raw text.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_LIB_SQL_SQLLEXER_H
#define NPLUSONE_LIB_SQL_SQLLEXER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>

namespace nplusone {

/// Marks, in SQL text, a value concatenated into it at run time
/// (`"... WHERE id = " + std::to_string(id)`): the reader treats it as a
/// parameter.
constexpr char SqlHole = '\x01';

enum class SqlTokenKind {
  Word,
  QuotedIdent,
  String,
  Number,
  Placeholder,
  Punct
};

struct SqlToken {
  SqlTokenKind Kind;
  /// Byte offsets of the token in the text: [Begin, End).
  size_t Begin, End;
  llvm::StringRef Text;

  bool isWord(llvm::StringRef W) const {
    return Kind == SqlTokenKind::Word && Text.equals_insensitive(W);
  }
  bool isPunct(llvm::StringRef P) const {
    return Kind == SqlTokenKind::Punct && Text == P;
  }
  /// A word or a quoted identifier.
  bool isName() const {
    return Kind == SqlTokenKind::Word || Kind == SqlTokenKind::QuotedIdent;
  }
  bool isHole() const {
    return Kind == SqlTokenKind::Placeholder && Text.front() == SqlHole;
  }
};

using SqlTokens = llvm::SmallVector<SqlToken, 32>;

/// Splits \p Sql into tokens, dropping whitespace and comments. Returns false
/// on text it cannot tokenize (an unterminated quote or comment).
bool tokenizeSql(llvm::StringRef Sql, llvm::SmallVectorImpl<SqlToken> &Out);

/// The quote that would close a literal (a string or quoted name) left open
/// at the end of \p Sql, or 0: the start of a statement cut where a value is
/// spliced into a string literal (`... WHERE id = '` of `QString("... WHERE
/// id = '%1'").arg(id)`).
char openQuoteAtEnd(llvm::StringRef Sql);

/// Index of the first token of the main statement: skips leading '(' and a
/// WITH clause's common table expressions.
size_t mainStatementStart(llvm::ArrayRef<SqlToken> Toks);

/// Calls \p Visit(Index) for each token at parenthesis depth 0 in [Begin,
/// End), tracking the depth across the others; stops early when Visit
/// returns false. Returns false when the parentheses close more than they
/// open.
template <typename Fn>
bool forEachTopLevelToken(llvm::ArrayRef<SqlToken> Toks, size_t Begin,
                          size_t End, Fn Visit) {
  int Depth = 0;
  for (size_t I = Begin; I < End && I < Toks.size(); ++I) {
    if (Toks[I].isPunct("(")) {
      ++Depth;
      continue;
    }
    if (Toks[I].isPunct(")")) {
      if (--Depth < 0)
        return false;
      continue;
    }
    if (Depth == 0 && !Visit(I))
      return true;
  }
  return true;
}

} // namespace nplusone

#endif // NPLUSONE_LIB_SQL_SQLLEXER_H
