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
    if (C == SqlHole) {
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

namespace {

bool isName(const Token &T) {
  return T.Kind == TokKind::Word || T.Kind == TokKind::QuotedIdent;
}

/// The unquoted last component of a possibly qualified name.
std::string lastComponent(StringRef Name) {
  size_t Dot = Name.rfind('.');
  StringRef Last = Dot == StringRef::npos ? Name : Name.substr(Dot + 1);
  if (Last.size() >= 2 &&
      (Last.front() == '"' || Last.front() == '`' || Last.front() == '['))
    Last = Last.drop_front().drop_back();
  return Last.lower();
}

std::string qualifierOf(StringRef Name) {
  size_t Dot = Name.rfind('.');
  return Dot == StringRef::npos ? "" : Name.substr(0, Dot).lower();
}

bool isAggregate(const Token &T) {
  for (StringRef W : {"count", "sum", "avg", "min", "max", "group_concat",
                      "string_agg", "array_agg", "json_agg", "jsonb_agg",
                      "bool_and", "bool_or", "every", "total"})
    if (T.isWord(W))
      return true;
  return false;
}

/// A SELECT read as its clauses, token indices into the statement.
struct SelectParts {
  size_t Select = 0;    // the SELECT keyword
  size_t FirstItem = 0; // first token of the select list
  size_t From = 0;      // FROM, or npos
  size_t Where = 0;     // WHERE, or npos
  size_t GroupBy = 0;   // BY of GROUP BY, or npos
  size_t OrderBy = 0;   // ORDER of ORDER BY, or npos
  size_t WhereEnd = 0;  // first token after the condition
  std::vector<std::pair<size_t, size_t>> Items; // select list [begin, end)
  bool Aggregates = false;
  bool Joins = false;
};

constexpr size_t NoToken = static_cast<size_t>(-1);

/// Splits a plain SELECT into clauses, or says why it will not. A lookup
/// needs its WHERE clause; a JOIN's outer query may have none.
bool readSelect(llvm::ArrayRef<Token> Toks, SelectParts &P, std::string &WhyNot,
                bool NeedWhere = true) {
  if (Toks.empty() || !Toks[0].isWord("select")) {
    WhyNot = "not a plain SELECT";
    return false;
  }
  P.Select = 0;
  P.From = P.Where = P.GroupBy = P.OrderBy = NoToken;
  size_t I = 1;
  if (I < Toks.size() && Toks[I].isWord("distinct")) {
    if (I + 1 < Toks.size() && Toks[I + 1].isWord("on")) {
      WhyNot = "DISTINCT ON keeps one row per value for the whole batch";
      return false;
    }
    ++I;
  } else if (I < Toks.size() && Toks[I].isWord("all")) {
    ++I;
  }
  P.FirstItem = I;
  int Depth = 0;
  size_t ItemBegin = I;
  for (; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    if (T.isPunct("("))
      ++Depth;
    else if (T.isPunct(")"))
      --Depth;
    if (Depth < 0) {
      WhyNot = "unbalanced parentheses";
      return false;
    }
    if (T.isWord("select") || T.isWord("union") || T.isWord("intersect") ||
        T.isWord("except")) {
      WhyNot = "a subquery or a compound SELECT";
      return false;
    }
    if (T.isPunct(";")) {
      WhyNot = "more than one statement";
      return false;
    }
    if (T.isWord("over") || T.isWord("window")) {
      WhyNot = "a window function sees the whole batch";
      return false;
    }
    if (Depth != 0)
      continue;
    if (P.From == NoToken) {
      if (T.isPunct(",") || T.isWord("from")) {
        P.Items.push_back({ItemBegin, I});
        ItemBegin = I + 1;
      }
      if (isAggregate(T) && I + 1 < Toks.size() && Toks[I + 1].isPunct("("))
        P.Aggregates = true;
      if (T.isWord("from"))
        P.From = I;
      continue;
    }
    if (T.isWord("join"))
      P.Joins = true;
    if (T.isWord("where") && P.Where == NoToken)
      P.Where = I;
    else if (T.isWord("group") && I + 1 < Toks.size() &&
             Toks[I + 1].isWord("by"))
      P.GroupBy = I + 1;
    else if (T.isWord("order") && I + 1 < Toks.size() &&
             Toks[I + 1].isWord("by"))
      P.OrderBy = I;
    else if (T.isWord("limit") || T.isWord("offset") || T.isWord("fetch") ||
             T.isWord("top")) {
      WhyNot = "LIMIT, OFFSET or FETCH would apply to the whole batch";
      return false;
    }
  }
  if (P.From == NoToken) {
    WhyNot = "no FROM clause";
    return false;
  }
  if (P.FirstItem < Toks.size() && Toks[P.FirstItem].isWord("top")) {
    WhyNot = "TOP would apply to the whole batch";
    return false;
  }
  P.WhereEnd = Toks.size();
  if (P.Where == NoToken) {
    if (NeedWhere)
      WhyNot = "no WHERE clause";
    return !NeedWhere;
  }
  Depth = 0;
  for (size_t K = P.Where + 1; K < Toks.size(); ++K) {
    if (Toks[K].isPunct("("))
      ++Depth;
    else if (Toks[K].isPunct(")"))
      --Depth;
    else if (Depth == 0 &&
             ((Toks[K].isWord("group") || Toks[K].isWord("order")) &&
              K + 1 < Toks.size() && Toks[K + 1].isWord("by"))) {
      P.WhereEnd = K;
      break;
    } else if (Depth == 0 &&
               (Toks[K].isWord("having") || Toks[K].isWord("for"))) {
      P.WhereEnd = K;
      break;
    }
  }
  return true;
}

/// The placeholder that carries the key, or NoToken with a reason.
size_t keyPlaceholder(llvm::ArrayRef<Token> Toks, int KeyPlaceholder,
                      std::string &WhyNot) {
  llvm::SmallVector<size_t, 4> All;
  for (size_t I = 0; I < Toks.size(); ++I)
    if (Toks[I].Kind == TokKind::Placeholder)
      All.push_back(I);
  if (All.empty()) {
    WhyNot = "no parameter";
    return NoToken;
  }
  if (KeyPlaceholder < 0) {
    if (All.size() != 1) {
      WhyNot = "several parameters, and which one is the key is not known";
      return NoToken;
    }
    return All.front();
  }
  if (static_cast<size_t>(KeyPlaceholder) >= All.size()) {
    WhyNot = "the key parameter is not in the text";
    return NoToken;
  }
  size_t Key = All[KeyPlaceholder];
  // `$1` may appear twice; both would have to change.
  for (size_t I : All)
    if (I != Key && Toks[I].Text == Toks[Key].Text &&
        Toks[Key].Text.front() != '?' && Toks[Key].Text.front() != SqlHole) {
      WhyNot = "the key parameter is used more than once";
      return NoToken;
    }
  return Key;
}

/// The key comparison `col = <param>` or `<param> = col` as a conjunct at
/// the top level of the WHERE condition: its column's token range and the
/// parameter's, including a `::type` cast after it.
struct KeyComparison {
  size_t ColBegin, ColEnd; // [ColBegin, ColEnd]
  size_t Param, ParamEnd;  // [Param, ParamEnd]
  size_t Begin, End;       // the whole comparison
};

bool findKeyComparison(llvm::ArrayRef<Token> Toks, const SelectParts &P,
                       size_t Param, KeyComparison &K, std::string &WhyNot) {
  if (Param <= P.Where || Param >= P.WhereEnd) {
    WhyNot = "the key is not compared in the WHERE clause";
    return false;
  }
  int Depth = 0;
  for (size_t I = P.Where + 1; I < P.WhereEnd; ++I) {
    if (Toks[I].isPunct("("))
      ++Depth;
    else if (Toks[I].isPunct(")"))
      --Depth;
    if (Toks[I].isWord("or") || Toks[I].isWord("not")) {
      WhyNot = "OR or NOT in the condition";
      return false;
    }
    if (I == Param && Depth != 0) {
      WhyNot = "the key comparison is inside parentheses";
      return false;
    }
  }
  K.Param = K.ParamEnd = Param;
  // A PostgreSQL cast after the parameter: `$1::int`.
  if (Param + 2 < P.WhereEnd && Toks[Param + 1].isPunct("::") &&
      Toks[Param + 2].Kind == TokKind::Word)
    K.ParamEnd = Param + 2;
  auto StandsAlone = [&](size_t First, size_t Last) {
    const Token &Before = Toks[First - 1];
    bool Ok = First - 1 == P.Where || Before.isWord("and");
    if (Last + 1 < P.WhereEnd)
      Ok = Ok && Toks[Last + 1].isWord("and");
    return Ok;
  };
  // `col = <param>`.
  if (Param >= P.Where + 3 && Toks[Param - 1].isPunct("=") &&
      isName(Toks[Param - 2])) {
    K.ColEnd = Param - 2;
    K.ColBegin = K.ColEnd;
    while (K.ColBegin >= P.Where + 3 && Toks[K.ColBegin - 1].isPunct(".") &&
           isName(Toks[K.ColBegin - 2]))
      K.ColBegin -= 2;
    K.Begin = K.ColBegin;
    K.End = K.ParamEnd;
    if (!StandsAlone(K.Begin, K.End)) {
      WhyNot = "the key comparison is not a condition of its own";
      return false;
    }
    return true;
  }
  // `<param> = col`.
  if (K.ParamEnd + 2 < P.WhereEnd && Toks[K.ParamEnd + 1].isPunct("=") &&
      isName(Toks[K.ParamEnd + 2])) {
    K.ColBegin = K.ColEnd = K.ParamEnd + 2;
    while (K.ColEnd + 2 < P.WhereEnd && Toks[K.ColEnd + 1].isPunct(".") &&
           isName(Toks[K.ColEnd + 2]))
      K.ColEnd += 2;
    K.Begin = Param;
    K.End = K.ColEnd;
    if (!StandsAlone(K.Begin, K.End)) {
      WhyNot = "the key comparison is not a condition of its own";
      return false;
    }
    return true;
  }
  WhyNot = "the key is not compared with '='";
  return false;
}

/// The select list names the key column already (or selects everything).
bool selectsKey(llvm::ArrayRef<Token> Toks, const SelectParts &P, StringRef Sql,
                StringRef Key) {
  std::string KeyLast = lastComponent(Key), KeyQualifier = qualifierOf(Key);
  for (auto [B, E] : P.Items) {
    if (E == B)
      continue;
    StringRef Item = Sql.slice(Toks[B].Begin, Toks[E - 1].End);
    if (Item == "*")
      return true;
    if (endsWith(Item, ".*") &&
        (KeyQualifier.empty() || Item.drop_back(2).lower() == KeyQualifier))
      return true;
    // A bare or qualified column, maybe with an alias: `o.user_id AS uid`.
    size_t NameEnd = E;
    if (E - B >= 3 && Toks[E - 2].isWord("as"))
      NameEnd = E - 2;
    bool PlainName = true;
    for (size_t K = B; K < NameEnd; ++K)
      PlainName = PlainName &&
                  ((K - B) % 2 == 0 ? isName(Toks[K]) : Toks[K].isPunct("."));
    if (!PlainName)
      continue;
    StringRef Name = Sql.slice(Toks[B].Begin, Toks[NameEnd - 1].End);
    if (lastComponent(Name) == KeyLast &&
        (KeyQualifier.empty() || qualifierOf(Name).empty() ||
         qualifierOf(Name) == KeyQualifier))
      return true;
  }
  return false;
}

std::string applyEdits(StringRef Sql, llvm::ArrayRef<SqlEdit> Edits) {
  std::string Out;
  size_t At = 0;
  for (const SqlEdit &E : Edits) {
    Out += Sql.slice(At, E.Begin).str();
    Out += E.Replacement;
    At = E.End;
  }
  Out += Sql.substr(At).str();
  return Out;
}

} // namespace

std::optional<BatchedSqlRewrite> rewriteKeyLookupBatched(StringRef Sql,
                                                         SqlDialect D,
                                                         int KeyPlaceholder,
                                                         std::string *WhyNot) {
  std::string Reason;
  auto Refuse = [&](std::string R) -> std::optional<BatchedSqlRewrite> {
    if (WhyNot)
      *WhyNot = std::move(R);
    return std::nullopt;
  };
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks))
    return Refuse("an unterminated quote or comment");
  if (Toks.empty())
    return Refuse("no statement");
  if (mainStatementStart(Toks) != 0)
    return Refuse("a WITH clause or a parenthesised statement");
  SelectParts P;
  if (!readSelect(Toks, P, Reason))
    return Refuse(Reason);
  size_t Param = keyPlaceholder(Toks, KeyPlaceholder, Reason);
  if (Param == NoToken)
    return Refuse(Reason);
  KeyComparison K;
  if (!findKeyComparison(Toks, P, Param, K, Reason))
    return Refuse(Reason);
  // Other values concatenated into the text would still differ per row.
  for (size_t I = 0; I < Toks.size(); ++I)
    if (I != Param && Toks[I].Text.front() == SqlHole)
      return Refuse("other values are concatenated into the text");

  BatchedSqlRewrite R;
  R.KeyColumn = Sql.slice(Toks[K.ColBegin].Begin, Toks[K.ColEnd].End).str();
  const Token &ParamTok = Toks[K.Param];
  bool Hole = ParamTok.Text.front() == SqlHole;
  // A concatenated key becomes a parameter of the dialect's own spelling.
  std::string ParamText;
  if (Hole)
    ParamText = D == SqlDialect::PostgreSQL ? "$1" : "?";
  else
    ParamText = Sql.slice(ParamTok.Begin, Toks[K.ParamEnd].End).str();
  if (Hole && D == SqlDialect::PostgreSQL)
    for (const Token &T : Toks)
      if (T.Kind == TokKind::Placeholder && T.Text.front() == '$')
        return Refuse("the key's new parameter would clash with $1");
  // What the comparison's operator and parameter become.
  std::string Batched;
  switch (D) {
  case SqlDialect::PostgreSQL: {
    // `$1::int` becomes `ANY($1::int[])`: the parameter is now an array.
    std::string Array = ParamText;
    if (K.ParamEnd != K.Param)
      Array += "[]";
    Batched = "= ANY(" + Array + ")";
    break;
  }
  case SqlDialect::SQLite:
    Batched = "IN (SELECT value FROM json_each(" + ParamText + "))";
    break;
  case SqlDialect::MySQL:
  case SqlDialect::Generic:
  case SqlDialect::Auto:
    Batched = "IN (" + ParamText + ")";
    break;
  }
  // `col = $1`: the smallest edit, from the operator on; `$1 = col`: the
  // whole comparison, turned around.
  SqlEdit Comparison;
  if (K.Begin == K.ColBegin)
    Comparison = {Toks[K.Param - 1].Begin, Toks[K.ParamEnd].End, Batched};
  else
    Comparison = {Toks[K.Begin].Begin, Toks[K.End].End,
                  R.KeyColumn + " " + Batched};

  // The rows of all keys come back together: each must say whose it is.
  if (!selectsKey(Toks, P, Sql, R.KeyColumn)) {
    if (P.FirstItem >= Toks.size())
      return Refuse("an empty select list");
    R.Edits.push_back(
        {Toks[P.FirstItem].Begin, Toks[P.FirstItem].Begin, R.KeyColumn + ", "});
  }
  R.Edits.push_back(Comparison);
  // An aggregate over one key's rows becomes one per key.
  if (P.GroupBy != NoToken) {
    if (P.GroupBy + 1 >= Toks.size())
      return Refuse("an empty GROUP BY");
    R.Edits.push_back({Toks[P.GroupBy + 1].Begin, Toks[P.GroupBy + 1].Begin,
                       R.KeyColumn + ", "});
  } else if (P.Aggregates) {
    if (P.OrderBy != NoToken)
      R.Edits.push_back({Toks[P.OrderBy].Begin, Toks[P.OrderBy].Begin,
                         "GROUP BY " + R.KeyColumn + " "});
    else
      R.Edits.push_back(
          {Toks.back().End, Toks.back().End, " GROUP BY " + R.KeyColumn});
  }
  R.NewSql = applyEdits(Sql, R.Edits);
  return R;
}

