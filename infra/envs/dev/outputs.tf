output "cluster_name" {
  value = module.platform.cluster_name
}

output "ecr_repository_url" {
  value = module.platform.ecr_repository_url
}

output "app_role_arn" {
  value = module.platform.app_role_arn
}

output "alb_controller_role_arn" {
  value = module.platform.alb_controller_role_arn
}

output "alb_security_group_id" {
  value = module.platform.alb_security_group_id
}

output "github_ci_role_arn" {
  value = module.platform.github_ci_role_arn
}

output "db_endpoint" {
  value = module.platform.db_endpoint
}

output "db_master_user_secret_arn" {
  value = module.platform.db_master_user_secret_arn
}
