// Stand-in for <bsoncxx/builder/basic/document.hpp>: the basic document
// builder and make_document(), with the real names and signatures.
#pragma once

#include <utility>

#include <bsoncxx/builder/basic/sub_document.hpp>
#include <bsoncxx/document/value.hpp>
#include <bsoncxx/document/view.hpp>

namespace bsoncxx {
inline namespace v_noabi {
namespace builder {
namespace basic {

class document : public sub_document {
public:
  document();
  document(document &&doc) noexcept;
  ~document();
  bsoncxx::document::view view() const;
  operator bsoncxx::document::view() const { return view(); }
  bsoncxx::document::value extract();
  void clear();
};

template <typename... Args>
bsoncxx::document::value make_document(Args &&...args) {
  document d;
  d.append(std::forward<Args>(args)...);
  return d.extract();
}

} // namespace basic
} // namespace builder
} // namespace v_noabi
} // namespace bsoncxx
