// What a file's path says about an account export: the account and region of its folder
// (flat, <region>/, accounts/<account>/<region>/, or Vpcs-<region>.json), and the ids that
// some CLI outputs carry only in their file name (a TGW route table, a prefix list).
#pragma once

#include <string>
#include <string_view>

namespace reachlint {

struct ExportContext {
  std::string account;  // empty when the layout does not say
  std::string region;
  std::string route_table;  // "tgw-rtb-…" found in the file name, if any
  std::string prefix_list;  // "pl-…" found in the file name, if any
};

ExportContext export_context(const std::string& path);

bool looks_like_region(std::string_view text);

}  // namespace reachlint
