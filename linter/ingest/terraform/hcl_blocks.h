// The top-level block headers of a Terraform configuration file (.tf, HCL native syntax): where
// each `resource "TYPE" "NAME"`, `data "TYPE" "NAME"` and `module "NAME"` block starts, and the
// literal `source` of a module call. Only what locating a plan's resources needs: comments,
// quoted strings (with their `${...}` interpolations) and heredocs are skipped, so that a
// `resource "` inside them is not a block; nothing else of HCL is understood.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace reachlint::terraform {

struct HclBlock {
  std::string_view type;                 // "resource", "data", "module", "variable" ...
  std::vector<std::string_view> labels;  // literal labels; empty when written with escapes
  uint32_t offset = 0;                   // of the type keyword
  std::string_view source;               // a module block's `source = "..."`, when literal
  // The attributes written directly in its body (`vpc_id = ...`), with the offset of each name.
  std::vector<std::pair<std::string_view, uint32_t>> attributes;
};

// The top-level blocks of `text`, in order. Text that is not HCL gives what could be read of
// it, never an error: a block whose header is not found is located in the plan instead.
std::vector<HclBlock> scan_hcl_blocks(std::string_view text);

}  // namespace reachlint::terraform
