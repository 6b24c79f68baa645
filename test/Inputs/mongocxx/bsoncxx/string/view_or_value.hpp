// Stand-in for <bsoncxx/string/view_or_value.hpp>: a string view or an owned
// std::string (database and collection names, URIs). Only what the tests
// use.
#pragma once

#include <string>

#include <bsoncxx/stdx/string_view.hpp>
#include <bsoncxx/view_or_value.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace string {

class view_or_value
    : public bsoncxx::view_or_value<stdx::string_view, std::string> {
public:
  using bsoncxx::view_or_value<stdx::string_view, std::string>::view_or_value;
  view_or_value(const char *str)
      : bsoncxx::view_or_value<stdx::string_view, std::string>(
            stdx::string_view(str)) {}
  view_or_value(const std::string &str)
      : bsoncxx::view_or_value<stdx::string_view, std::string>(
            stdx::string_view(str)) {}
};

} // namespace string
} // namespace v_noabi
} // namespace bsoncxx
