// Stand-in for <mongocxx/instance.hpp>: the driver-wide instance. Only what
// the tests use; see collection.hpp.
#pragma once

namespace mongocxx {
inline namespace v_noabi {

class instance {
public:
  instance();
  instance(instance &&) noexcept;
  ~instance();
  static instance &current();
};

} // namespace v_noabi
} // namespace mongocxx
