// Stand-in for <bsoncxx/document/value.hpp>: an owned BSON document. Only
// what the tests use; see view.hpp.
#pragma once

#include <cstddef>
#include <cstdint>

#include <bsoncxx/document/view.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace document {

class value {
public:
  value(const std::uint8_t *data, std::size_t length);
  explicit value(document::view view);
  value(const value &);
  value &operator=(const value &);
  value(value &&) noexcept;
  value &operator=(value &&) noexcept;
  ~value();

  document::view view() const noexcept;
  operator document::view() const noexcept;
  document::view::const_iterator begin() const;
  document::view::const_iterator end() const;
  element operator[](stdx::string_view key) const;
};

} // namespace document
} // namespace v_noabi
} // namespace bsoncxx
