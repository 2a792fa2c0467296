# A fuzz seed, not a fixture: one of each resource the plan reader knows that no fixture has
# (NAT gateway, network interface, ONTAP SVM, VPN gateway, peering, VPC endpoint, TGW route,
# prefix list entries, secondary VPC CIDR, main route table association, default ACL, group
# rules in every form). Its plan is fuzz/seeds/terraform/all-resources.json, made as
# fixtures/make_terraform_fixtures.sh makes the fixtures' plans (docs/fuzzing.md "Seeds").
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "AKIAFAKEFAKEFAKEFAKE"
  secret_key                  = "fake"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

resource "aws_vpc" "fsx" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc_ipv4_cidr_block_association" "more" {
  vpc_id     = aws_vpc.fsx.id
  cidr_block = "10.50.0.0/16"
}

resource "aws_vpc" "clients" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "fsx_a" {
  vpc_id            = aws_vpc.fsx.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_subnet" "fsx_b" {
  vpc_id            = aws_vpc.fsx.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1b"
}

resource "aws_subnet" "clients" {
  vpc_id            = aws_vpc.clients.id
  cidr_block        = "10.1.0.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_internet_gateway" "fsx" {
  vpc_id = aws_vpc.fsx.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "fsx" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.fsx_a.id
}

resource "aws_vpn_gateway" "onprem" {
  amazon_side_asn = 64512
}

resource "aws_vpn_gateway_attachment" "onprem" {
  vpc_id         = aws_vpc.fsx.id
  vpn_gateway_id = aws_vpn_gateway.onprem.id
}

resource "aws_vpc_peering_connection" "clients" {
  vpc_id      = aws_vpc.clients.id
  peer_vpc_id = aws_vpc.fsx.id
  auto_accept = true
}

resource "aws_ec2_transit_gateway" "main" {
  default_route_table_association = "disable"
  default_route_table_propagation = "disable"
}

resource "aws_ec2_transit_gateway_route_table" "main" {
  transit_gateway_id = aws_ec2_transit_gateway.main.id
}

resource "aws_ec2_transit_gateway_vpc_attachment" "fsx" {
  transit_gateway_id = aws_ec2_transit_gateway.main.id
  vpc_id             = aws_vpc.fsx.id
  subnet_ids         = [aws_subnet.fsx_a.id, aws_subnet.fsx_b.id]
}

resource "aws_ec2_transit_gateway_route" "to_fsx" {
  destination_cidr_block         = "10.0.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.main.id
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_vpc_attachment.fsx.id
}

resource "aws_ec2_transit_gateway_route" "blackhole" {
  destination_cidr_block         = "10.9.0.0/16"
  transit_gateway_route_table_id = aws_ec2_transit_gateway_route_table.main.id
  blackhole                      = true
}

resource "aws_ec2_managed_prefix_list" "clients" {
  name           = "clients"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr        = "10.1.0.0/16"
    description = "client VPC"
  }
}

resource "aws_ec2_managed_prefix_list_entry" "onprem" {
  cidr           = "192.168.0.0/16"
  prefix_list_id = aws_ec2_managed_prefix_list.clients.id
}

resource "aws_route_table" "fsx" {
  vpc_id = aws_vpc.fsx.id
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.clients.id
  }
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.fsx.id
  }
  route {
    destination_prefix_list_id = aws_ec2_managed_prefix_list.clients.id
    transit_gateway_id         = aws_ec2_transit_gateway.main.id
  }
}

resource "aws_route" "onprem" {
  route_table_id         = aws_route_table.fsx.id
  destination_cidr_block = "192.168.0.0/16"
  gateway_id             = aws_vpn_gateway.onprem.id
}

resource "aws_route" "eni" {
  route_table_id         = aws_route_table.fsx.id
  destination_cidr_block = "172.16.0.0/12"
  network_interface_id   = aws_network_interface.appliance.id
}

resource "aws_main_route_table_association" "fsx" {
  vpc_id         = aws_vpc.fsx.id
  route_table_id = aws_route_table.fsx.id
}

resource "aws_default_route_table" "clients" {
  default_route_table_id = aws_vpc.clients.default_route_table_id
  route {
    cidr_block                = "10.0.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.clients.id
  }
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.fsx.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.fsx.id]
}

resource "aws_security_group" "fsx" {
  vpc_id = aws_vpc.fsx.id
  ingress {
    from_port       = 2049
    to_port         = 2049
    protocol        = "tcp"
    cidr_blocks     = ["10.1.0.0/16", "192.168.0.0/16"]
    prefix_list_ids = [aws_ec2_managed_prefix_list.clients.id]
  }
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }
  egress {
    from_port       = 0
    to_port         = 65535
    protocol        = "tcp"
    security_groups = [aws_security_group.clients.id]
  }
}

resource "aws_security_group" "clients" {
  vpc_id = aws_vpc.clients.id
}

resource "aws_security_group_rule" "nfs" {
  type                     = "ingress"
  from_port                = 111
  to_port                  = 111
  protocol                 = "udp"
  security_group_id        = aws_security_group.fsx.id
  source_security_group_id = aws_security_group.clients.id
}

resource "aws_vpc_security_group_ingress_rule" "smb" {
  security_group_id = aws_security_group.fsx.id
  cidr_ipv4         = "10.1.0.0/16"
  from_port         = 445
  to_port           = 445
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "from_list" {
  security_group_id = aws_security_group.fsx.id
  prefix_list_id    = aws_ec2_managed_prefix_list.clients.id
  ip_protocol       = "-1"
}

resource "aws_vpc_security_group_egress_rule" "to_clients" {
  security_group_id            = aws_security_group.fsx.id
  referenced_security_group_id = aws_security_group.clients.id
  ip_protocol                  = "-1"
}

resource "aws_default_security_group" "clients" {
  vpc_id = aws_vpc.clients.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_default_network_acl" "fsx" {
  default_network_acl_id = aws_vpc.fsx.default_network_acl_id
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "10.1.0.0/16"
    from_port  = 2049
    to_port    = 2049
  }
  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}

resource "aws_network_acl" "clients" {
  vpc_id = aws_vpc.clients.id
}

resource "aws_network_acl_rule" "deny_nfs" {
  network_acl_id = aws_network_acl.clients.id
  rule_number    = 50
  egress         = true
  protocol       = "tcp"
  rule_action    = "deny"
  cidr_block     = "10.0.0.0/16"
  from_port      = 2049
  to_port        = 2049
}

resource "aws_network_acl_association" "clients" {
  network_acl_id = aws_network_acl.clients.id
  subnet_id      = aws_subnet.clients.id
}

resource "aws_network_interface" "appliance" {
  subnet_id       = aws_subnet.fsx_b.id
  security_groups = [aws_security_group.fsx.id]
}

resource "aws_instance" "client" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.clients.id
  vpc_security_group_ids = [aws_security_group.clients.id]
}

resource "aws_fsx_ontap_file_system" "fsx" {
  storage_capacity    = 1024
  subnet_ids          = [aws_subnet.fsx_a.id, aws_subnet.fsx_b.id]
  deployment_type     = "MULTI_AZ_1"
  throughput_capacity = 512
  preferred_subnet_id = aws_subnet.fsx_a.id
  route_table_ids     = [aws_route_table.fsx.id]
  endpoint_ip_address_range = "198.19.255.0/24"
  security_group_ids  = [aws_security_group.fsx.id]
}

resource "aws_fsx_ontap_storage_virtual_machine" "svm" {
  file_system_id = aws_fsx_ontap_file_system.fsx.id
  name           = "svm1"
}
