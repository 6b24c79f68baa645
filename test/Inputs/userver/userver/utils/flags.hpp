// Stand-in for userver's <userver/utils/flags.hpp>: utils::Flags<Enum>, a
// type-safe set of enum bit flags. Only what the tests use; see
// storages/postgres/cluster.hpp.
#pragma once

#include <type_traits>

// The real build passes these as compile definitions.
#ifndef USERVER_NAMESPACE
#define USERVER_NAMESPACE userver
#endif
#ifndef USERVER_NAMESPACE_BEGIN
#define USERVER_NAMESPACE_BEGIN namespace USERVER_NAMESPACE {
#endif
#ifndef USERVER_NAMESPACE_END
#define USERVER_NAMESPACE_END }
#endif

USERVER_NAMESPACE_BEGIN

namespace utils {

template <typename Enum> class Flags final {
public:
  using ValueType = std::underlying_type_t<Enum>;

  constexpr Flags() noexcept = default;
  constexpr /* implicit */ Flags(Enum value) noexcept
      : value_(static_cast<ValueType>(value)) {}

  constexpr explicit operator bool() const { return value_ != 0; }
  constexpr ValueType GetValue() const { return value_; }

  constexpr Flags &operator|=(Flags rhs) {
    value_ |= rhs.value_;
    return *this;
  }
  constexpr Flags operator|(Flags rhs) const { return Flags(*this) |= rhs; }
  constexpr Flags operator&(Flags rhs) const {
    Flags result;
    result.value_ = value_ & rhs.value_;
    return result;
  }

private:
  ValueType value_{};
};

} // namespace utils

USERVER_NAMESPACE_END