namespace {
/// The placeholder tokens of a text, in order; empty when it does not
/// tokenize.
llvm::SmallVector<Token, 8> placeholders(StringRef Sql) {
  llvm::SmallVector<Token, 32> Toks;
  llvm::SmallVector<Token, 8> Result;
  if (tokenize(Sql, Toks))
    for (const Token &T : Toks)
      if (T.Kind == TokKind::Placeholder)
        Result.push_back(T);
  return Result;
}
} // namespace

int placeholderForParameter(StringRef Sql, unsigned Position) {
  auto All = placeholders(Sql);
  std::string Numbered = "$" + std::to_string(Position + 1);
  for (size_t I = 0; I < All.size(); ++I)
    if (All[I].Text == Numbered)
      return static_cast<int>(I);
  for (const Token &T : All)
    if (T.Text.front() == '$')
      return -1; // Numbered, but not this number.
  return Position < All.size() ? static_cast<int>(Position) : -1;
}

int placeholderNamed(StringRef Sql, StringRef Name) {
  auto All = placeholders(Sql);
  StringRef Bare = Name.ltrim(":@$");
  for (size_t I = 0; I < All.size(); ++I) {
    StringRef T = All[I].Text;
    if ((T.front() == ':' || T.front() == '@' || T.front() == '$') &&
        T.drop_front() == Bare)
      return static_cast<int>(I);
  }
  return -1;
}

