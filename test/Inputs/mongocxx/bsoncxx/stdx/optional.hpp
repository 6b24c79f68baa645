// Stand-in for <bsoncxx/stdx/optional.hpp> as built with the C++17 polyfill:
// bsoncxx::stdx::optional is std::optional. See ../document/view.hpp.
#pragma once

#include <optional>

namespace bsoncxx {
inline namespace v_noabi {
namespace stdx {

using ::std::make_optional;
using ::std::nullopt;
using ::std::optional;

} // namespace stdx
} // namespace v_noabi
} // namespace bsoncxx
