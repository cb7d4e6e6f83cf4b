output "role_arn" {
  value = module.role.role_arn
}

output "assume_role_policy" {
  value = module.role.assume_role_policy
}
