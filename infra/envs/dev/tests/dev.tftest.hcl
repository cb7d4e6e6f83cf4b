# Offline: a mocked AWS provider, so `terraform test` needs no credentials or network.
# `command = apply` (against the mock) makes computed values such as ARNs known.
mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  aws_account_id    = "123456789012"
  github_repository = "larkspur/portico"
}

run "dev_network_cluster_database" {
  command = apply

  assert {
    condition     = module.platform.vpc_cidr_block == "10.0.0.0/16"
    error_message = "The VPC must be 10.0.0.0/16."
  }
  assert {
    condition     = tolist(module.platform.public_subnet_cidrs) == tolist(["10.0.101.0/24", "10.0.102.0/24"])
    error_message = "Public subnets must be 10.0.101.0/24 and 10.0.102.0/24."
  }
  assert {
    condition     = tolist(module.platform.private_subnet_cidrs) == tolist(["10.0.1.0/24", "10.0.2.0/24"])
    error_message = "Private subnets must be 10.0.1.0/24 and 10.0.2.0/24."
  }
  assert {
    condition     = module.platform.nat_gateway_count == 1
    error_message = "Dev uses a single NAT gateway."
  }
  assert {
    condition     = contains(["1.35", "1.36"], module.platform.cluster_version)
    error_message = "EKS must run a supported Kubernetes version."
  }
  assert {
    condition     = toset(module.platform.node_group_subnet_ids) == toset(module.platform.private_subnet_ids)
    error_message = "Managed nodes must live in the private subnets only."
  }
  assert {
    condition     = !module.platform.db_settings.deletion_protection && module.platform.db_settings.storage_encrypted && !module.platform.db_settings.publicly_accessible
    error_message = "Dev's database is encrypted and private; it may be deleted."
  }
  assert {
    condition     = module.platform.db_postgres_ingress_source == module.platform.node_security_group_id
    error_message = "5432 must be admitted from the node security group only."
  }
  assert {
    condition     = jsondecode(module.platform.app_role_trust_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub"] == "system:serviceaccount:portico:portico"
    error_message = "The app role must trust exactly system:serviceaccount:portico:portico."
  }
  assert {
    condition     = length(jsondecode(module.platform.app_role_trust_policy).Statement) == 1 && !can(jsondecode(module.platform.app_role_trust_policy).Statement[0].Condition.StringLike)
    error_message = "The app role trust must be one StringEquals statement (no StringLike wildcards)."
  }
  assert {
    condition     = jsondecode(module.platform.github_ci_trust_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == ["repo:larkspur/portico:ref:refs/heads/main", "repo:larkspur/portico:environment:dev"]
    error_message = "Only main and the dev environment of larkspur/portico may assume the dev CI role."
  }
  assert {
    condition     = jsondecode(module.platform.github_ci_push_policy).Statement[1].Resource == "arn:aws:ecr:eu-west-1:123456789012:repository/portico/prod" # the shared mock ARN
    error_message = "CI may push to this environment's ECR repository only."
  }
}

run "rejects_unsupported_kubernetes_version" {
  command = plan
  variables {
    kubernetes_version = "1.28"
  }
  expect_failures = [var.kubernetes_version]
}
