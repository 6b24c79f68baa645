//===- SqlLexer.cpp - SQL text as tokens ----------------------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlLexer.h"
#include <cctype>

using llvm::StringRef;

namespace nplusone {

namespace {

bool isIdentStart(char C) {
  return std::isalpha(static_cast<unsigned char>(C)) || C == '_';
}
bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == '$';
}
bool isDigit(char C) { return std::isdigit(static_cast<unsigned char>(C)); }

/// Reads the text one token at a time.
class Lexer {
public:
  Lexer(StringRef S, llvm::SmallVectorImpl<SqlToken> &Out) : S(S), Out(Out) {}

  bool run() {
    while (I < S.size()) {
      if (!skipSpaceAndComments())
        return false;
      if (I >= S.size())
        break;
      size_t Begin = I;
      if (!lexQuoted(Begin))
        return false;
      if (I != Begin)
        continue;
      if (lexWordOrNumber(Begin) || lexPlaceholder(Begin))
        continue;
      lexPunct(Begin);
    }
    return true;
  }

private:
  char at(size_t K) const { return K < S.size() ? S[K] : '\0'; }
  void push(SqlTokenKind K, size_t Begin) {
    Out.push_back({K, Begin, I, S.slice(Begin, I)});
  }

  /// False on an unterminated block comment.
  bool skipSpaceAndComments() {
    while (I < S.size()) {
      char C = S[I];
      if (std::isspace(static_cast<unsigned char>(C))) {
        ++I;
      } else if (C == '-' && at(I + 1) == '-') {
        while (I < S.size() && S[I] != '\n')
          ++I;
      } else if (C == '/' && at(I + 1) == '*') {
        size_t E = S.find("*/", I + 2);
        if (E == StringRef::npos)
          return false;
        I = E + 2;
      } else {
        return true;
      }
    }
    return true;
  }

  /// A string or a quoted identifier; false when it is unterminated. Leaves
  /// the position alone when the text does not start with a quote.
  bool lexQuoted(size_t Begin) {
    char Open = S[I];
    if (Open != '\'' && Open != '"' && Open != '`' && Open != '[')
      return true;
    char Close = Open == '[' ? ']' : Open;
    for (++I;; ++I) {
      if (I >= S.size()) {
        Unclosed = Close;
        return false;
      }
      if (S[I] != Close)
        continue;
      // A doubled quote is an escaped quote.
      if (Close != ']' && at(I + 1) == Close) {
        ++I;
        continue;
      }
      ++I;
      break;
    }
    push(Open == '\'' ? SqlTokenKind::String : SqlTokenKind::QuotedIdent,
         Begin);
    return true;
  }

  bool lexWordOrNumber(size_t Begin) {
    if (isIdentStart(S[I])) {
      while (I < S.size() && isIdentChar(S[I]))
        ++I;
      push(SqlTokenKind::Word, Begin);
      return true;
    }
    if (!isDigit(S[I]))
      return false;
    while (I < S.size() &&
           (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '.'))
      ++I;
    push(SqlTokenKind::Number, Begin);
    return true;
  }

  /// `$1`, a hole, `?`, `?1`, `:name`, `@name` (not `::type`).
  bool lexPlaceholder(size_t Begin) {
    char C = S[I];
    if (C == '$' && isDigit(at(I + 1))) {
      for (++I; I < S.size() && isDigit(S[I]);)
        ++I;
    } else if (C == SqlHole) {
      ++I;
    } else if (C == '?') {
      for (++I; I < S.size() && isDigit(S[I]);)
        ++I;
    } else if ((C == ':' || C == '@') && isIdentStart(at(I + 1)) &&
               !(I > 0 && S[I - 1] == ':')) {
      for (++I; I < S.size() && isIdentChar(S[I]);)
        ++I;
    } else {
      return false;
    }
    push(SqlTokenKind::Placeholder, Begin);
    return true;
  }

  /// Multi-character operators matter only as "not a plain '='".
  void lexPunct(size_t Begin) {
    StringRef Two = S.substr(I, 2);
    bool Long = Two == "::" || Two == "<=" || Two == ">=" || Two == "<>" ||
                Two == "!=" || Two == "||" || Two == "==";
    I += Long ? 2 : 1;
    push(SqlTokenKind::Punct, Begin);
  }

public:
  /// The quote that would end a literal the text leaves open, or 0.
  char Unclosed = 0;

private:
  StringRef S;
  llvm::SmallVectorImpl<SqlToken> &Out;
  size_t I = 0;
};

} // namespace

bool tokenizeSql(StringRef Sql, llvm::SmallVectorImpl<SqlToken> &Out) {
  return Lexer(Sql, Out).run();
}

size_t mainStatementStart(llvm::ArrayRef<SqlToken> Toks) {
  size_t I = 0;
  while (I < Toks.size() && Toks[I].isPunct("("))
    ++I;
  if (I >= Toks.size() || !Toks[I].isWord("with"))
    return I;
  int Depth = 0;
  for (++I; I < Toks.size(); ++I) {
    if (Toks[I].isPunct("("))
      ++Depth;
    else if (Toks[I].isPunct(")"))
      --Depth;
    else if (Depth == 0 &&
             (Toks[I].isWord("select") || Toks[I].isWord("insert") ||
              Toks[I].isWord("update") || Toks[I].isWord("delete") ||
              Toks[I].isWord("merge")))
      return I;
  }
  return I;
}

char openQuoteAtEnd(StringRef Sql) {
  SqlTokens Toks;
  Lexer L(Sql, Toks);
  return L.run() ? 0 : L.Unclosed;
}

} // namespace nplusone
