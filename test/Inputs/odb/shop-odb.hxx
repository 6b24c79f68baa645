// What the ODB compiler generates from shop.hxx (`odb -d pgsql
// --generate-query shop.hxx`), reduced to the query columns the tests use:
// odb::query<shop::user>::email, odb::query<shop::order>::user_id, ...
#ifndef NPLUSONE_TEST_ODB_SHOP_ODB_HXX
#define NPLUSONE_TEST_ODB_SHOP_ODB_HXX

#include "shop.hxx"

namespace odb {

template <> struct query_columns<shop::user> {
  static const query_column<unsigned long> id;
  static const query_column<std::string> email;
  static const query_column<long> last_login;
};

template <> struct query_columns<shop::order> {
  static const query_column<unsigned long> id;
  static const query_column<unsigned long> user_id;
  static const query_column<double> total;
};

} // namespace odb

#endif
