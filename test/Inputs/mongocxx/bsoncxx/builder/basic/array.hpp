// Stand-in for <bsoncxx/builder/basic/array.hpp>: the basic array builder
// and make_array(), with the real names and signatures.
#pragma once

#include <utility>

#include <bsoncxx/array/value.hpp>
#include <bsoncxx/array/view.hpp>
#include <bsoncxx/builder/basic/sub_document.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace builder {
namespace basic {

class array : public sub_array {
public:
  array();
  array(array &&arr) noexcept;
  ~array();
  bsoncxx::array::view view() const;
  operator bsoncxx::array::view() const { return view(); }
  bsoncxx::array::value extract();
  void clear();
};

template <typename... Args> bsoncxx::array::value make_array(Args &&...args) {
  array a;
  a.append(std::forward<Args>(args)...);
  return a.extract();
}

} // namespace basic
} // namespace builder
} // namespace v_noabi
} // namespace bsoncxx
