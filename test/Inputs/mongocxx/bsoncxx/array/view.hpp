// Stand-in for <bsoncxx/array/view.hpp>: a read-only view of a BSON array.
// Only what the tests use; see ../document/view.hpp.
#pragma once

#include <cstddef>
#include <cstdint>

#include <bsoncxx/document/element.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace array {

using element = document::element;

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
  const_iterator begin() const;
  const_iterator end() const;
  element operator[](std::uint32_t i) const;
  std::size_t length() const;
  bool empty() const;
};

} // namespace array
} // namespace v_noabi
} // namespace bsoncxx
