// Stand-in for redis-plus-plus's <sw/redis++/utils.h> as built with C++17:
// StringView is std::string_view and Optional is std::optional. Only what
// the tests use; see redis++.h.
#ifndef NPLUSONE_TEST_SW_REDIS_UTILS_H
#define NPLUSONE_TEST_SW_REDIS_UTILS_H

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sw {
namespace redis {

using StringView = std::string_view;

template <typename T> using Optional = std::optional<T>;

using OptionalString = Optional<std::string>;
using OptionalLongLong = Optional<long long>;
using OptionalDouble = Optional<double>;
using OptionalStringPair = Optional<std::pair<std::string, std::string>>;

} // namespace redis
} // namespace sw

#endif
