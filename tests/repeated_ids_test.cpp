// Which client ids repeat across stacks, the same whether the model's name index was built by an
// earlier lookup (declared clients) or not (audit mode): findings name such clients STACK/ID.
#include <boost/test/unit_test.hpp>

#include "rules/finding.h"

using namespace reachlint;

namespace {

model::Model two_stacks() {
  model::Model model;
  model.stacks = {"network", "clients"};
  const auto add = [&](model::Kind kind, std::string_view name, model::Index stack, bool implicit) {
    model::Origin origin;
    origin.name = name;
    origin.stack = stack;
    origin.implicit = implicit;
    model.add(kind, origin);
  };
  add(model::Kind::Subnet, "Client", 0, false);
  add(model::Kind::Instance, "Client", 1, false);  // another kind, another stack: repeats
  add(model::Kind::Subnet, "Solo", 0, false);
  add(model::Kind::Subnet, "Twice", 1, false);
  add(model::Kind::RouteTable, "Twice", 1, false);  // one stack: does not repeat
  add(model::Kind::RouteTable, "Solo", 1, true);    // implicit: has no id of its own
  return model;
}

void check(const model::Model& model) {
  const std::unordered_set<std::string_view> asked{"Client", "Solo", "Twice", "Absent"};
  const rules::RepeatedIds repeated(model, asked);
  BOOST_TEST(repeated.repeats("Client"));
  BOOST_TEST(!repeated.repeats("Solo"));
  BOOST_TEST(!repeated.repeats("Twice"));
  BOOST_TEST(!repeated.repeats("Absent"));
  BOOST_TEST(repeated.client("Client", 1).shown == "clients/Client");
  BOOST_TEST(repeated.client("Solo", 0).shown == "Solo");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(repeated_ids)

BOOST_AUTO_TEST_CASE(scanned_when_no_name_index) {
  const model::Model model = two_stacks();
  BOOST_REQUIRE(!model.names_indexed());
  check(model);
}

BOOST_AUTO_TEST_CASE(looked_up_in_the_name_index) {
  const model::Model model = two_stacks();
  BOOST_REQUIRE(model.find("Client").size() == 2u);
  BOOST_REQUIRE(model.names_indexed());
  check(model);
}

BOOST_AUTO_TEST_SUITE_END()
