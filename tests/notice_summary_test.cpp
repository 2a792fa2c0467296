// Notices counted by kind: what is masked, what is kept, and the order of the kinds.
#include <boost/test/unit_test.hpp>

#include "linter/output/notice_summary.h"

using reachlint::Location;
using reachlint::Notice;
using reachlint::output::notice_kind;
using reachlint::output::notice_kinds;

BOOST_AUTO_TEST_SUITE(notice_summary)

BOOST_AUTO_TEST_CASE(ids_addresses_paths_and_quoted_keys_are_masked) {
  BOOST_TEST(notice_kind("could not evaluate rtb-0c9f on the path from i-061c to fs-055d: the "
                         "prefix list of route rtb-0c9f:pl-07cc is not known statically") ==
             "could not evaluate … on the path from … to …: the prefix list of route … is not "
             "known statically");
  BOOST_TEST(notice_kind("skipped: AWS CLI output 'Addresses' is not used by reachlint") ==
             "skipped: AWS CLI output '…' is not used by reachlint");
  BOOST_TEST(notice_kind("the first listing, at export/a.json:3:9, is used") ==
             "the first listing, at …, is used");
  // Words without a digit, a slash or quotes are what the notice says: they stay.
  BOOST_TEST(notice_kind("the route's target is not known statically") ==
             "the route's target is not known statically");
  BOOST_TEST(notice_kind("") == "");
}

BOOST_AUTO_TEST_CASE(kinds_are_counted_most_frequent_first_with_their_first_place) {
  const std::vector<Notice> notices = {
      {Location{0, 10}, "skipped: AWS CLI output 'Tags' is not used by reachlint"},
      {Location{0, 20}, "route rtb-1 is unknown"},
      {Location{1, 5}, "route rtb-2 is unknown"},
      {Location{1, 9}, "skipped: AWS CLI output 'Hosts' is not used by reachlint"},
      {Location{2, 1}, "route rtb-3 is unknown"},
      {Location{2, 2}, "a table is missing"}};
  const auto kinds = notice_kinds(notices);
  BOOST_TEST_REQUIRE(kinds.size() == 3u);
  BOOST_TEST(kinds[0].kind == "route … is unknown");
  BOOST_TEST(kinds[0].count == 3u);
  BOOST_TEST((kinds[0].first == Location{0, 20}));
  BOOST_TEST(kinds[1].count == 2u);
  BOOST_TEST((kinds[1].first == Location{0, 10}));
  BOOST_TEST(kinds[2].kind == "a table is missing");
}

BOOST_AUTO_TEST_SUITE_END()
