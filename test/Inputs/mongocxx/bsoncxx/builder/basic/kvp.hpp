// Stand-in for <bsoncxx/builder/basic/kvp.hpp>: kvp() pairs a key with a
// value for the basic builders, as the real driver's does.
#pragma once

#include <tuple>
#include <utility>

namespace bsoncxx {
inline namespace v_noabi {
namespace builder {
namespace basic {

template <typename T, typename U> std::tuple<T &&, U &&> kvp(T &&t, U &&u) {
  return std::tuple<T &&, U &&>(std::forward<T>(t), std::forward<U>(u));
}

} // namespace basic
} // namespace builder
} // namespace v_noabi
} // namespace bsoncxx
