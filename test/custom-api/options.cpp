// The custom-API options: clang-tidy's name rule (with `::` the qualified
// name, a leading `::` anchoring at the global namespace; without, the
// unqualified name), whole-name regular expressions, and bad entries.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=QUALIFIED \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'Pool::Query'}, {key: ResultTypes, value: 'game::Rows'}]}" %s %t-1 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=ANCHORED \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: '::Pool::Query'}, {key: ResultTypes, value: 'Rows'}]}" %s %t-2 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=UNQUALIFIED \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'Q.*y'}, {key: ResultTypes, value: 'Rows'}]}" %s %t-3 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=BAD \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'Query(;Pool::Query'}, {key: RowAdvanceFunctions, value: '[next'}, {key: ResultTypes, value: 'Rows'}]}" %s %t-4 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=LOCAL \
// RUN:   --config="{CheckOptions: [{key: nplusone-query-in-loop.QueryFunctions, value: 'game::Pool::Query'}, {key: nplusone-query-in-loop.ResultTypes, value: 'Rows'}]}" %s %t-5 -- -- -std=c++17
// Without ResultTypes the loops walk plain collections: no query-in-loop.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none --messages-prefix=NO-RESULTS \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'Pool::Query'}]}" %s %t-6 -- -- -std=c++17

// A bad entry is reported once, by option and value, and ignored; the
// other entries still apply.
// BAD: warning: invalid value 'Query(' for option 'QueryFunctions': not a valid regular expression (parentheses not balanced); the entry is ignored [clang-tidy-config]
// BAD: warning: invalid value '[next' for option 'RowAdvanceFunctions': not a valid regular expression (brackets ([ ]) not balanced); the entry is ignored [clang-tidy-config]

namespace game {
struct Row {
  int id;
};
struct Rows {
  const Row *begin() const;
  const Row *end() const;
};
struct Pool {
  Rows Query(const char *sql, int key = 0);
  // Matches 'Q.*y' only as an unqualified name.
  Rows Quarry(const char *sql, int key = 0);
};
} // namespace game

// Another class's Query: only an unqualified or unanchored pattern matches.
struct Pool {
  game::Rows Query(const char *sql, int key = 0);
};

void gameRows(game::Pool &db, const game::Rows &guilds) {
  for (const game::Row &r : guilds)
    db.Query("SELECT * FROM members WHERE guild = ?", r.id);
    // QUALIFIED: :[[@LINE-1]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // QUALIFIED: :[[@LINE-3]]:3: note: the loop over the rows of 'guilds' is here
    // QUALIFIED: :[[@LINE-3]]:55: note: the row value 'r.id' flows into the query's parameter here
    // QUALIFIED: :[[@LINE-4]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // UNQUALIFIED: :[[@LINE-5]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // UNQUALIFIED: :[[@LINE-7]]:3: note: the loop over the rows of 'guilds' is here
    // UNQUALIFIED: :[[@LINE-7]]:55: note: the row value 'r.id' flows into the query's parameter here
    // UNQUALIFIED: :[[@LINE-8]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // BAD: :[[@LINE-9]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // BAD: :[[@LINE-11]]:3: note: the loop over the rows of 'guilds' is here
    // BAD: :[[@LINE-11]]:55: note: the row value 'r.id' flows into the query's parameter here
    // BAD: :[[@LINE-12]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // LOCAL: :[[@LINE-13]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // LOCAL: :[[@LINE-15]]:3: note: the loop over the rows of 'guilds' is here
    // LOCAL: :[[@LINE-15]]:55: note: the row value 'r.id' flows into the query's parameter here
    // LOCAL: :[[@LINE-16]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
}

void quarryRows(game::Pool &db, const game::Rows &guilds) {
  for (const game::Row &r : guilds)
    db.Quarry("SELECT * FROM members WHERE guild = ?", r.id);
    // UNQUALIFIED: :[[@LINE-1]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // UNQUALIFIED: :[[@LINE-3]]:3: note: the loop over the rows of 'guilds' is here
    // UNQUALIFIED: :[[@LINE-3]]:56: note: the row value 'r.id' flows into the query's parameter here
    // UNQUALIFIED: :[[@LINE-4]]:15: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
}

void globalPool(Pool &db, const game::Rows &guilds) {
  for (const game::Row &r : guilds)
    db.Query("SELECT * FROM members WHERE guild = ?", r.id);
    // QUALIFIED: :[[@LINE-1]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // QUALIFIED: :[[@LINE-3]]:3: note: the loop over the rows of 'guilds' is here
    // QUALIFIED: :[[@LINE-3]]:55: note: the row value 'r.id' flows into the query's parameter here
    // QUALIFIED: :[[@LINE-4]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // ANCHORED: :[[@LINE-5]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // ANCHORED: :[[@LINE-7]]:3: note: the loop over the rows of 'guilds' is here
    // ANCHORED: :[[@LINE-7]]:55: note: the row value 'r.id' flows into the query's parameter here
    // ANCHORED: :[[@LINE-8]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // UNQUALIFIED: :[[@LINE-9]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // UNQUALIFIED: :[[@LINE-11]]:3: note: the loop over the rows of 'guilds' is here
    // UNQUALIFIED: :[[@LINE-11]]:55: note: the row value 'r.id' flows into the query's parameter here
    // UNQUALIFIED: :[[@LINE-12]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
    // BAD: :[[@LINE-13]]:5: warning: query runs once per row of 'guilds' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // BAD: :[[@LINE-15]]:3: note: the loop over the rows of 'guilds' is here
    // BAD: :[[@LINE-15]]:55: note: the row value 'r.id' flows into the query's parameter here
    // BAD: :[[@LINE-16]]:14: note: batch it: 'guild IN (?)' with one placeholder per key, each key bound, then group the rows by guild
}
