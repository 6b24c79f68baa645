//===- SqlSelect.cpp - A SELECT read as its clauses -----------------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlSelect.h"
#include "lib/support/Compat.h"

using llvm::StringRef;

namespace nplusone {

namespace {

bool isAggregate(const SqlToken &T) {
  for (StringRef W : {"count", "sum", "avg", "min", "max", "group_concat",
                      "string_agg", "array_agg", "json_agg", "jsonb_agg",
                      "bool_and", "bool_or", "every", "total"})
    if (T.isWord(W))
      return true;
  return false;
}

bool isKeywordPair(llvm::ArrayRef<SqlToken> Toks, size_t I, StringRef First,
                   StringRef Second) {
  return Toks[I].isWord(First) && I + 1 < Toks.size() &&
         Toks[I + 1].isWord(Second);
}

/// `SELECT [DISTINCT | ALL]`: where the select list starts.
bool readSelectHead(llvm::ArrayRef<SqlToken> Toks, SelectParts &P,
                    std::string &WhyNot) {
  if (Toks.empty() || !Toks[0].isWord("select")) {
    WhyNot = "not a plain SELECT";
    return false;
  }
  P = SelectParts();
  size_t I = 1;
  if (I < Toks.size() && Toks[I].isWord("distinct")) {
    if (isKeywordPair(Toks, I, "distinct", "on")) {
      WhyNot = "DISTINCT ON keeps one row per value for the whole batch";
      return false;
    }
    ++I;
  } else if (I < Toks.size() && Toks[I].isWord("all")) {
    ++I;
  }
  P.FirstItem = I;
  return true;
}

/// Shapes whose batched form would mean something else, at any depth.
const char *refusalAnywhere(const SqlToken &T) {
  if (T.isWord("select") || T.isWord("union") || T.isWord("intersect") ||
      T.isWord("except"))
    return "a subquery or a compound SELECT";
  if (T.isPunct(";"))
    return "more than one statement";
  if (T.isWord("over") || T.isWord("window"))
    return "a window function sees the whole batch";
  return nullptr;
}

/// A top-level token after FROM: joins, WHERE, GROUP BY, ORDER BY, and the
/// row limits that refuse the batch.
bool readTailToken(llvm::ArrayRef<SqlToken> Toks, size_t I, SelectParts &P,
                   std::string &WhyNot) {
  const SqlToken &T = Toks[I];
  if (T.isWord("join"))
    P.Joins = true;
  if (T.isWord("where") && P.Where == NoToken) {
    P.Where = I;
  } else if (isKeywordPair(Toks, I, "group", "by")) {
    P.GroupBy = I + 1;
  } else if (isKeywordPair(Toks, I, "order", "by")) {
    P.OrderBy = I;
  } else if (T.isWord("limit") || T.isWord("offset") || T.isWord("fetch") ||
             T.isWord("top")) {
    WhyNot = "LIMIT, OFFSET or FETCH would apply to the whole batch";
    return false;
  }
  return true;
}

/// The select list and the clauses after it.
bool readClauses(llvm::ArrayRef<SqlToken> Toks, SelectParts &P,
                 std::string &WhyNot) {
  int Depth = 0;
  size_t ItemBegin = P.FirstItem;
  for (size_t I = P.FirstItem; I < Toks.size(); ++I) {
    const SqlToken &T = Toks[I];
    if (T.isPunct("("))
      ++Depth;
    else if (T.isPunct(")"))
      --Depth;
    if (Depth < 0) {
      WhyNot = "unbalanced parentheses";
      return false;
    }
    if (const char *Why = refusalAnywhere(T)) {
      WhyNot = Why;
      return false;
    }
    if (Depth != 0)
      continue;
    if (P.From != NoToken) {
      if (!readTailToken(Toks, I, P, WhyNot))
        return false;
      continue;
    }
    if (T.isPunct(",") || T.isWord("from")) {
      P.Items.push_back({ItemBegin, I});
      ItemBegin = I + 1;
    }
    if (isAggregate(T) && I + 1 < Toks.size() && Toks[I + 1].isPunct("("))
      P.Aggregates = true;
    if (T.isWord("from"))
      P.From = I;
  }
  return true;
}

/// The first top-level token after the WHERE condition.
size_t whereEnd(llvm::ArrayRef<SqlToken> Toks, size_t Where) {
  size_t End = Toks.size();
  forEachTopLevelToken(Toks, Where + 1, Toks.size(), [&](size_t K) {
    if (isKeywordPair(Toks, K, "group", "by") ||
        isKeywordPair(Toks, K, "order", "by") || Toks[K].isWord("having") ||
        Toks[K].isWord("for")) {
      End = K;
      return false;
    }
    return true;
  });
  return End;
}

} // namespace

bool readSelect(llvm::ArrayRef<SqlToken> Toks, SelectParts &P,
                std::string &WhyNot, bool NeedWhere) {
  if (!readSelectHead(Toks, P, WhyNot) || !readClauses(Toks, P, WhyNot))
    return false;
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
  P.WhereEnd = whereEnd(Toks, P.Where);
  return true;
}

size_t keyPlaceholder(llvm::ArrayRef<SqlToken> Toks, int KeyPlaceholder,
                      std::string &WhyNot) {
  llvm::SmallVector<size_t, 4> All;
  for (size_t I = 0; I < Toks.size(); ++I)
    if (Toks[I].Kind == SqlTokenKind::Placeholder)
      All.push_back(I);
  if (All.empty()) {
    WhyNot = "no parameter";
    return NoToken;
  }
  if (KeyPlaceholder < 0) {
    if (All.size() == 1)
      return All.front();
    WhyNot = "several parameters, and which one is the key is not known";
    return NoToken;
  }
  if (static_cast<size_t>(KeyPlaceholder) >= All.size()) {
    WhyNot = "the key parameter is not in the text";
    return NoToken;
  }
  size_t Key = All[KeyPlaceholder];
  // `$1` may appear twice; both would have to change.
  for (size_t I : All)
    if (I != Key && Toks[I].Text == Toks[Key].Text &&
        Toks[Key].Text.front() != '?' && !Toks[Key].isHole()) {
      WhyNot = "the key parameter is used more than once";
      return NoToken;
    }
  return Key;
}

namespace {

/// The WHERE condition is a conjunction the key can be taken out of, with
/// the parameter at its top level.
bool plainConjunction(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                      size_t Param, std::string &WhyNot) {
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
  return true;
}

/// Tokens [First, Last] are a conjunct of the condition on their own.
bool standsAlone(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                 size_t First, size_t Last) {
  bool Ok = First - 1 == P.Where || Toks[First - 1].isWord("and");
  if (Last + 1 < P.WhereEnd)
    Ok = Ok && Toks[Last + 1].isWord("and");
  return Ok;
}

/// `col = <param>`, the column possibly qualified.
bool matchColumnFirst(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                      KeyComparison &K) {
  size_t Param = K.Param;
  if (Param < P.Where + 3 || !Toks[Param - 1].isPunct("=") ||
      !Toks[Param - 2].isName())
    return false;
  K.ColEnd = K.ColBegin = Param - 2;
  while (K.ColBegin >= P.Where + 3 && Toks[K.ColBegin - 1].isPunct(".") &&
         Toks[K.ColBegin - 2].isName())
    K.ColBegin -= 2;
  K.Begin = K.ColBegin;
  K.End = K.ParamEnd;
  return true;
}

/// `<param> = col`, the column possibly qualified.
bool matchParameterFirst(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                         KeyComparison &K) {
  if (K.ParamEnd + 2 >= P.WhereEnd || !Toks[K.ParamEnd + 1].isPunct("=") ||
      !Toks[K.ParamEnd + 2].isName())
    return false;
  K.ColBegin = K.ColEnd = K.ParamEnd + 2;
  while (K.ColEnd + 2 < P.WhereEnd && Toks[K.ColEnd + 1].isPunct(".") &&
         Toks[K.ColEnd + 2].isName())
    K.ColEnd += 2;
  K.Begin = K.Param;
  K.End = K.ColEnd;
  return true;
}

} // namespace

bool findKeyComparison(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                       size_t Param, KeyComparison &K, std::string &WhyNot) {
  if (Param <= P.Where || Param >= P.WhereEnd) {
    WhyNot = "the key is not compared in the WHERE clause";
    return false;
  }
  if (!plainConjunction(Toks, P, Param, WhyNot))
    return false;
  K.Param = K.ParamEnd = Param;
  // A PostgreSQL cast after the parameter: `$1::int`.
  if (Param + 2 < P.WhereEnd && Toks[Param + 1].isPunct("::") &&
      Toks[Param + 2].Kind == SqlTokenKind::Word)
    K.ParamEnd = Param + 2;
  if (!matchColumnFirst(Toks, P, K) && !matchParameterFirst(Toks, P, K)) {
    WhyNot = "the key is not compared with '='";
    return false;
  }
  if (!standsAlone(Toks, P, K.Begin, K.End)) {
    WhyNot = "the key comparison is not a condition of its own";
    return false;
  }
  return true;
}

namespace {

/// The unquoted last component of a possibly qualified name.
std::string lastNameComponent(StringRef Name) {
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

/// The name a select list item reads when it is a bare or qualified column,
/// maybe with an alias (`o.user_id AS uid`); empty otherwise.
StringRef itemColumn(llvm::ArrayRef<SqlToken> Toks, StringRef Sql, size_t B,
                     size_t E) {
  size_t NameEnd = E;
  if (E - B >= 3 && Toks[E - 2].isWord("as"))
    NameEnd = E - 2;
  for (size_t K = B; K < NameEnd; ++K)
    if (!((K - B) % 2 == 0 ? Toks[K].isName() : Toks[K].isPunct(".")))
      return {};
  return Sql.slice(Toks[B].Begin, Toks[NameEnd - 1].End);
}

} // namespace

bool selectsKey(llvm::ArrayRef<SqlToken> Toks, const SelectParts &P,
                StringRef Sql, StringRef Key) {
  std::string KeyLast = lastNameComponent(Key), KeyQualifier = qualifierOf(Key);
  for (auto [B, E] : P.Items) {
    if (E == B)
      continue;
    StringRef Item = Sql.slice(Toks[B].Begin, Toks[E - 1].End);
    if (Item == "*")
      return true;
    if (endsWith(Item, ".*") &&
        (KeyQualifier.empty() || Item.drop_back(2).lower() == KeyQualifier))
      return true;
    StringRef Name = itemColumn(Toks, Sql, B, E);
    if (!Name.empty() && lastNameComponent(Name) == KeyLast &&
        (KeyQualifier.empty() || qualifierOf(Name).empty() ||
         qualifierOf(Name) == KeyQualifier))
      return true;
  }
  return false;
}

} // namespace nplusone
