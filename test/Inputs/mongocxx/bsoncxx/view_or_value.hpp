// Stand-in for <bsoncxx/view_or_value.hpp>: a non-owning View or an owned
// Value, the parameter type of most driver calls. Only what the tests use.
#pragma once

#include <utility>

#include <bsoncxx/stdx/optional.hpp>

namespace bsoncxx {
inline namespace v_noabi {

template <typename View, typename Value> class view_or_value {
public:
  using view_type = View;
  using value_type = Value;

  view_or_value() = default;
  view_or_value(View view) : _view{view} {}
  view_or_value(Value &&value) : _value(std::move(value)), _view(*_value) {}
  view_or_value(const view_or_value &other) = default;
  view_or_value &operator=(const view_or_value &other) = default;
  view_or_value(view_or_value &&other) noexcept = default;
  view_or_value &operator=(view_or_value &&other) noexcept = default;

  bool is_owning() const noexcept { return static_cast<bool>(_value); }
  operator View() const { return _view; }
  const View &view() const { return _view; }

private:
  stdx::optional<Value> _value;
  View _view;
};

} // namespace v_noabi
} // namespace bsoncxx