int onlyHole(StringRef Sql) {
  auto All = placeholders(Sql);
  int Found = -1;
  for (size_t I = 0; I < All.size(); ++I)
    if (All[I].Text.front() == SqlHole) {
      if (Found >= 0)
        return -1;
      Found = static_cast<int>(I);
    }
  return Found;
}

std::optional<SqlSelectSketch> sketchSimpleSelect(StringRef Sql,
                                                  int KeyPlaceholder) {
  llvm::SmallVector<Token, 32> Toks;
  if (!tokenize(Sql, Toks) || Toks.empty() || mainStatementStart(Toks) != 0)
    return std::nullopt;
  SelectParts P;
  std::string Reason;
  if (!readSelect(Toks, P, Reason, /*NeedWhere=*/false))
    return std::nullopt;
  if (P.Joins || P.GroupBy != NoToken || P.OrderBy != NoToken)
    return std::nullopt;
  SqlSelectSketch S;
  S.Aggregates = P.Aggregates;
  // FROM name [[AS] alias], then WHERE or the end.
  size_t I = P.From + 1;
  size_t Stop = P.Where == NoToken ? Toks.size() : P.Where;
  if (I >= Stop || !isName(Toks[I]))
    return std::nullopt;
  S.Table = Toks[I].Text.str();
  S.Qualifier = S.Table;
  ++I;
  if (I < Stop && Toks[I].isWord("as"))
    ++I;
  if (I < Stop && Toks[I].Kind == TokKind::Word) {
    S.Qualifier = Toks[I].Text.str();
    ++I;
  }
  if (I != Stop)
    return std::nullopt;
  for (auto [B, E] : P.Items) {
    if (B == E)
      return std::nullopt;
    S.Columns.push_back(Sql.slice(Toks[B].Begin, Toks[E - 1].End).str());
  }
  if (P.Where != NoToken) {
    if (P.WhereEnd != Toks.size())
      return std::nullopt;
    S.Where = Sql.slice(Toks[P.Where + 1].Begin, Toks.back().End).str();
    size_t Param = keyPlaceholder(Toks, KeyPlaceholder, Reason);
    KeyComparison K;
    if (Param != NoToken && findKeyComparison(Toks, P, Param, K, Reason)) {
      S.KeyColumn = Sql.slice(Toks[K.ColBegin].Begin, Toks[K.ColEnd].End).str();
      S.KeyOnly = K.Begin == P.Where + 1 && K.End + 1 == P.WhereEnd;
    }
  }
  return S;
}

