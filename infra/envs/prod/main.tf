provider "aws" {
  region              = var.region
  allowed_account_ids = [var.aws_account_id]
  default_tags {
    tags = { Project = "portico", Environment = "prod" }
  }
}

module "platform" {
  source                       = "../../modules/platform"
  environment                  = "prod"
  azs                          = var.azs
  vpc_cidr                     = "10.0.0.0/16"
  public_subnets               = ["10.0.101.0/24", "10.0.102.0/24"]
  private_subnets              = ["10.0.1.0/24", "10.0.2.0/24"]
  single_nat_gateway           = false # one NAT per AZ: losing an AZ does not cut the other's egress
  kubernetes_version           = var.kubernetes_version
  endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
  admin_principal_arns         = var.admin_principal_arns
  node_min_size                = 2
  node_desired_size            = 3
  node_max_size                = 6
  db_instance_class            = "db.m7g.large"
  db_multi_az                  = true
  db_backup_retention_days     = 14
  db_deletion_protection       = true
  db_skip_final_snapshot       = false
  github_repository            = var.github_repository
  github_allowed_subjects      = ["ref:refs/heads/main"]
  create_github_oidc_provider  = true
}
