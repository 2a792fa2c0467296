// Nested stacks: a template's `AWS::CloudFormation::Stack` resources name their child templates
// (CDK: the assembly file in Metadata "aws:asset:path"; otherwise TemplateURL, a local path or an
// S3 URL whose file name lies beside the parent). Each child is linted as its parent's child, once
// per resource that creates it and never on its own: its Parameters are what the parent passes
// (evaluator.cpp), and the parent's Fn::GetAtt Child.Outputs.Name is its output.
#pragma once

#include "linter/core/diagnostics.h"
#include "linter/ingest/cloudformation/template.h"
#include "linter/ingest/common/input_format.h"

namespace reachlint {

// Finds the child templates of `tmpl` (its `path` set), asks the loader for them and reports
// those that cannot be found: a CDK asset missing from the assembly is an error, a template only
// in S3 or a TemplateURL naming no file a notice.
void find_nested_templates(Template& tmpl, LoaderAccess& loader, Diagnostics& diagnostics);

// Turns the templates read (one per file) into the stacks of the run: roots in file order, each
// followed by its nested stacks, depth first, at any depth. A template nested in itself, directly
// or not, is an error.
void link_nested_stacks(TemplateSet& templates, Diagnostics& diagnostics);

}  // namespace reachlint
