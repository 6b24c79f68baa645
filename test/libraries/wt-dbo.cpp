// Wt::Dbo on the stand-in header in Inputs/wt (Debian's Wt packages lack
// these headers here): each N+1 shape in the idioms of the Wt::Dbo tutorial.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/wt
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/wt
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/wt

#include <Wt/Dbo/Dbo.h>
#include <map>
#include <string>
#include <vector>

namespace dbo = Wt::Dbo;

struct User {
  std::string name;
  int karma;
};
struct Post {
  std::string title;
  long long userId;
};
struct Comment {
  std::string body;
};
struct Tag {
  std::string name;
};
struct Article {
  std::string title;
  dbo::collection<dbo::ptr<Comment>> comments; // hasMany
  dbo::collection<dbo::ptr<Tag>> tags;         // hasMany, ManyToMany
};
typedef dbo::collection<dbo::ptr<User>> Users;
typedef dbo::collection<dbo::ptr<Post>> Posts;
typedef dbo::collection<dbo::ptr<Article>> Articles;

// The tutorial's idiom: a find converted to a collection runs the query;
// then one find of posts per user.
std::size_t postsPerUser(dbo::Session &session) {
  dbo::Transaction transaction(session);
  std::size_t n = 0;
  Users users = session.find<User>();
  for (const dbo::ptr<User> &user : users) {
    Posts posts = session.find<Post>().where("user_id = ?").bind(user.id());
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:66: note: the row value 'user.id()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one find<T>().where("id in (...)") for all keys, or a session.query<std::tuple<ptr<A>, ptr<B>>> join
    n += posts.size();
  }
  transaction.commit();
  return n;
}

// resultList() spelled out, an iterator loop, and a count per row.
void postCounts(dbo::Session &session, std::vector<int> &counts) {
  Users users = session.find<User>().where("karma > ?").bind(10).resultList();
  for (Users::const_iterator i = users.begin(); i != users.end(); ++i) {
    int count = session.query<int>("select count(1) from post").where("user_id = ?").bind((*i).id()).resultValue();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:91: note: the row value '(*i).id()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:36: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    counts.push_back(count);
  }
}

// A write per row through Session::execute, a load per element of a vector
// of ids, and the same query for every id.
void rewardPosters(dbo::Session &session, const std::vector<long long> &ids) {
  Users users = session.find<User>().resultList();
  for (const dbo::ptr<User> &user : users)
    session.execute("update user set karma = karma + 1 where id = ?").bind(user.id());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:76: note: the row value 'user.id()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: batch it: modify all objects in one Wt::Dbo::Transaction
  for (long long id : ids) {
    dbo::ptr<User> user = session.load<User>(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:46: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: batch it: one find<T>().where("id in (...)") for all keys, or a session.query<std::tuple<ptr<A>, ptr<B>>> join
    int total = session.query<int>("select count(1) from user").resultValue();
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query runs once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: hoist it: run the query once before the loop and reuse its result
    (void)user, (void)total;
  }
}

// The front page: each article's comments walked with a range-for, which
// loads the hasMany collection once per article.
std::string renderFrontPage(dbo::Session &session) {
  dbo::Transaction transaction(session);
  std::string html;
  Articles articles = session.find<Article>().orderBy("published desc").limit(20);
  for (const dbo::ptr<Article> &article : articles) {
    html += "<h2>" + article->title + "</h2>";
    for (const dbo::ptr<Comment> &comment : article->comments)
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: relation 'comments' is loaded lazily, one query per row of 'articles' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:23: note: 'articles' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'articles' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:45: note: 'article->comments' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:45: note: load it eagerly: a session.query<std::tuple<ptr<A>, ptr<B>>> join, or one find<B>().where("id in (...)") for all ids
      html += "<p>" + comment->body + "</p>";
  }
  return html;
}

// A tag cloud: each article's tags taken into a local collection first; it
// loads when it is walked.
std::map<std::string, int> tagCloud(dbo::Session &session) {
  std::map<std::string, int> counts;
  Articles articles = session.find<Article>().resultList();
  for (const dbo::ptr<Article> &article : articles) {
    dbo::collection<dbo::ptr<Tag>> tags = article->tags;
    for (const dbo::ptr<Tag> &tag : tags)
    // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: relation 'tags' is loaded lazily, one query per row of 'articles' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:23: note: 'articles' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'articles' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: 'article->tags' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: load it eagerly: a session.query<std::tuple<ptr<A>, ptr<B>>> join, or one find<B>().where("id in (...)") for all ids
      ++counts[tag->name];
  }
  return counts;
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Reading the loaded objects and marking them dirty runs no query in the
// loop (the changes are flushed at commit).
int readAndModify(dbo::Session &session) {
  dbo::Transaction transaction(session);
  Users users = session.find<User>().resultList();
  int karma = 0;
  for (const dbo::ptr<User> &user : users) {
    karma += user->karma;
    user.modify()->karma = 0;
  }
  transaction.commit();
  return karma;
}

// Queries before and after the loop; one query over all ids.
Posts beforeAndAfter(dbo::Session &session, const std::string &idList) {
  Users users = session.find<User>().orderBy("karma desc").limit(10).resultList();
  std::string names;
  for (const dbo::ptr<User> &user : users)
    names += user->name + ",";
  return session.find<Post>().where("user_id in (" + idList + ")").resultList();
}

// Only the first user: the loop returns.
Posts firstUsersPosts(dbo::Session &session) {
  Users users = session.find<User>().resultList();
  for (const dbo::ptr<User> &user : users)
    return session.find<Post>().where("user_id = ?").bind(user.id()).resultList();
  return Posts();
}

// One article's comments and tags, each walked once: one query each.
std::vector<std::string> articlePage(dbo::Session &session, long long id) {
  std::vector<std::string> lines;
  dbo::ptr<Article> article = session.load<Article>(id);
  for (const dbo::ptr<Comment> &comment : article->comments)
    lines.push_back(comment->body);
  dbo::collection<dbo::ptr<Tag>> tags = article->tags;
  for (const dbo::ptr<Tag> &tag : tags)
    lines.push_back("#" + tag->name);
  return lines;
}

// Threads held in memory: a vector member walked per thread is no relation.
struct Thread {
  std::string title;
  std::vector<std::string> replies;
};
std::size_t replyCount(const std::vector<Thread> &threads) {
  std::size_t n = 0;
  for (const Thread &thread : threads)
    for (const std::string &reply : thread.replies)
      n += reply.empty() ? 0 : 1;
  return n;
}

// An unrelated store with a load method of the same name.
struct Store {
  template <class C> C load(long long id);
};
void warm(Store &store, const std::vector<long long> &ids) {
  for (long long id : ids)
    store.load<User>(id);
}
