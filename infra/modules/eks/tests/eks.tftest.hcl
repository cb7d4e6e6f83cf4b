mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  cluster_name         = "portico-test"
  vpc_id               = "vpc-0123456789abcdef0"
  vpc_cidr_block       = "10.0.0.0/16"
  private_subnet_ids   = ["subnet-private-a", "subnet-private-b"]
  admin_principal_arns = ["arn:aws:iam::123456789012:role/Admin"]
}

run "cluster_nodes_access_entries" {
  command = apply

  assert {
    condition     = aws_eks_cluster.this.version == "1.35"
    error_message = "Default Kubernetes version must be 1.35."
  }
  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API" && aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions == false
    error_message = "Cluster access must be through access entries only, with no implicit creator admin."
  }
  assert {
    condition     = aws_eks_access_policy_association.admin["arn:aws:iam::123456789012:role/Admin"].policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    error_message = "Admins get AmazonEKSClusterAdminPolicy through an access entry."
  }
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == false && aws_eks_cluster.this.vpc_config[0].endpoint_private_access == true
    error_message = "Without admin CIDRs the API endpoint is private only."
  }
  assert {
    condition     = toset(aws_eks_node_group.default.subnet_ids) == toset(var.private_subnet_ids)
    error_message = "Managed nodes must run in the private subnets."
  }
  assert {
    condition     = aws_launch_template.node.metadata_options[0].http_tokens == "required" && aws_launch_template.node.metadata_options[0].http_put_response_hop_limit == 1
    error_message = "IMDSv2 with hop limit 1, so pods cannot use the node role."
  }
  assert {
    condition     = aws_launch_template.node.block_device_mappings[0].ebs[0].encrypted == "true"
    error_message = "Node volumes must be encrypted."
  }
  assert {
    condition     = length(aws_eks_cluster.this.encryption_config) == 1 && contains(aws_eks_cluster.this.encryption_config[0].resources, "secrets")
    error_message = "Kubernetes Secrets must be envelope-encrypted with KMS."
  }
  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.alb_public : r.from_port]) == toset([80, 443]) && alltrue([for r in aws_vpc_security_group_ingress_rule.alb_public : r.cidr_ipv4 == "0.0.0.0/0" && r.from_port == r.to_port])
    error_message = "The ALB admits the internet on 80 and 443 only."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.nodes_from_alb.referenced_security_group_id == aws_security_group.alb.id && aws_vpc_security_group_ingress_rule.nodes_from_alb.cidr_ipv4 == null && aws_vpc_security_group_ingress_rule.nodes_from_alb.from_port == 3000
    error_message = "Pods are reachable on 3000 from the ALB's security group only."
  }
  assert {
    condition     = aws_vpc_security_group_egress_rule.alb_to_vpc.cidr_ipv4 == "10.0.0.0/16"
    error_message = "The ALB may only talk to targets inside the VPC."
  }
}

run "accepts_1_36" {
  command = plan
  variables {
    kubernetes_version = "1.36"
  }
  assert {
    condition     = aws_eks_cluster.this.version == "1.36"
    error_message = "1.36 is supported."
  }
}

run "rejects_1_28" {
  command = plan
  variables {
    kubernetes_version = "1.28"
  }
  expect_failures = [var.kubernetes_version]
}

run "rejects_world_open_api_endpoint" {
  command = plan
  variables {
    endpoint_public_access_cidrs = ["0.0.0.0/0"]
  }
  expect_failures = [var.endpoint_public_access_cidrs]
}
