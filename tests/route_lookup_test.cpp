#include <random>

#include <boost/test/unit_test.hpp>

#include "linter/analysis/route_lookup.h"

using namespace reachlint;
namespace analysis = reachlint::analysis;

namespace {

model::Route route(const char* destination, model::TargetKind kind, const char* id,
                   bool certain = true) {
  model::Route r;
  r.origin.name = id;
  r.origin.certain = certain;
  r.destination = *Cidr::parse(destination);
  r.target.kind = kind;
  r.target.id = id;
  return r;
}

analysis::AddressSet set(const char* cidr) {
  return analysis::AddressSet::of(*Cidr::parse(cidr));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(route_lookup)

BOOST_AUTO_TEST_CASE(longest_prefix_wins) {
  model::Model m;
  model::RouteTable table;
  table.routes = {route("10.1.0.0/16", model::TargetKind::Local, "local"),
                  route("10.0.0.0/8", model::TargetKind::TransitGateway, "tgw"),
                  route("10.0.5.0/24", model::TargetKind::Peering, "pcx")};
  const auto wide = analysis::lookup(m, table, set("10.0.9.1/32"));
  BOOST_REQUIRE(wide.matched());
  BOOST_TEST(table.routes[wide.route].target.id == "tgw");
  const auto narrow = analysis::lookup(m, table, set("10.0.5.7/32"));
  BOOST_TEST(table.routes[narrow.route].target.id == "pcx");
  BOOST_TEST((analysis::lookup(m, table, set("192.168.0.1/32")).status ==
              analysis::RouteChoice::Status::NoRoute));
}

BOOST_AUTO_TEST_CASE(a_route_inside_a_possible_range_makes_the_result_unknown) {
  model::Model m;
  model::RouteTable table;
  table.routes = {route("10.0.0.0/16", model::TargetKind::TransitGateway, "tgw"),
                  route("10.0.128.0/17", model::TargetKind::Peering, "pcx")};
  const analysis::AddressSet endpoint{{*Cidr::parse("10.0.0.0/16")}, {*Cidr::parse("10.0.0.0/24")}};
  BOOST_TEST(
      (analysis::lookup(m, table, endpoint).status == analysis::RouteChoice::Status::Unknown));
  // The same more specific route toward the same target does not change the answer.
  table.routes[1].target = table.routes[0].target;
  BOOST_TEST(analysis::lookup(m, table, endpoint).matched());
  // A route into a hole (a subnet) cannot hold the endpoint.
  table.routes[1] = route("10.0.0.0/24", model::TargetKind::Peering, "pcx");
  BOOST_TEST(analysis::lookup(m, table, endpoint).matched());
}

BOOST_AUTO_TEST_CASE(uncertain_and_unknown_routes) {
  model::Model m;
  model::RouteTable table;
  table.routes = {route("10.0.0.0/16", model::TargetKind::TransitGateway, "tgw", false)};
  BOOST_TEST((analysis::lookup(m, table, set("10.0.1.1/32")).status ==
              analysis::RouteChoice::Status::Unknown));
  table.routes = {route("10.1.0.0/16", model::TargetKind::Local, "local")};
  model::Route learned;
  learned.destination = model::Maybe<Cidr>::unknown({}, "learned at run time");
  learned.target.kind = model::TargetKind::VpnGateway;
  learned.propagated = true;
  table.routes.push_back(learned);
  // A learned route cannot beat local, but anything else might be reached through it.
  BOOST_TEST(analysis::lookup(m, table, set("10.1.2.3/32")).matched());
  BOOST_TEST((analysis::lookup(m, table, set("10.9.2.3/32")).status ==
              analysis::RouteChoice::Status::Unknown));
}

BOOST_AUTO_TEST_CASE(tgw_static_beats_propagated_and_blackholes_match) {
  model::Model m;
  model::TgwRouteTable table;
  model::TgwRoute propagated;
  propagated.destination = *Cidr::parse("10.0.0.0/16");
  propagated.attachment = 1;
  propagated.propagated = true;
  model::TgwRoute blackhole;
  blackhole.destination = *Cidr::parse("10.0.0.0/16");
  blackhole.blackhole = true;
  table.routes = {propagated, blackhole};
  const auto choice = analysis::lookup(m, table, set("10.0.3.4/32"));
  BOOST_REQUIRE(choice.matched());
  BOOST_TEST(table.routes[choice.route].blackhole);
}

BOOST_AUTO_TEST_CASE(the_index_answers_like_a_scan) {
  std::mt19937 random(7);
  model::Model m;
  model::TgwRouteTable table;
  for (int i = 0; i < 400; ++i) {
    model::TgwRoute route;
    const auto length = static_cast<uint8_t>(8 + random() % 25);
    route.destination = Cidr((10u << 24) | (random() & 0x00FFFFFF), length);
    route.attachment = random() % 7;
    route.propagated = random() % 2 == 0;
    route.origin.name = m.text.keep("r" + std::to_string(i));
    table.routes.push_back(route);
  }
  const analysis::PrefixIndex index = analysis::PrefixIndex::build(m, table.routes);
  for (int i = 0; i < 2000; ++i) {
    const auto length = static_cast<uint8_t>(16 + random() % 17);
    analysis::AddressSet destination =
        analysis::AddressSet::of(Cidr((10u << 24) | (random() & 0x00FFFFFF), length));
    if (i % 3 == 0 && length < 30)
      destination.holes.push_back(Cidr(destination.blocks[0].address(), length + 2));
    const auto scanned = analysis::lookup(m, table, destination);
    const auto indexed = analysis::lookup(m, table, destination, &index);
    BOOST_REQUIRE(scanned.status == indexed.status);
    if (scanned.matched())
      BOOST_TEST(table.routes[scanned.route].attachment == table.routes[indexed.route].attachment);
  }
}

BOOST_AUTO_TEST_SUITE_END()
