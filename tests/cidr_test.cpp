#include <boost/test/unit_test.hpp>

#include "linter/analysis/address_set.h"
#include "linter/analysis/port_set.h"
#include "linter/core/cidr.h"

using reachlint::Cidr;
namespace analysis = reachlint::analysis;

BOOST_AUTO_TEST_SUITE(cidr)

BOOST_AUTO_TEST_CASE(parses_and_canonicalises) {
  const auto block = Cidr::parse("10.0.1.7/16");
  BOOST_REQUIRE(block);
  BOOST_TEST(block->str() == "10.0.0.0/16");
  BOOST_TEST(Cidr::parse("192.168.1.1")->str() == "192.168.1.1/32");
  BOOST_TEST(Cidr::parse("0.0.0.0/0")->size() == (uint64_t{1} << 32));
}

BOOST_AUTO_TEST_CASE(rejects_malformed) {
  for (const char* bad :
       {"10.0.0.300/16", "10.0.0/16", "10.0.0.0/33", "10.0.0.0/", "a.b.c.d/8", "010.0.0.0/8",
        " 10.0.0.0/8", "10.0.0.0/8 ", "10.0.0.0/-1", "", "::/0", "10..0.0/8"}) {
    BOOST_TEST(!Cidr::parse(bad), bad);
  }
}

BOOST_AUTO_TEST_CASE(containment_and_overlap) {
  const Cidr vpc = *Cidr::parse("10.0.0.0/16");
  const Cidr subnet = *Cidr::parse("10.0.1.0/24");
  BOOST_TEST(vpc.contains(subnet));
  BOOST_TEST(!subnet.contains(vpc));
  BOOST_TEST(vpc.overlaps(subnet));
  BOOST_TEST(!vpc.overlaps(*Cidr::parse("10.1.0.0/16")));
  BOOST_TEST(Cidr::parse("0.0.0.0/0")->contains(vpc));
}

BOOST_AUTO_TEST_CASE(address_set_coverage_with_holes) {
  // "a /28 AWS picks in 10.0.0.0/16 outside the subnets 10.0.0.0/24 and 10.0.1.0/24"
  const analysis::AddressSet endpoint{{*Cidr::parse("10.0.0.0/16")},
                                      {*Cidr::parse("10.0.0.0/24"), *Cidr::parse("10.0.1.0/24")}};
  BOOST_TEST(
      (analysis::coverage(*Cidr::parse("10.0.0.0/16"), endpoint) == analysis::Coverage::Full));
  BOOST_TEST(
      (analysis::coverage(*Cidr::parse("10.0.0.0/8"), endpoint) == analysis::Coverage::Full));
  // A route to a subnet cannot hold the endpoint: it decides nothing.
  BOOST_TEST(
      (analysis::coverage(*Cidr::parse("10.0.1.0/24"), endpoint) == analysis::Coverage::None));
  // A route to part of the free space might or might not: unknown.
  BOOST_TEST(
      (analysis::coverage(*Cidr::parse("10.0.128.0/17"), endpoint) == analysis::Coverage::Partial));
  BOOST_TEST(
      (analysis::coverage(*Cidr::parse("10.1.0.0/16"), endpoint) == analysis::Coverage::None));
}

BOOST_AUTO_TEST_CASE(port_sets) {
  analysis::PortSet set;
  set.add({100, 200});
  set.add({150, 300});
  set.add({301, 310});
  BOOST_REQUIRE(set.ranges().size() == 1u);
  BOOST_TEST(set.ranges()[0].to == 310);
  const analysis::PortSet rest = analysis::PortSet({0, 65535}).minus(set);
  BOOST_REQUIRE(rest.ranges().size() == 2u);
  BOOST_TEST(rest.ranges()[0].to == 99);
  BOOST_TEST(rest.ranges()[1].from == 311);
  BOOST_TEST(set.intersect({305, 400}).ranges()[0].from == 305);
}

BOOST_AUTO_TEST_CASE(port_sets_past_their_inline_ranges) {
  // More disjoint ranges than a set keeps in itself, added out of order; then one that joins
  // them all.
  analysis::PortSet set;
  for (const uint16_t from : {70, 10, 50, 30, 90, 110}) set.add({from, uint16_t(from + 5)});
  BOOST_REQUIRE(set.ranges().size() == 6u);
  for (size_t i = 0; i < 6; ++i) BOOST_TEST(set.ranges()[i].from == 10 + 20 * i);
  const analysis::PortSet gaps = analysis::PortSet({10, 115}).minus(set);
  BOOST_REQUIRE(gaps.ranges().size() == 5u);
  BOOST_TEST(gaps.ranges()[4].from == 96);
  BOOST_TEST(gaps.ranges()[4].to == 109);
  BOOST_TEST(set.intersect({52, 93}).ranges().size() == 3u);
  set.add({0, 200});
  BOOST_REQUIRE(set.ranges().size() == 1u);
  BOOST_TEST(set.ranges()[0].to == 200);
}

BOOST_AUTO_TEST_SUITE_END()
