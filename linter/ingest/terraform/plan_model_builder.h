// Turns the resources of a Terraform plan into model entities: what AWS creates by itself with
// them (a VPC's main route table, default ACL and security group; a transit gateway's default
// route table) as the template reader adds it, values known only after apply as unknowns, and
// references between resources read from the configuration's expressions.
#pragma once

#include "linter/core/diagnostics.h"
#include "linter/ingest/terraform/plan.h"
#include "linter/model/finalize.h"
#include "linter/model/model.h"

namespace reachlint {

void build_model_from_plan(const Plan& plan, model::Model& model, model::WrittenOut& written_out,
                           Diagnostics& diagnostics);

}  // namespace reachlint
