// Stand-in for <bsoncxx/document/view_or_value.hpp>. See view.hpp.
#pragma once

#include <bsoncxx/document/value.hpp>
#include <bsoncxx/document/view.hpp>
#include <bsoncxx/view_or_value.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace document {

using view_or_value = bsoncxx::view_or_value<document::view, document::value>;

} // namespace document
} // namespace v_noabi
} // namespace bsoncxx
