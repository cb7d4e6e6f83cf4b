output "vpc_id" {
  value = module.vpc.vpc_id
}

output "vpc_cidr_block" {
  value = module.vpc.vpc_cidr_block
}

output "public_subnet_cidrs" {
  value = module.vpc.public_subnet_cidrs
}

output "private_subnet_cidrs" {
  value = module.vpc.private_subnet_cidrs
}

output "private_subnet_ids" {
  value = module.vpc.private_subnet_ids
}

output "nat_gateway_count" {
  value = module.vpc.nat_gateway_count
}

output "cluster_name" {
  value = module.eks.cluster_name
}

output "cluster_version" {
  value = module.eks.cluster_version
}

output "node_security_group_id" {
  value = module.eks.node_security_group_id
}

output "node_group_subnet_ids" {
  value = module.eks.node_group_subnet_ids
}

output "alb_security_group_id" {
  description = "Put on the Ingress (alb.ingress.kubernetes.io/security-groups)."
  value       = module.eks.alb_security_group_id
}

output "db_endpoint" {
  value = module.rds.endpoint
}

output "db_master_user_secret_arn" {
  value = module.rds.master_user_secret_arn
}

output "db_postgres_ingress_source" {
  value = module.rds.postgres_ingress_source
}

output "ecr_repository_url" {
  value = module.ecr.repository_url
}

output "app_role_arn" {
  description = "Annotate the app's ServiceAccount with eks.amazonaws.com/role-arn = this."
  value       = module.app_irsa.role_arn
}

output "app_role_trust_policy" {
  value = module.app_irsa.assume_role_policy
}

output "alb_controller_role_arn" {
  value = module.alb_controller.role_arn
}

output "github_ci_role_arn" {
  description = "AWS_ROLE_ARN for the image workflow."
  value       = module.github_oidc.role_arn
}

output "github_ci_trust_policy" {
  value = module.github_oidc.assume_role_policy
}

output "github_ci_push_policy" {
  value = module.github_oidc.push_policy
}

output "db_settings" {
  value = {
    deletion_protection = module.rds.deletion_protection
    storage_encrypted   = module.rds.storage_encrypted
    publicly_accessible = module.rds.publicly_accessible
  }
}
