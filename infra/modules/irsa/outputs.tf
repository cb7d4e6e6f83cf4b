output "role_arn" {
  value = aws_iam_role.this.arn
}

output "role_name" {
  value = aws_iam_role.this.name
}

output "assume_role_policy" {
  value = aws_iam_role.this.assume_role_policy
}

output "service_account_subject" {
  value = "system:serviceaccount:${var.namespace}:${var.service_account}"
}
