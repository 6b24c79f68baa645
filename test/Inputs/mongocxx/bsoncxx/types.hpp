// Stand-in for <bsoncxx/types.hpp>: the BSON type enum and the b_* value
// wrappers that element::get_*() return. Only what the tests use.
#pragma once

#include <cstdint>

#include <bsoncxx/array/view.hpp>
#include <bsoncxx/document/view.hpp>
#include <bsoncxx/oid.hpp>
#include <bsoncxx/stdx/string_view.hpp>

namespace bsoncxx {
inline namespace v_noabi {

enum class type : std::uint8_t {
  k_double = 0x01,
  k_string = 0x02,
  k_document = 0x03,
  k_array = 0x04,
  k_oid = 0x07,
  k_bool = 0x08,
  k_date = 0x09,
  k_null = 0x0A,
  k_int32 = 0x10,
  k_int64 = 0x12,
};

namespace types {

struct b_double {
  static constexpr auto type_id = type::k_double;
  double value;
  operator double() const { return value; }
};

struct b_string {
  static constexpr auto type_id = type::k_string;
  stdx::string_view value;
  operator stdx::string_view() const { return value; }
};

struct b_document {
  static constexpr auto type_id = type::k_document;
  document::view value;
  operator document::view() const { return value; }
  document::view view() { return value; }
};

struct b_array {
  static constexpr auto type_id = type::k_array;
  array::view value;
  operator array::view() const { return value; }
};

struct b_oid {
  static constexpr auto type_id = type::k_oid;
  oid value;
};

struct b_bool {
  static constexpr auto type_id = type::k_bool;
  bool value;
  operator bool() const { return value; }
};

struct b_int32 {
  static constexpr auto type_id = type::k_int32;
  std::int32_t value;
  operator std::int32_t() const { return value; }
};

struct b_int64 {
  static constexpr auto type_id = type::k_int64;
  std::int64_t value;
  operator std::int64_t() const { return value; }
};

} // namespace types
} // namespace v_noabi
} // namespace bsoncxx
