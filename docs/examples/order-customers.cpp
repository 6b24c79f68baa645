// A relation loaded once per row: the lazy-load-in-loop page's example, on
// ODB (the test suite's stand-in headers, test/Inputs/odb).
#include <odb/database.hxx>
#include <memory>
#include <string>
#include <vector>

struct Customer {
  std::string name;
};
struct Order {
  long id;
  odb::lazy_shared_ptr<Customer> customer;
};

std::vector<std::string> customerNames(odb::database &db) {
  std::vector<std::string> names;
  odb::result<Order> orders = db.query<Order>();
  for (Order &o : orders) {
    std::shared_ptr<Customer> c = o.customer.load(); // one SELECT per order
    names.push_back(c->name);
  }
  return names;
}
