// Stand-in for <mongocxx/cursor.hpp>: the result of find() and aggregate(),
// an input range of bsoncxx::document::view. Only what the tests use; see
// collection.hpp.
#pragma once

#include <bsoncxx/document/view.hpp>

namespace mongocxx {
inline namespace v_noabi {

class cursor {
public:
  enum class type { k_non_tailable, k_tailable, k_tailable_await };

  class iterator {
  public:
    using value_type = bsoncxx::document::view;
    using reference = const bsoncxx::document::view &;
    using pointer = const bsoncxx::document::view *;

    const bsoncxx::document::view &operator*() const;
    const bsoncxx::document::view *operator->() const;
    iterator &operator++();
    void operator++(int);
    friend bool operator==(const iterator &, const iterator &);
    friend bool operator!=(const iterator &, const iterator &);
  };

  cursor(cursor &&) noexcept;
  cursor &operator=(cursor &&) noexcept;
  ~cursor();

  iterator begin();
  iterator end();
};

} // namespace v_noabi
} // namespace mongocxx
