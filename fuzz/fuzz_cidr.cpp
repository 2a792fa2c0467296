// CIDR parsing and the prefix arithmetic built on it. The input is lines: each is parsed with
// Cidr::parse and Cidr::parse_address, and what parses must round-trip through str() /
// format_address. A line starting with '-' is a hole of the address set. The first prefix is the
// query; the others are the address set's blocks and the entries of a CidrIndex, whose answers
// (containing, inside) are compared with a brute-force scan, and coverage() is checked against
// its definition when the set has no holes. Any disagreement aborts: it is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "linter/analysis/address_set.h"
#include "linter/analysis/cidr_index.h"
#include "linter/core/cidr.h"

using namespace reachlint;

namespace {

[[noreturn]] void fail(const char* what, std::string_view line) {
  std::fprintf(stderr, "fuzz_cidr: %s (input line '%.*s')\n", what, static_cast<int>(line.size()),
               line.data());
  std::abort();
}

void check(bool ok, const char* what, std::string_view line) {
  if (!ok) fail(what, line);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Cidr> blocks;
  std::vector<Cidr> holes;
  int lines = 0;
  while (!text.empty() && lines++ < 64) {
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const bool hole = line.starts_with('-');
    if (hole) line.remove_prefix(1);

    if (const auto address = Cidr::parse_address(line)) {
      const std::string formatted = format_address(*address);
      check(formatted == line, "parse_address accepted a non-canonical address", line);
      check(Cidr::parse_address(formatted) == address, "format_address does not round-trip", line);
    }
    const auto cidr = Cidr::parse(line);
    if (!cidr) continue;
    check(cidr->length() <= 32, "prefix length over 32", line);
    const auto again = Cidr::parse(cidr->str());
    check(again && *again == *cidr, "str() does not round-trip", line);
    check(cidr->first() <= cidr->last(), "first() after last()", line);
    check(uint64_t{cidr->last()} - cidr->first() + 1 == cidr->size(), "size() != last-first+1",
          line);
    check(cidr->contains(*cidr) && cidr->contains(cidr->first()) && cidr->contains(cidr->last()),
          "a prefix does not contain itself", line);
    check((cidr->address() & ~cidr->mask()) == 0, "address not masked", line);
    (hole ? holes : blocks).push_back(*cidr);
  }
  if (blocks.empty()) return 0;

  const Cidr query = blocks.front();
  const std::vector<Cidr> set_blocks(blocks.begin() + 1, blocks.end());
  analysis::CidrIndex<size_t> index;
  for (size_t i = 0; i < set_blocks.size(); ++i) index.add(set_blocks[i], i);
  index.sort();
  size_t containing = 0;
  size_t inside = 0;
  index.containing(query, [&](const Cidr& c, size_t i) {
    check(c == set_blocks[i] && c.contains(query), "containing() visited a wrong entry", "");
    ++containing;
  });
  index.inside(query, [&](const Cidr& c, size_t i) {
    check(c == set_blocks[i] && query.contains(c) && c != query, "inside() visited a wrong entry",
          "");
    ++inside;
  });
  size_t expect_containing = 0;
  size_t expect_inside = 0;
  for (const Cidr& c : set_blocks) {
    expect_containing += c.contains(query) ? 1 : 0;
    expect_inside += query.contains(c) && c.length() > query.length() ? 1 : 0;
    check(c.overlaps(query) == query.overlaps(c), "overlaps() is not symmetric", "");
  }
  check(containing == expect_containing, "containing() missed entries", "");
  check(inside == expect_inside, "inside() missed entries", "");

  const analysis::AddressSet set{set_blocks, holes};
  const analysis::Coverage coverage = analysis::coverage(query, set);
  fuzz::consume(set.str());
  if (holes.empty() && !set_blocks.empty()) {
    bool all_inside = true;
    bool none_overlap = true;
    for (const Cidr& c : set_blocks) {
      all_inside = all_inside && query.contains(c);
      none_overlap = none_overlap && !query.overlaps(c);
    }
    const analysis::Coverage expected = all_inside     ? analysis::Coverage::Full
                                        : none_overlap ? analysis::Coverage::None
                                                       : analysis::Coverage::Partial;
    check(coverage == expected, "coverage() disagrees with its definition", "");
    check(analysis::inside_any(set, {query}) == all_inside, "inside_any() disagrees", "");
  }
  return 0;
}
