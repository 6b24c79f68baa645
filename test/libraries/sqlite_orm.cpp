// sqlite_orm on the stand-in header in Inputs/sqlite_orm (Debian packages
// none): each N+1 shape in sqlite_orm's own idioms.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/sqlite_orm
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/sqlite_orm
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/sqlite_orm

#include <sqlite_orm/sqlite_orm.h>
#include <string>
#include <vector>

using namespace sqlite_orm;

struct User {
  int id;
  std::string name;
  int visits;
};
struct Order {
  int id;
  int userId;
  double total;
};

inline auto initStorage(const std::string &path) {
  return make_storage(path,
                      make_table("users", make_column("id", &User::id, primary_key()),
                                 make_column("name", &User::name),
                                 make_column("visits", &User::visits)),
                      make_table("orders", make_column("id", &Order::id, primary_key()),
                                 make_column("user_id", &Order::userId),
                                 make_column("total", &Order::total)));
}
using Storage = decltype(initStorage(""));

// The canonical N+1: every user, then that user's orders.
double totalOfAll(Storage &storage) {
  double sum = 0;
  auto users = storage.get_all<User>();
  for (auto &u : users) {
    auto orders = storage.get_all<Order>(where(c(&Order::userId) == u.id));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:42: note: the row value 'where(c(&Order::userId) == u.id)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one get_all<T>(where(in(&T::column, keys))) for all keys
    for (auto &o : orders)
      sum += o.total;
  }
  return sum;
}

// iterate<User>() fetches lazily; an index loop over a get_all.
void countsPerUser(Storage &storage, std::vector<int> &counts) {
  for (auto &u : storage.iterate<User>())
    counts.push_back(storage.count<Order>(where(is_equal(&Order::userId, u.id))));
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: query runs once per row of the outer query (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:43: note: the row value 'where(is_equal(&Order::userId, u.id))' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: one get_all<T>(where(in(&T::column, keys))) for all keys
  auto regulars = storage.get_all<User>(where(c(&User::visits) > 100));
  for (size_t i = 0; i < regulars.size(); ++i)
    storage.get_all<Order>(where(c(&Order::userId) == regulars[i].id), limit(5));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'regulars' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'regulars' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'regulars' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the row value 'where(c(&Order::userId) == regulars[i].id)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one get_all<T>(where(in(&T::column, keys))) for all keys
}

// A write per row, a get per element of a vector of ids, and the same count
// for every user.
void bumpVisits(Storage &storage, const std::vector<int> &ids) {
  auto users = storage.get_all<User>();
  for (auto &u : users) {
    u.visits += 1;
    storage.update(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'update' runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'u' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one insert_range/replace_range for all objects, or one remove_all(where(in(&T::id, ids)))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one storage.transaction([&] { ...; return true; })
  }
  for (int id : ids) {
    User u = storage.get<User>(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:32: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: batch it: one get_all<T>(where(in(&T::column, keys))) for all keys
    (void)u;
  }
  for (auto &u : users) {
    int total = storage.count<User>();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    u.visits = total;
  }
}

// In a transaction the writes are SQLite's batched form: the database runs in
// process, so one transaction costs one journal sync, not one per write.
void resetVisits(Storage &storage, std::vector<User> &users) {
  storage.transaction([&] {
    for (auto &u : users) {
      u.visits = 0;
      storage.update(u);
    }
    return true;
  });
  storage.begin_transaction();
  for (auto &u : users)
    storage.remove<User>(u.id);
  storage.commit();
  auto guard = storage.transaction_guard();
  for (auto &u : users)
    storage.replace(u);
  guard.commit();
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched forms: one get_all over all ids with in(), one replace_range.
void batched(Storage &storage, const std::vector<int> &ids) {
  auto orders = storage.get_all<Order>(where(in(&Order::userId, ids)));
  std::vector<User> users = storage.get_all<User>(where(in(&User::id, ids)));
  for (auto &u : users)
    u.visits = 0;
  storage.replace_range(users.begin(), users.end());
}

// Queries before and after the loop; the loop reads only the loaded rows.
int beforeAndAfter(Storage &storage) {
  int n = storage.count<User>();
  auto users = storage.get_all<User>();
  int maxId = 0;
  for (auto &u : users)
    maxId = u.id > maxId ? u.id : maxId;
  auto last = storage.get_pointer<User>(maxId);
  return n + (last ? 1 : 0);
}

// Only the first user: the loop returns.
std::vector<Order> firstUsersOrders(Storage &storage) {
  for (auto &u : storage.get_all<User>(order_by(&User::id)))
    return storage.get_all<Order>(where(c(&Order::userId) == u.id));
  return {};
}

// An unrelated repository with the same method names.
struct Repo {
  template <class T> T get(int id);
  void update(const User &u);
};
void touch(Repo &repo, const std::vector<int> &ids) {
  for (int id : ids) {
    User u = repo.get<User>(id);
    repo.update(u);
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: int total = storage.count<User>();
