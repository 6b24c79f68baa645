// Stand-in for <bsoncxx/builder/basic/sub_document.hpp> and
// <bsoncxx/builder/basic/sub_array.hpp>: the append() interface that the
// basic document and array builders share. Only what the tests use.
#pragma once

#include <tuple>

namespace bsoncxx {
inline namespace v_noabi {
namespace builder {
namespace basic {

class sub_document {
public:
  template <typename K, typename V> void append(std::tuple<K, V> &&kv) {
    (void)kv;
  }
  template <typename Arg, typename... Args>
  void append(Arg &&a, Args &&...args) {
    append(static_cast<Arg &&>(a));
    (append(static_cast<Args &&>(args)), ...);
  }
  void append() {}
};

class sub_array {
public:
  template <typename Arg> void append(Arg &&a) { (void)a; }
  template <typename Arg, typename... Args>
  void append(Arg &&a, Args &&...args) {
    append(static_cast<Arg &&>(a));
    (append(static_cast<Args &&>(args)), ...);
  }
};

} // namespace basic
} // namespace builder
} // namespace v_noabi
} // namespace bsoncxx