std::optional<std::string> joinQuery(const SqlSelectSketch &Outer,
                                     const SqlSelectSketch &Inner,
                                     StringRef OuterColumn) {
  // The outer filter would have to be requalified, the inner aggregate
  // grouped: both are left to the batched lookup.
  if (!Outer.Where.empty() || Outer.Aggregates || Inner.Aggregates ||
      Inner.KeyColumn.empty() || OuterColumn.empty())
    return std::nullopt;
  // The inner condition must be the key comparison alone: any other would
  // have to move into the ON clause.
  if (!Inner.KeyOnly)
    return std::nullopt;
  std::string Left = Outer.Qualifier, Right = Inner.Qualifier;
  if (StringRef(Left).equals_insensitive(Right))
    return std::nullopt;
  // Plain columns get their table's name; expressions and constants stay.
  auto Qualify = [](const std::string &Q, StringRef Column) {
    if (Column == "*")
      return Q + ".*";
    bool Plain = !Column.empty() &&
                 (std::isalpha(static_cast<unsigned char>(Column[0])) ||
                  Column[0] == '_');
    for (char C : Column)
      Plain =
          Plain && (std::isalnum(static_cast<unsigned char>(C)) || C == '_');
    return Plain ? Q + "." + Column.str() : Column.str();
  };
  std::string Columns;
  for (const std::string &C : Outer.Columns)
    Columns += (Columns.empty() ? "" : ", ") + Qualify(Left, C);
  for (const std::string &C : Inner.Columns)
    Columns += ", " + Qualify(Right, C);
  std::string From = Outer.Table == Left ? Left : Outer.Table + " " + Left;
  std::string Join = Inner.Table == Right ? Right : Inner.Table + " " + Right;
  StringRef Key(Inner.KeyColumn);
  if (Key.contains('.'))
    Key = Key.rsplit('.').second;
  return "SELECT " + Columns + " FROM " + From + " LEFT JOIN " + Join + " ON " +
         Right + "." + Key.str() + " = " + Left + "." + OuterColumn.str();
}

} // namespace nplusone
