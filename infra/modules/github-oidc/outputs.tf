output "role_arn" {
  value = aws_iam_role.ci.arn
}

output "assume_role_policy" {
  value = aws_iam_role.ci.assume_role_policy
}

output "push_policy" {
  value = aws_iam_role_policy.push.policy
}

output "oidc_provider_arn" {
  value = local.provider_arn
}
