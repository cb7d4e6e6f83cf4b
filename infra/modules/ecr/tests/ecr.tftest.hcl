mock_provider "aws" {
  source = "../../tests/mocks"
}

run "immutable_and_scanned" {
  command = apply
  variables {
    name = "portico/test"
  }
  assert {
    condition     = aws_ecr_repository.this.image_tag_mutability == "IMMUTABLE"
    error_message = "Tags must be immutable."
  }
  assert {
    condition     = aws_ecr_repository.this.image_scanning_configuration[0].scan_on_push == true
    error_message = "Images must be scanned on push."
  }
  assert {
    condition     = aws_ecr_repository.this.encryption_configuration[0].encryption_type == "KMS"
    error_message = "Images must be KMS-encrypted."
  }
}
