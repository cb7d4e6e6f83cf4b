terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: bucket, region and dynamodb_table come from backend.hcl
  # (terraform init -backend-config=backend.hcl); see infra/README.md.
  backend "s3" {
    key          = "portico/dev/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
