// Where a plan's resources are written. A plan carries no line numbers; its configuration does
// not name its files either. Each resource address (`module.net.aws_subnet.a[0]`) is found as
// the `resource "aws_subnet" "a"` block in the .tf files of its module: the root module is the
// plan's directory, or --srcroot, whichever declares the plan's resources; a child module is
// the directory its call's local `source` ("./modules/net") names from its parent's, or the one
// `terraform init` put it in (.terraform/modules/modules.json) for registry and remote sources.
// A resource not found keeps its place in the plan (its JSON pointer).
#pragma once

#include <string>

#include "linter/ingest/common/input_format.h"
#include "linter/ingest/terraform/plan.h"

namespace reachlint::terraform {

// Sets PlanResource::source (and source_attributes) of the resources found; the .tf files are
// read through the loader, once per run however many plans share them.
void locate_in_configuration(Plan& plan, const std::string& plan_path, LoaderAccess& loader);

}  // namespace reachlint::terraform
