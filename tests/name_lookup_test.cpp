// Looking entities up by name: Model::find_each gives what find gives for each name, whether
// find's index is built (one lookup a name) or not (one pass over the entities), and the
// findings' repeated client ids (named STACK/ID) come out the same either way.
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

const std::vector<std::string_view> kAsked{"Twice", "Client", "Absent", "", "Solo", "Client"};

void check_find_each(const model::Model& model) {
  const std::vector<std::vector<model::EntityRef>> found = model.find_each(kAsked);
  BOOST_REQUIRE_EQUAL(found.size(), kAsked.size());
  for (size_t i = 0; i < kAsked.size(); ++i) {
    const std::vector<model::EntityRef> one = model.find(kAsked[i]);
    BOOST_TEST_INFO("name '" << kAsked[i] << "'");
    BOOST_REQUIRE_EQUAL(found[i].size(), one.size());
    for (size_t j = 0; j < one.size(); ++j) {
      BOOST_TEST((found[i][j].kind == one[j].kind && found[i][j].index == one[j].index));
    }
  }
  BOOST_TEST(found[1].size() == 2u);  // Client: the subnet, then the instance
  BOOST_TEST(found[2].empty());
  BOOST_TEST(found[3].empty());
  BOOST_TEST(found[4].size() == 1u);  // Solo: not the implicit route table
  BOOST_TEST(found[5].size() == 2u);  // Client asked twice
}

void check_repeated(const model::Model& model) {
  const std::unordered_set<std::string_view> asked(kAsked.begin(), kAsked.end());
  const rules::RepeatedIds repeated(model, asked);
  BOOST_TEST(repeated.repeats("Client"));
  BOOST_TEST(!repeated.repeats("Solo"));
  BOOST_TEST(!repeated.repeats("Twice"));
  BOOST_TEST(!repeated.repeats("Absent"));
  rules::FindingClient client{.id = "Client", .scope = 1};
  repeated.name(client);
  BOOST_TEST(client.shown == "clients/Client");
  BOOST_TEST(client.stack == "clients");
  rules::FindingClient solo{.id = "Solo", .scope = 0};
  repeated.name(solo);
  BOOST_TEST(solo.shown == "Solo");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(name_lookup)

// Before any find(): find_each passes over the entities (and leaves the index unbuilt, so the
// find() calls that check it come after).
BOOST_AUTO_TEST_CASE(find_each_without_the_index) {
  const model::Model model = two_stacks();
  check_repeated(model);
  check_find_each(model);
}

// A declared CIDR client asks for no name: its place stays empty.
BOOST_AUTO_TEST_CASE(find_each_of_no_name) {
  const model::Model model = two_stacks();
  const std::vector<std::string_view> none{""};
  const auto found = model.find_each(none);
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].empty());
}

BOOST_AUTO_TEST_CASE(find_each_with_the_index) {
  const model::Model model = two_stacks();
  BOOST_REQUIRE_EQUAL(model.find("Solo").size(), 1u);  // builds the index
  check_find_each(model);
  check_repeated(model);
}

// find_each remembers its answers while the entities stay as they are (a declared client's id is
// asked again for the findings' clients); an entity added since changes them.
BOOST_AUTO_TEST_CASE(find_each_after_an_entity_is_added) {
  model::Model model = two_stacks();
  const std::vector<std::string_view> asked{"Solo", "Late"};
  BOOST_TEST(model.find_each(asked)[0].size() == 1u);
  BOOST_TEST(model.find_each(asked)[1].empty());
  model::Origin origin;
  origin.name = "Late";
  model.add(model::Kind::Instance, origin);
  origin.name = "Solo";
  model.add(model::Kind::Instance, origin);
  const auto again = model.find_each(asked);
  BOOST_TEST(again[0].size() == 2u);
  BOOST_TEST(again[1].size() == 1u);
}

// The remembered names are copies: the text a caller asked with may go (the sanitizer suite
// sees a read of it when it is asked again).
BOOST_AUTO_TEST_CASE(find_each_keeps_its_own_names) {
  const model::Model model = two_stacks();
  const std::string long_name(40, 'x');  // longer than a string keeps in itself
  {
    const std::string asked_with = long_name;
    BOOST_TEST(model.find_each(std::vector<std::string_view>{asked_with})[0].empty());
  }
  BOOST_TEST(model.find_each(std::vector<std::string_view>{long_name})[0].empty());
  BOOST_TEST(model.find_each(std::vector<std::string_view>{"Client"})[0].size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
