# A fuzz seed: HCL that the block scanner (linter/ingest/terraform/hcl_blocks.cpp) must skip, next
# to the resources of main.tf. No resource is declared here, so the plan is the same with it:
# resource "aws_vpc" "in_a_comment" {
// resource "aws_subnet" "in_a_slash_comment" {
/* resource "aws_route_table" "in_a_block_comment" {
   } */

locals {
  user_data     = <<-EOT
    #!/bin/sh
    resource "aws_instance" "in_a_heredoc" {
    echo "${local.escaped}" > /etc/motd
  EOT
  plain_heredoc = <<EOF
resource "aws_vpc" "in_a_plain_heredoc" {
EOF
  quoted        = "resource \"aws_vpc\" \"in_a_string\" { ${join(",", ["}", "{"])} %{if true}yes%{endif}"
  nested        = "x${lookup({ a = "${upper("b")}" }, "a", "}")}"
  escaped       = "$${not_an_interpolation} %%{not_a_directive}"
}
