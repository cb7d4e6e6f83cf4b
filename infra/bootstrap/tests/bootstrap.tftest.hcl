mock_provider "aws" {
  source = "../tests/mocks"
}

variables {
  aws_account_id = "123456789012"
}

run "state_bucket_and_lock_table" {
  command = apply
  assert {
    condition     = aws_s3_bucket.state.bucket == "portico-tfstate-123456789012"
    error_message = "Bucket name defaults to portico-tfstate-<account>."
  }
  assert {
    condition     = aws_s3_bucket_versioning.state.versioning_configuration[0].status == "Enabled"
    error_message = "State bucket must be versioned."
  }
  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.state.rule).apply_server_side_encryption_by_default[0].sse_algorithm == "aws:kms"
    error_message = "State must be encrypted with KMS."
  }
  assert {
    condition     = aws_s3_bucket_public_access_block.state.block_public_acls && aws_s3_bucket_public_access_block.state.block_public_policy && aws_s3_bucket_public_access_block.state.ignore_public_acls && aws_s3_bucket_public_access_block.state.restrict_public_buckets
    error_message = "All public access must be blocked."
  }
  assert {
    condition     = jsondecode(aws_s3_bucket_policy.state.policy).Statement[0].Effect == "Deny" && jsondecode(aws_s3_bucket_policy.state.policy).Statement[0].Condition.Bool["aws:SecureTransport"] == "false"
    error_message = "Plain-HTTP access must be denied."
  }
  assert {
    condition     = aws_dynamodb_table.lock.hash_key == "LockID" && one([for a in aws_dynamodb_table.lock.attribute : a.type if a.name == "LockID"]) == "S"
    error_message = "The lock table needs a string LockID hash key."
  }
  assert {
    condition     = aws_dynamodb_table.lock.server_side_encryption[0].enabled && aws_dynamodb_table.lock.point_in_time_recovery[0].enabled
    error_message = "Lock table encrypted with PITR."
  }
}
