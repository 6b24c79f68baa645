// Stand-in for Wt::Dbo (not packaged by Debian with its headers here):
// Session, Query, Call, Transaction, ptr<> and collection<> with the real
// names and the signatures the tests use. Bodies are stubs.
#ifndef NPLUSONE_TEST_WT_DBO_H
#define NPLUSONE_TEST_WT_DBO_H

#include <cstddef>
#include <string>

namespace Wt {
namespace Dbo {

template <class C> class ptr {
public:
  const C *operator->() const;
  const C &operator*() const;
  C *modify() const;
  explicit operator bool() const;
  long long id() const;
};

template <class C> class collection {
public:
  using size_type = std::size_t;
  class const_iterator {
  public:
    C operator*() const;
    const_iterator &operator++();
    bool operator!=(const const_iterator &) const;
    bool operator==(const const_iterator &) const;
  };
  const_iterator begin() const;
  const_iterator end() const;
  size_type size() const;
  C front() const;
};

template <class Result> class Query {
public:
  template <typename T> Query &bind(const T &value);
  Query &where(const std::string &condition);
  Query &orderBy(const std::string &fieldName);
  Query &limit(int limit);
  Query &offset(int offset);
  collection<Result> resultList() const;
  Result resultValue() const;
  operator collection<Result>() const;
};

class Session;

// A statement without results (an UPDATE, a stored procedure); it runs when
// the last copy is destroyed, or at run() (Wt/Dbo/Call).
class Call {
public:
  ~Call();
  Call(const Call &other);
  template <typename T> Call &bind(const T &value);
  void run();

private:
  Call(Session &session, const std::string &sql);
  friend class Session;
};

class Session {
public:
  template <class C> Query<ptr<C>> find(const std::string &where = "");
  template <class Result> Query<Result> query(const std::string &sql);
  template <class C> ptr<C> load(long long id);
  template <class C> ptr<C> add(ptr<C> &ptr);
  Call execute(const std::string &sql);
  void flush();
};

class Transaction {
public:
  explicit Transaction(Session &session);
  bool commit();
};

} // namespace Dbo
} // namespace Wt

#endif
