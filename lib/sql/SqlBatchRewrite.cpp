//===- SqlBatchRewrite.cpp - A per-key lookup made one batched read -------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlBatchRewrite.h"
#include "lib/sql/SqlSelect.h"

using llvm::StringRef;

namespace nplusone {

BatchedKeyForm batchedKeyForm(SqlDialect D) {
  switch (D) {
  case SqlDialect::PostgreSQL:
    return BatchedKeyForm::Array;
  case SqlDialect::SQLite:
    return BatchedKeyForm::JsonArray;
  case SqlDialect::MySQL:
  case SqlDialect::Generic:
  case SqlDialect::Auto:
    break;
  }
  return BatchedKeyForm::PlaceholderList;
}

std::string applySqlEdits(StringRef Sql, llvm::ArrayRef<SqlEdit> Edits) {
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

namespace {

/// A lookup read far enough to rewrite: its tokens, clauses and key.
struct KeyLookup {
  SqlTokens Toks;
  SelectParts Parts;
  KeyComparison Key;
};

/// Reads \p Sql as a per-key lookup, or says why it is not one.
bool readKeyLookup(StringRef Sql, int KeyPlaceholder, KeyLookup &L,
                   std::string &WhyNot) {
  if (!tokenizeSql(Sql, L.Toks)) {
    WhyNot = "an unterminated quote or comment";
    return false;
  }
  if (L.Toks.empty()) {
    WhyNot = "no statement";
    return false;
  }
  if (mainStatementStart(L.Toks) != 0) {
    WhyNot = "a WITH clause or a parenthesised statement";
    return false;
  }
  if (!readSelect(L.Toks, L.Parts, WhyNot))
    return false;
  size_t Param = keyPlaceholder(L.Toks, KeyPlaceholder, WhyNot);
  if (Param == NoToken ||
      !findKeyComparison(L.Toks, L.Parts, Param, L.Key, WhyNot))
    return false;
  // Other values concatenated into the text would still differ per row.
  for (size_t I = 0; I < L.Toks.size(); ++I)
    if (I != Param && L.Toks[I].isHole()) {
      WhyNot = "other values are concatenated into the text";
      return false;
    }
  return true;
}

/// What the key comparison's operator and parameter become in \p D:
/// `= ANY($1)`, `IN (SELECT value FROM json_each(?))`, `IN (?)`.
std::string batchedComparison(SqlDialect D, const std::string &ParamText,
                              bool HasCast) {
  switch (batchedKeyForm(D)) {
  case BatchedKeyForm::Array:
    // `$1::int` becomes `ANY($1::int[])`: the parameter is now an array.
    return "= ANY(" + ParamText + (HasCast ? "[]" : "") + ")";
  case BatchedKeyForm::JsonArray:
    return "IN (SELECT value FROM json_each(" + ParamText + "))";
  case BatchedKeyForm::PlaceholderList:
    break;
  }
  return "IN (" + ParamText + ")";
}

/// The parameter the batched comparison takes: the key's own, or for a
/// concatenated key one of the dialect's spelling; empty with a reason when
/// that would clash with the statement's other parameters.
std::string batchedParameter(StringRef Sql, const KeyLookup &L, SqlDialect D,
                             std::string &WhyNot) {
  const SqlToken &ParamTok = L.Toks[L.Key.Param];
  if (!ParamTok.isHole())
    return Sql.slice(ParamTok.Begin, L.Toks[L.Key.ParamEnd].End).str();
  if (D != SqlDialect::PostgreSQL)
    return "?";
  for (const SqlToken &T : L.Toks)
    if (T.Kind == SqlTokenKind::Placeholder && T.Text.front() == '$') {
      WhyNot = "the key's new parameter would clash with $1";
      return "";
    }
  return "$1";
}

/// The rows of all keys come back together: each must say whose it is, and
/// an aggregate over one key's rows becomes one per key. False when the
/// select list or GROUP BY is empty.
bool addKeyToSelectAndGroup(StringRef Sql, const KeyLookup &L,
                            BatchedSqlRewrite &R, std::string &WhyNot) {
  const SqlTokens &Toks = L.Toks;
  const SelectParts &P = L.Parts;
  if (!selectsKey(Toks, P, Sql, R.KeyColumn)) {
    if (P.FirstItem >= Toks.size()) {
      WhyNot = "an empty select list";
      return false;
    }
    size_t At = Toks[P.FirstItem].Begin;
    R.Edits.insert(R.Edits.begin(), {At, At, R.KeyColumn + ", "});
  }
  if (P.GroupBy != NoToken) {
    if (P.GroupBy + 1 >= Toks.size()) {
      WhyNot = "an empty GROUP BY";
      return false;
    }
    size_t At = Toks[P.GroupBy + 1].Begin;
    R.Edits.push_back({At, At, R.KeyColumn + ", "});
  } else if (P.Aggregates) {
    size_t At = P.OrderBy != NoToken ? Toks[P.OrderBy].Begin : Toks.back().End;
    R.Edits.push_back({At, At,
                       P.OrderBy != NoToken ? "GROUP BY " + R.KeyColumn + " "
                                            : " GROUP BY " + R.KeyColumn});
  }
  return true;
}

} // namespace

std::optional<BatchedSqlRewrite> rewriteKeyLookupBatched(StringRef Sql,
                                                         SqlDialect D,
                                                         int KeyPlaceholder,
                                                         std::string *WhyNot) {
  std::string Reason;
  auto Refuse = [&]() -> std::optional<BatchedSqlRewrite> {
    if (WhyNot)
      *WhyNot = std::move(Reason);
    return std::nullopt;
  };
  KeyLookup L;
  if (!readKeyLookup(Sql, KeyPlaceholder, L, Reason))
    return Refuse();
  const KeyComparison &K = L.Key;
  BatchedSqlRewrite R;
  R.KeyColumn = Sql.slice(L.Toks[K.ColBegin].Begin, L.Toks[K.ColEnd].End).str();
  std::string ParamText = batchedParameter(Sql, L, D, Reason);
  if (ParamText.empty())
    return Refuse();
  std::string Batched = batchedComparison(D, ParamText, K.ParamEnd != K.Param);
  R.BatchedComparison = R.KeyColumn + " " + Batched;
  // `col = $1`: the smallest edit, from the operator on; `$1 = col`: the
  // whole comparison, turned around.
  if (K.Begin == K.ColBegin)
    R.Edits.push_back(
        {L.Toks[K.Param - 1].Begin, L.Toks[K.ParamEnd].End, Batched});
  else
    R.Edits.push_back({L.Toks[K.Begin].Begin, L.Toks[K.End].End,
                       R.KeyColumn + " " + Batched});
  if (!addKeyToSelectAndGroup(Sql, L, R, Reason))
    return Refuse();
  R.NewSql = applySqlEdits(Sql, R.Edits);
  return R;
}

} // namespace nplusone
