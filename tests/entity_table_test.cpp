// The entity table (linter/model/entities.def) is the one list of entity kinds: every kind has
// its facts, the CloudFormation types lead back to their kind, and no two kinds share a prefix.
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "linter/model/model.h"

using reachlint::model::entity_info;

using reachlint::model::EntityRef;
using reachlint::model::Kind;
using reachlint::model::kind_of_cloudformation_type;
using reachlint::model::kKindCount;
using reachlint::model::Model;
using reachlint::model::Origin;

BOOST_AUTO_TEST_SUITE(entity_table)

BOOST_AUTO_TEST_CASE(every_kind_has_its_facts_in_kind_order) {
  BOOST_TEST(reachlint::model::entity_table().size() == kKindCount);
  for (size_t k = 0; k < kKindCount; ++k) {
    const auto& entity = reachlint::model::entity_table()[k];
    BOOST_TEST(static_cast<size_t>(entity.kind) == k);
    BOOST_TEST(!entity.word.empty());
    BOOST_TEST(entity.id_prefix.ends_with("-"));
    BOOST_TEST(!entity.graph_key.empty());
    BOOST_TEST(!entity.graph_id.empty());
    BOOST_TEST(!entity.cloudformation_types.empty());
  }
}

BOOST_AUTO_TEST_CASE(prefixes_and_graph_ids_are_unique) {
  std::set<std::string> prefixes, keys, ids;
  for (const auto& entity : reachlint::model::entity_table()) {
    BOOST_TEST(prefixes.insert(std::string(entity.id_prefix)).second, entity.id_prefix);
    BOOST_TEST(keys.insert(std::string(entity.graph_key)).second, entity.graph_key);
    BOOST_TEST(ids.insert(std::string(entity.graph_id)).second, entity.graph_id);
    // Mermaid reads a node id starting with 'o' or 'x' after '--' as an edge end.
    BOOST_TEST(!entity.graph_id.starts_with("o"));
    BOOST_TEST(!entity.graph_id.starts_with("x"));
  }
}

BOOST_AUTO_TEST_CASE(cloudformation_types_lead_to_their_kind) {
  for (const auto& entity : reachlint::model::entity_table()) {
    for (const auto type : entity.cloudformation_types)
      BOOST_TEST((kind_of_cloudformation_type(type) == entity.kind), type);
  }
  BOOST_TEST((kind_of_cloudformation_type("AWS::EC2::TransitGatewayVpcAttachment") ==
              Kind::TgwAttachment));
  BOOST_TEST(!kind_of_cloudformation_type("AWS::EC2::Route").has_value());
  BOOST_TEST(entity_info(Kind::Peering).word == "VPC peering connection");
}

BOOST_AUTO_TEST_CASE(add_appends_to_the_array_of_the_kind) {
  Model model;
  Origin origin;
  origin.name = "Subnet1";
  const EntityRef first = model.add(Kind::Subnet, origin);
  const EntityRef second = model.add(Kind::Subnet, origin);
  BOOST_TEST(first.index == 0u);
  BOOST_TEST(second.index == 1u);
  BOOST_TEST(model.subnets.size() == 2u);
  BOOST_TEST(model.count(Kind::Subnet) == 2u);
  BOOST_TEST(model.count(Kind::Vpc) == 0u);
  BOOST_TEST(model.origin(second).name == "Subnet1");
  BOOST_TEST(model.find("Subnet1").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
