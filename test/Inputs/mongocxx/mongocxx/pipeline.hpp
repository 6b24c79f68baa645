// Stand-in for <mongocxx/pipeline.hpp>: an aggregation pipeline, built stage
// by stage. Only what the tests use; see collection.hpp.
#pragma once

#include <bsoncxx/document/view_or_value.hpp>
#include <bsoncxx/string/view_or_value.hpp>

namespace mongocxx {
inline namespace v_noabi {

class pipeline {
public:
  pipeline();
  ~pipeline();
  pipeline &match(bsoncxx::document::view_or_value filter);
  pipeline &group(bsoncxx::document::view_or_value group);
  pipeline &lookup(bsoncxx::document::view_or_value lookup);
  pipeline &project(bsoncxx::document::view_or_value projection);
  pipeline &sort(bsoncxx::document::view_or_value ordering);
  pipeline &limit(int limit);
  pipeline &unwind(bsoncxx::string::view_or_value field_name);
};

} // namespace v_noabi
} // namespace mongocxx
