mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name         = "portico-test"
  cluster_name = "portico-test"
  azs          = ["eu-west-1a", "eu-west-1b"]
}

run "default_cidrs_two_azs_nat_per_az" {
  command = apply

  assert {
    condition     = aws_vpc.this.cidr_block == "10.0.0.0/16"
    error_message = "VPC CIDR must default to 10.0.0.0/16."
  }
  assert {
    condition     = [for s in aws_subnet.public : s.cidr_block] == ["10.0.101.0/24", "10.0.102.0/24"]
    error_message = "Public subnets must be 10.0.101.0/24 and 10.0.102.0/24."
  }
  assert {
    condition     = [for s in aws_subnet.private : s.cidr_block] == ["10.0.1.0/24", "10.0.2.0/24"]
    error_message = "Private subnets must be 10.0.1.0/24 and 10.0.2.0/24."
  }
  assert {
    condition     = [for s in aws_subnet.private : s.availability_zone] == ["eu-west-1a", "eu-west-1b"] && [for s in aws_subnet.public : s.availability_zone] == ["eu-west-1a", "eu-west-1b"]
    error_message = "One public and one private subnet per AZ."
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : s.map_public_ip_on_launch == false])
    error_message = "Nothing gets a public IP by default, even in public subnets."
  }
  assert {
    condition     = length(aws_nat_gateway.this) == 2 && aws_route.private_nat[0].nat_gateway_id != aws_route.private_nat[1].nat_gateway_id
    error_message = "Each private subnet routes through the NAT gateway in its own AZ."
  }
  assert {
    condition     = alltrue([for r in aws_route.private_nat : r.gateway_id == null || r.gateway_id == ""])
    error_message = "Private subnets must not route straight to the internet gateway."
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : s.tags["kubernetes.io/role/elb"] == "1"]) && alltrue([for s in aws_subnet.private : s.tags["kubernetes.io/role/internal-elb"] == "1"])
    error_message = "Subnets need the tags the AWS Load Balancer Controller discovers them by."
  }
  assert {
    condition     = length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "The default security group must have no rules."
  }
}

run "single_nat_for_dev" {
  command = apply
  variables {
    single_nat_gateway = true
  }
  assert {
    condition     = length(aws_nat_gateway.this) == 1 && aws_route.private_nat[0].nat_gateway_id == aws_route.private_nat[1].nat_gateway_id
    error_message = "single_nat_gateway routes both private subnets through one NAT gateway."
  }
}

run "rejects_one_az" {
  command = plan
  variables {
    azs = ["eu-west-1a"]
  }
  expect_failures = [var.azs]
}
