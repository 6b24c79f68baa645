//===- SqlText.cpp - Reading SQL text -------------------------------------===//

#include "lib/SqlText.h"
#include "lib/Compat.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/Twine.h"
#include <cctype>

using llvm::StringRef;

namespace nplusone {

std::optional<SqlDialect> parseSqlDialect(StringRef Name) {
  std::string Lower = Name.trim().lower();
  return llvm::StringSwitch<std::optional<SqlDialect>>(Lower)
      .Case("auto", SqlDialect::Auto)
      .Case("postgresql", SqlDialect::PostgreSQL)
      .Case("sqlite", SqlDialect::SQLite)
      .Case("mysql", SqlDialect::MySQL)
      .Case("generic", SqlDialect::Generic)
      .Default(std::nullopt);
}

namespace {

enum class TokKind { Word, QuotedIdent, String, Number, Placeholder, Punct };

struct Token {
  TokKind Kind;
  size_t Begin, End;
  StringRef Text;
  bool isWord(StringRef W) const {
    return Kind == TokKind::Word && Text.equals_insensitive(W);
  }
  bool isPunct(StringRef P) const {
    return Kind == TokKind::Punct && Text == P;
  }
};

bool isIdentStart(char C) {
  return std::isalpha(static_cast<unsigned char>(C)) || C == '_';
}
bool isIdentChar(char C) {
  return std::isalnum(static_cast<unsigned char>(C)) || C == '_' || C == '$';
}

/// Splits SQL into tokens, dropping whitespace and comments. Returns false on
/// text it cannot tokenize (an unterminated quote or comment).
bool tokenize(StringRef S, llvm::SmallVectorImpl<Token> &Out) {
  size_t I = 0, N = S.size();
  auto Push = [&](TokKind K, size_t B, size_t E) {
    Out.push_back({K, B, E, S.slice(B, E)});
  };
  while (I < N) {
    char C = S[I];
    if (std::isspace(static_cast<unsigned char>(C))) {
      ++I;
      continue;
    }
    if (C == '-' && I + 1 < N && S[I + 1] == '-') {
      while (I < N && S[I] != '\n')
        ++I;
      continue;
    }
    if (C == '/' && I + 1 < N && S[I + 1] == '*') {
      size_t E = S.find("*/", I + 2);
      if (E == StringRef::npos)
        return false;
      I = E + 2;
      continue;
    }
    size_t B = I;
    if (C == '\'' || C == '"' || C == '`' || C == '[') {
      char Close = C == '[' ? ']' : C;
      ++I;
      while (true) {
        if (I >= N)
          return false;
        if (S[I] == Close) {
          // A doubled quote is an escaped quote.
          if (Close != ']' && I + 1 < N && S[I + 1] == Close) {
            I += 2;
            continue;
          }
          ++I;
          break;
        }
        ++I;
      }
      Push(C == '\'' ? TokKind::String : TokKind::QuotedIdent, B, I);
      continue;
    }
    if (isIdentStart(C)) {
      while (I < N && isIdentChar(S[I]))
        ++I;
      Push(TokKind::Word, B, I);
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(C))) {
      while (I < N &&
             (std::isalnum(static_cast<unsigned char>(S[I])) || S[I] == '.'))
        ++I;
      Push(TokKind::Number, B, I);
      continue;
    }
    if (C == '$' && I + 1 < N &&
        std::isdigit(static_cast<unsigned char>(S[I + 1]))) {
      ++I;
      while (I < N && std::isdigit(static_cast<unsigned char>(S[I])))
        ++I;
      Push(TokKind::Placeholder, B, I);
      continue;
    }
    if (C == '?') {
      ++I;
      while (I < N && std::isdigit(static_cast<unsigned char>(S[I])))
        ++I;
      Push(TokKind::Placeholder, B, I);
      continue;
    }
    if ((C == ':' || C == '@') && I + 1 < N && isIdentStart(S[I + 1]) &&
        !(I > 0 && S[I - 1] == ':')) {
      ++I;
      while (I < N && isIdentChar(S[I]))
        ++I;
      Push(TokKind::Placeholder, B, I);
      continue;
    }
    // Multi-character operators matter only as "not a plain '='".
    if (I + 1 < N) {
      StringRef Two = S.substr(I, 2);
      if (Two == "::" || Two == "<=" || Two == ">=" || Two == "<>" ||
          Two == "!=" || Two == "||" || Two == "==") {
        Push(TokKind::Punct, I, I + 2);
        I += 2;
        continue;
      }
    }
    Push(TokKind::Punct, I, I + 1);
    ++I;
  }
  return true;
}

/// Index of the first token of the main statement: skips leading '(' and a
/// WITH clause's common table expressions.
size_t mainStatementStart(llvm::ArrayRef<Token> Toks) {
  size_t I = 0;
  while (I < Toks.size() && Toks[I].isPunct("("))
    ++I;
  if (I < Toks.size() && Toks[I].isWord("with")) {
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
  }
  return I;
}

} // namespace

SqlStatementKind classifySql(StringRef Sql) {
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks))
    return SqlStatementKind::Unknown;
  size_t I = mainStatementStart(Toks);
  if (I >= Toks.size() || Toks[I].Kind != TokKind::Word)
    return SqlStatementKind::Unknown;
  const Token &T = Toks[I];
  for (StringRef W : {"insert", "update", "delete", "upsert", "replace",
                      "merge", "copy", "truncate"})
    if (T.isWord(W))
      return SqlStatementKind::Write;
  for (StringRef W : {"select", "values", "show", "explain", "table", "pragma"})
    if (T.isWord(W))
      return SqlStatementKind::Read;
  return SqlStatementKind::Unknown;
}

