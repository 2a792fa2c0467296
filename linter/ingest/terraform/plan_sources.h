// Where a plan's resources are written. A plan carries no line numbers; its configuration does
// not name its files either. Each resource address (`module.net.aws_subnet.a[0]`) is found as
// the `resource "aws_subnet" "a"` block in the .tf files of its module: the root module is the
// plan's directory when it declares the plan's resources, else the folder under --srcroot that
// declares most of them; a child module is the directory its call's local `source`
// ("./modules/net") names from its parent's, or the one `terraform init` put it in
// (.terraform/modules/modules.json) for registry and remote sources.
// A resource not found keeps its place in the plan (its JSON pointer).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "linter/ingest/common/input_format.h"
#include "linter/ingest/terraform/plan.h"

namespace reachlint::terraform {

// What the .tf files of each directory declare, read once per run: the plans of several
// environments share one configuration.
class ConfigurationFiles {
 public:
  struct Block {
    Location where;
    std::vector<std::pair<std::string_view, Location>> attributes;
  };
  struct Module {
    std::unordered_map<std::string, Block>
        blocks;  // "aws_subnet.a", "data.aws_vpc.x", "module.net"
    std::unordered_map<std::string, std::string_view> calls;  // module call -> its literal source
  };
  const Module& read(const std::string& dir, LoaderAccess& loader);

 private:
  std::map<std::string, Module> modules_;  // by directory
};

// Sets PlanResource::source (and source_attributes) of the resources found.
void locate_in_configuration(Plan& plan, const std::string& plan_path, LoaderAccess& loader,
                             ConfigurationFiles& files);

}  // namespace reachlint::terraform
