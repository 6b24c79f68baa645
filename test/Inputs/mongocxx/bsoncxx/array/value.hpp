// Stand-in for <bsoncxx/array/value.hpp>: an owned BSON array. Only what the
// tests use; see ../document/view.hpp.
#pragma once

#include <bsoncxx/array/view.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace array {

class value {
public:
  explicit value(array::view view);
  value(const value &);
  value(value &&) noexcept;
  ~value();
  array::view view() const noexcept;
  operator array::view() const noexcept;
};

} // namespace array
} // namespace v_noabi
} // namespace bsoncxx
