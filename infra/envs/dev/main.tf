provider "aws" {
  region              = var.region
  allowed_account_ids = [var.aws_account_id]
  default_tags {
    tags = { Project = "portico", Environment = "dev" }
  }
}

variable "existing_github_oidc_provider_arn" {
  description = "Set when dev shares an account with prod (the GitHub OIDC provider exists once per account)."
  type        = string
  default     = null
}

module "platform" {
  source                            = "../../modules/platform"
  environment                       = "dev"
  azs                               = var.azs
  vpc_cidr                          = "10.0.0.0/16"
  public_subnets                    = ["10.0.101.0/24", "10.0.102.0/24"]
  private_subnets                   = ["10.0.1.0/24", "10.0.2.0/24"]
  single_nat_gateway                = true
  kubernetes_version                = var.kubernetes_version
  endpoint_public_access_cidrs      = var.endpoint_public_access_cidrs
  admin_principal_arns              = var.admin_principal_arns
  node_instance_types               = ["t3.large"]
  node_min_size                     = 2
  node_desired_size                 = 2
  node_max_size                     = 3
  db_instance_class                 = "db.t4g.medium"
  db_multi_az                       = false
  db_backup_retention_days          = 3
  db_deletion_protection            = false
  db_skip_final_snapshot            = true
  github_repository                 = var.github_repository
  github_allowed_subjects           = ["ref:refs/heads/main", "environment:dev"]
  create_github_oidc_provider       = var.existing_github_oidc_provider_arn == null
  existing_github_oidc_provider_arn = var.existing_github_oidc_provider_arn
}
