//===- SqlStatement.cpp - What a statement is and what it names -----------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "lib/sql/SqlStatement.h"
#include "lib/sql/SqlLexer.h"
#include "llvm/ADT/StringExtras.h"

using llvm::StringRef;

namespace nplusone {

namespace {
/// The first token of the main statement, or null.
const SqlToken *leadingToken(const SqlTokens &Toks) {
  size_t I = mainStatementStart(Toks);
  return I < Toks.size() ? &Toks[I] : nullptr;
}
} // namespace

SqlStatementKind classifySql(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return SqlStatementKind::Unknown;
  const SqlToken *T = leadingToken(Toks);
  if (!T || T->Kind != SqlTokenKind::Word)
    return SqlStatementKind::Unknown;
  for (StringRef W : {"insert", "update", "delete", "upsert", "replace",
                      "merge", "copy", "truncate"})
    if (T->isWord(W))
      return SqlStatementKind::Write;
  for (StringRef W : {"select", "values", "show", "explain", "table", "pragma"})
    if (T->isWord(W))
      return SqlStatementKind::Read;
  for (StringRef W :
       {"set", "reset", "lock", "begin", "start", "commit", "end", "rollback",
        "abort", "savepoint", "release", "discard", "use"})
    if (T->isWord(W))
      return SqlStatementKind::Session;
  return SqlStatementKind::Unknown;
}

namespace {
/// Keywords after which a hole is a name: `FROM <hole>`, `UPDATE <hole>`.
bool precedesName(const SqlToken &T) {
  for (StringRef W :
       {"from", "join", "into", "update", "table", "database", "schema",
        "attach", "as", "index", "on", "view", "truncate", "exists"})
    if (T.isWord(W))
      return true;
  return T.isPunct(".");
}
} // namespace

SqlHolePlaces sqlHolePlaces(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return SqlHolePlaces::None;
  // Schema and administration statements name things; they have no keys.
  const SqlToken *Lead = leadingToken(Toks);
  bool Ddl = false;
  for (StringRef W : {"create", "drop", "alter", "attach", "detach", "truncate",
                      "vacuum", "analyze", "reindex", "grant", "revoke",
                      "comment", "cluster", "refresh", "optimize", "repair",
                      "rename", "checksum"})
    Ddl = Ddl || (Lead && Lead->isWord(W));
  if (Ddl && Sql.contains(SqlHole))
    return SqlHolePlaces::Names;
  bool Any = false;
  for (size_t I = 0; I < Toks.size(); ++I) {
    // A hole inside a quoted name (`\`<hole>\``, `"<hole>"`) is a name.
    if (Toks[I].Kind == SqlTokenKind::QuotedIdent &&
        Toks[I].Text.contains(SqlHole))
      return SqlHolePlaces::Names;
    if (!Toks[I].isHole())
      continue;
    Any = true;
    // The statement itself, or a name: `<hole>`, `FROM <hole>`, `s.<hole>`,
    // `<hole>.t`, `shard<hole>`, anything in a schema statement.
    bool Glued =
        I > 0 && Toks[I - 1].isName() && Toks[I - 1].End == Toks[I].Begin;
    bool Name = I == 0 || precedesName(Toks[I - 1]) || Glued ||
                (I + 1 < Toks.size() && Toks[I + 1].isPunct("."));
    if (Name)
      return SqlHolePlaces::Names;
  }
  return Any ? SqlHolePlaces::Values : SqlHolePlaces::None;
}

std::string printfConversionsAsHoles(StringRef Format) {
  std::string Out;
  for (size_t I = 0; I < Format.size(); ++I) {
    if (Format[I] != '%' || I + 1 == Format.size()) {
      Out += Format[I];
      continue;
    }
    if (Format[I + 1] == '%') {
      Out += '%';
      ++I;
      continue;
    }
    // Flags, width, precision and length, then the conversion letter.
    size_t J = I + 1;
    while (J < Format.size() &&
           StringRef("-+ #0123456789.*hlLqjzt").contains(Format[J]))
      ++J;
    if (J == Format.size() || !llvm::isAlpha(Format[J])) {
      Out += Format[I];
      continue;
    }
    Out += SqlHole;
    I = J;
  }
  return Out;
}

std::optional<std::string> sqlLeadingKeyword(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return std::nullopt;
  const SqlToken *T = leadingToken(Toks);
  if (!T || T->Kind != SqlTokenKind::Word)
    return std::nullopt;
  return T->Text.upper();
}

bool isTransactionStart(StringRef Sql) {
  auto Keyword = sqlLeadingKeyword(Sql);
  return Keyword && (*Keyword == "BEGIN" || *Keyword == "START" ||
                     *Keyword == "SAVEPOINT");
}

bool isTransactionEnd(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return false;
  const SqlToken *Lead = leadingToken(Toks);
  if (!Lead)
    return false;
  if (Lead->isWord("commit") || Lead->isWord("end") || Lead->isWord("abort"))
    return true;
  if (!Lead->isWord("rollback"))
    return false;
  // `ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] s` keeps the transaction.
  size_t I = static_cast<size_t>(Lead - Toks.data());
  for (size_t J = I + 1; J < Toks.size() && J <= I + 2; ++J)
    if (Toks[J].isWord("to"))
      return false;
  return true;
}

namespace {
/// The table a name at \p I denotes, without its schema (`public.users`
/// gives users) or quotes; empty when \p I starts no name.
std::string tableNameAt(llvm::ArrayRef<SqlToken> Toks, size_t I) {
  std::string Name;
  for (; I < Toks.size() && Toks[I].isName(); I += 2) {
    StringRef Text = Toks[I].Text;
    if (Toks[I].Kind == SqlTokenKind::QuotedIdent)
      Text = Text.size() > 2 ? Text.drop_front().drop_back() : StringRef();
    Name = Text.str();
    if (I + 1 >= Toks.size() || !Toks[I + 1].isPunct("."))
      break;
  }
  return Name;
}

/// The first table named after FROM at the top level of [Begin, End).
std::string tableFromIn(llvm::ArrayRef<SqlToken> Toks, size_t Begin,
                        size_t End) {
  std::string Table;
  forEachTopLevelToken(Toks, Begin, End, [&](size_t I) {
    if (!Toks[I].isWord("from"))
      return true;
    Table = tableNameAt(Toks, I + 1);
    return false;
  });
  return Table;
}

/// The body of the common table expression \p Name of a leading WITH
/// clause, as a token range; {0, 0} when there is none.
std::pair<size_t, size_t> cteBody(llvm::ArrayRef<SqlToken> Toks,
                                  StringRef Name) {
  size_t Main = mainStatementStart(Toks);
  for (size_t I = 0; I + 1 < Main; ++I) {
    // `name [(cols)] AS [[NOT] MATERIALIZED] (`: the body follows.
    if (!Toks[I].isName() || tableNameAt(Toks, I) != Name)
      continue;
    size_t J = I + 1;
    if (Toks[J].isPunct("(")) {
      while (J < Main && !Toks[J].isPunct(")"))
        ++J;
      ++J;
    }
    if (J >= Main || !Toks[J].isWord("as"))
      continue;
    while (++J < Main && !Toks[J].isPunct("("))
      ;
    int Depth = 0;
    for (size_t K = J; K < Main; ++K) {
      Depth += Toks[K].isPunct("(") ? 1 : Toks[K].isPunct(")") ? -1 : 0;
      if (Depth == 0)
        return {J + 1, K};
    }
  }
  return {0, 0};
}
} // namespace

std::optional<std::string> sqlMainTable(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return std::nullopt;
  // `FETCH 100 FROM cur` reads a cursor, not a table.
  const SqlToken *Lead = leadingToken(Toks);
  if (Lead && (Lead->isWord("fetch") || Lead->isWord("move")))
    return std::nullopt;
  std::string Table = tableFromIn(Toks, mainStatementStart(Toks), Toks.size());
  // `WITH recent AS (SELECT ... FROM users ...) SELECT ... FROM recent`:
  // the rows are the users the expression picks; a few levels deep.
  for (unsigned Depth = 0; Depth < 4 && !Table.empty(); ++Depth) {
    auto [Begin, End] = cteBody(Toks, Table);
    std::string Inner = Begin < End ? tableFromIn(Toks, Begin, End) : "";
    if (Inner.empty() || Inner == Table)
      break;
    Table = Inner;
  }
  if (Table.empty())
    return std::nullopt;
  return Table;
}

std::optional<std::string> sqlWrittenTable(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return std::nullopt;
  size_t Main = mainStatementStart(Toks);
  if (Main >= Toks.size())
    return std::nullopt;
  const SqlToken &Lead = Toks[Main];
  // `UPDATE [OR REPLACE] t`: the name follows the verb and its conflict
  // clause; the others name it after INTO or FROM.
  const char *Before = Lead.isWord("update")   ? "update"
                       : Lead.isWord("delete") ? "from"
                       : Lead.isWord("insert") || Lead.isWord("replace")
                           ? "into"
                           : nullptr;
  if (!Before)
    return std::nullopt;
  for (size_t I = Main; I + 1 < Toks.size() && I < Main + 4; ++I) {
    if (!Toks[I].isWord(Before))
      continue;
    size_t At = I + 1;
    if (Lead.isWord("update") && Toks[At].isWord("or"))
      At += 2;
    std::string Table = At < Toks.size() ? tableNameAt(Toks, At) : "";
    if (!Table.empty())
      return Table;
    break;
  }
  return std::nullopt;
}

bool sqlReturnsAtMostOneRow(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return false;
  bool One = false;
  forEachTopLevelToken(
      Toks, mainStatementStart(Toks), Toks.size(), [&](size_t I) {
        if (I + 1 >= Toks.size())
          return true;
        const SqlToken &T = Toks[I], &Next = Toks[I + 1];
        bool NextIsOne = Next.Kind == SqlTokenKind::Number && Next.Text == "1";
        // LIMIT 1, TOP 1, FETCH FIRST 1 ROW ONLY / FETCH FIRST ROW ONLY.
        One = ((T.isWord("limit") || T.isWord("top")) && NextIsOne) ||
              (T.isWord("first") && I > 0 && Toks[I - 1].isWord("fetch") &&
               (NextIsOne || Next.isWord("row")));
        return !One;
      });
  return One;
}

bool sqlSelectsPage(StringRef Sql) {
  SqlTokens Toks;
  if (!tokenizeSql(Sql, Toks))
    return false;
  bool Window = false;
  forEachTopLevelToken(Toks, mainStatementStart(Toks), Toks.size(),
                       [&](size_t I) {
                         const SqlToken &T = Toks[I];
                         Window = T.isWord("limit") || T.isWord("offset") ||
                                  T.isWord("fetch") || T.isWord("top");
                         return !Window;
                       });
  return Window && !sqlReturnsAtMostOneRow(Sql);
}

namespace {
/// The placeholder tokens of a text, in order; empty when it does not
/// tokenize.
llvm::SmallVector<SqlToken, 8> placeholders(StringRef Sql) {
  SqlTokens Toks;
  llvm::SmallVector<SqlToken, 8> Result;
  if (tokenizeSql(Sql, Toks))
    for (const SqlToken &T : Toks)
      if (T.Kind == SqlTokenKind::Placeholder)
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
  for (const SqlToken &T : All)
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
    if (All[I].isHole()) {
      if (Found >= 0)
        return -1;
      Found = static_cast<int>(I);
    }
  return Found;
}

} // namespace nplusone