std::optional<std::string> sqlLeadingKeyword(StringRef Sql) {
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks))
    return std::nullopt;
  size_t I = mainStatementStart(Toks);
  if (I >= Toks.size() || Toks[I].Kind != TokKind::Word)
    return std::nullopt;
  return Toks[I].Text.upper();
}

bool isTransactionStart(StringRef Sql) {
  auto Keyword = sqlLeadingKeyword(Sql);
  return Keyword && (*Keyword == "BEGIN" || *Keyword == "START" ||
                     *Keyword == "SAVEPOINT");
}

std::optional<std::string> sqlMainTable(StringRef Sql) {
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks))
    return std::nullopt;
  int Depth = 0;
  for (size_t I = mainStatementStart(Toks); I < Toks.size(); ++I) {
    if (Toks[I].isPunct("("))
      ++Depth;
    else if (Toks[I].isPunct(")"))
      --Depth;
    else if (Depth == 0 && Toks[I].isWord("from") && I + 1 < Toks.size()) {
      const Token &Name = Toks[I + 1];
      if (Name.Kind == TokKind::Word)
        return Name.Text.str();
      if (Name.Kind == TokKind::QuotedIdent && Name.Text.size() > 2)
        return Name.Text.drop_front().drop_back().str();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool sqlReturnsAtMostOneRow(StringRef Sql) {
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks))
    return false;
  int Depth = 0;
  for (size_t I = mainStatementStart(Toks); I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (T.isPunct("(")) {
      ++Depth;
      continue;
    }
    if (T.isPunct(")")) {
      --Depth;
      continue;
    }
    if (Depth != 0 || I + 1 >= Toks.size())
      continue;
    const Token &Next = Toks[I + 1];
    bool One = Next.Kind == TokKind::Number && Next.Text == "1";
    // LIMIT 1, TOP 1, FETCH FIRST 1 ROW ONLY / FETCH FIRST ROW ONLY.
    if ((T.isWord("limit") || T.isWord("top")) && One)
      return true;
    if (T.isWord("first") && I > 0 && Toks[I - 1].isWord("fetch") &&
        (One || Next.isWord("row")))
      return true;
  }
  return false;
}

std::optional<BatchedSqlRewrite> rewriteKeyLookupBatched(StringRef Sql,
                                                         SqlDialect D) {
  if (D != SqlDialect::PostgreSQL && D != SqlDialect::SQLite)
    return std::nullopt;
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks) || Toks.empty())
    return std::nullopt;
  size_t Start = mainStatementStart(Toks);
  // A plain SELECT: no CTE, no subquery, no second statement.
  if (Start != 0 || !Toks[0].isWord("select"))
    return std::nullopt;
  size_t Placeholder = 0, Placeholders = 0, Where = 0, Wheres = 0;
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (T.Kind == TokKind::Placeholder) {
      Placeholder = I;
      ++Placeholders;
    } else if (T.isWord("where")) {
      Where = I;
      ++Wheres;
    } else if ((I > 0 && T.isWord("select")) || T.isWord("union") ||
               T.isWord("intersect") || T.isWord("except") ||
               T.isWord("having") || T.isPunct(";")) {
      return std::nullopt;
    }
  }
  if (Placeholders != 1 || Wheres != 1 || Placeholder < Where + 3)
    return std::nullopt;
  // `<col> = <param>` with the column possibly qualified (`o.user_id`).
  size_t Eq = Placeholder - 1;
  if (!Toks[Eq].isPunct("="))
    return std::nullopt;
  size_t ColEnd = Eq - 1;
  auto IsName = [](const Token &T) {
    return T.Kind == TokKind::Word || T.Kind == TokKind::QuotedIdent;
  };
  if (!IsName(Toks[ColEnd]))
    return std::nullopt;
  size_t ColBegin = ColEnd;
  while (ColBegin >= Where + 3 && Toks[ColBegin - 1].isPunct(".") &&
         IsName(Toks[ColBegin - 2]))
    ColBegin -= 2;
  // The comparison must stand alone in the condition: preceded by WHERE, AND
  // or '(' and followed by AND, a clause keyword, ')' or the end.
  const Token &Before = Toks[ColBegin - 1];
  if (!(ColBegin - 1 == Where || Before.isWord("and") || Before.isPunct("(")))
    return std::nullopt;
  if (Placeholder + 1 < Toks.size()) {
    const Token &After = Toks[Placeholder + 1];
    bool Ok = After.isWord("and") || After.isWord("order") ||
              After.isWord("group") || After.isWord("limit") ||
              After.isWord("offset") || After.isPunct(")");
    if (!Ok)
      return std::nullopt;
  }
  // An OR anywhere in the condition could change what the key list means.
  for (size_t I = Where; I < Toks.size(); ++I)
    if (Toks[I].isWord("or") || Toks[I].isWord("not"))
      return std::nullopt;

  BatchedSqlRewrite R;
  R.KeyColumn = Sql.slice(Toks[ColBegin].Begin, Toks[ColEnd].End).str();
  const Token &Param = Toks[Placeholder];
  if (D == SqlDialect::PostgreSQL) {
    R.Begin = Param.Begin;
    R.End = Param.End;
    R.Replacement = "ANY(" + Param.Text.str() + ")";
  } else {
    R.Begin = Toks[Eq].Begin;
    R.End = Param.End;
    R.Replacement =
        "IN (SELECT value FROM json_each(" + Param.Text.str() + "))";
  }
  R.NewSql =
      (llvm::Twine(Sql.substr(0, R.Begin)) + R.Replacement + Sql.substr(R.End))
          .str();
  return R;
}

} // namespace nplusone
