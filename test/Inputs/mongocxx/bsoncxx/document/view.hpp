// Stand-in for <bsoncxx/document/view.hpp> (the mongo-cxx-driver is not
// packaged by Debian with its headers). A read-only view of a BSON document:
// iterable over its elements, fields looked up with operator[]. Like every
// bsoncxx / mongocxx stand-in header, it uses the real names, the real
// inline namespace bsoncxx::v_noabi and declares only what the tests use.
#pragma once

#include <cstddef>
#include <cstdint>

#include <bsoncxx/document/element.hpp>
#include <bsoncxx/stdx/string_view.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace document {

class view {
public:
  class const_iterator {
  public:
    const element &operator*() const;
    const element *operator->() const;
    const_iterator &operator++();
    friend bool operator==(const const_iterator &, const const_iterator &);
    friend bool operator!=(const const_iterator &, const const_iterator &);
  };
  using iterator = const_iterator;

  view();
  view(const std::uint8_t *data, std::size_t length);

  const_iterator cbegin() const;
  const_iterator cend() const;
  const_iterator begin() const;
  const_iterator end() const;
  const_iterator find(stdx::string_view key) const;
  element operator[](stdx::string_view key) const;

  const std::uint8_t *data() const;
  std::size_t length() const;
  bool empty() const;

  friend bool operator==(view, view);
  friend bool operator!=(view, view);
};

} // namespace document
} // namespace v_noabi
} // namespace bsoncxx
