output "state_bucket" {
  value = aws_s3_bucket.state.bucket
}

output "lock_table" {
  value = aws_dynamodb_table.lock.name
}

output "backend_hcl" {
  description = "Paste into infra/envs/<env>/backend.hcl."
  value       = "bucket         = \"${aws_s3_bucket.state.bucket}\"\nregion         = \"${var.region}\"\ndynamodb_table = \"${aws_dynamodb_table.lock.name}\"\n"
}
