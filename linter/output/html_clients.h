// A file system's clients in the HTML report: each client group's verdict from its walk, counted,
// with the clients' ids behind counts that expand (organisations have thousands).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "linter/analysis/analysis.h"

namespace reachlint::output::html {

enum class ClientVerdict : uint8_t {
  Broken,      // a hop that is reported fails
  Unknown,     // a hop could not be evaluated statically
  Reaches,     // both ways, every hop passes
  Unreported,  // a client seen only from broad evidence whose path is not one-way: not judged
};
inline constexpr size_t kClientVerdicts = 4;
inline constexpr size_t kEvidences = 3;

struct ClientTally {
  std::array<size_t, kClientVerdicts> count{};
  size_t total = 0;
  // The members' ids by verdict and evidence (analysis::Evidence), sorted.
  std::array<std::array<std::vector<std::string_view>, kEvidences>, kClientVerdicts> ids;
};

ClientTally tally_clients(const analysis::FileSystemAnalysis& analysis);

// "74 clients: 2 broken, 72 reach it both ways", the counts coloured by verdict.
std::string client_counts(const ClientTally& tally);
// A page names at most this many clients and counts the rest: an organisation's 20,000 are all
// named, while an audit where every file system admits 10.0.0.0/8 has hundreds of thousands.
inline constexpr size_t kClientIdsNamed = 25000;

// A table of verdict, evidence and the clients, long lists as counts that expand; names at most
// `names_left` ids (and takes them from it).
std::string client_table(const ClientTally& tally, size_t& names_left);

}  // namespace reachlint::output::html
