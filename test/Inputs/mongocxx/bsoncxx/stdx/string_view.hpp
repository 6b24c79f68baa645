// Stand-in for <bsoncxx/stdx/string_view.hpp> as built with the C++17
// polyfill: bsoncxx::stdx::string_view is std::string_view.
#pragma once

#include <string_view>

namespace bsoncxx {
inline namespace v_noabi {
namespace stdx {

using ::std::string_view;

} // namespace stdx
} // namespace v_noabi
} // namespace bsoncxx
