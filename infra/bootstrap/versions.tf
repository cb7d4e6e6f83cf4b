terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
  # Local state on purpose: this creates the remote state store itself. Keep terraform.tfstate
  # out of git (see .gitignore) and in a safe place; it only holds a bucket and a table.
}
