//===- SqlJoin.cpp - The JOIN that replaces a loop and its lookup ---------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlJoin.h"
#include "lib/sql/SqlSelect.h"
#include <cctype>

using llvm::StringRef;

namespace nplusone {

std::optional<SqlSelectSketch> sketchSimpleSelect(StringRef Sql,
                                                  int KeyPlaceholder) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks) || Toks.empty() || mainStatementStart(Toks) != 0)
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
  if (I >= Stop || !Toks[I].isName())
    return std::nullopt;
  S.Table = Toks[I].Text.str();
  S.Qualifier = S.Table;
  ++I;
  if (I < Stop && Toks[I].isWord("as"))
    ++I;
  if (I < Stop && Toks[I].Kind == SqlTokenKind::Word) {
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

std::optional<JoinedSelect> joinQuery(const SqlSelectSketch &Outer,
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
  JoinedSelect J;
  J.JoinClause = "LEFT JOIN " + Join + " ON " + Right + "." + Key.str() +
                 " = " + Left + "." + OuterColumn.str();
  J.Sql = "SELECT " + Columns + " FROM " + From + " " + J.JoinClause;
  return J;
}

} // namespace nplusone
