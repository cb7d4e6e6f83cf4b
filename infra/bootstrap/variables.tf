variable "aws_account_id" {
  type = string
  validation {
    condition     = can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id must be 12 digits."
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "state_bucket_name" {
  description = "Globally unique; defaults to portico-tfstate-<account id>."
  type        = string
  default     = null
}

variable "lock_table_name" {
  type    = string
  default = "portico-tflock"
}

variable "noncurrent_version_retention_days" {
  description = "How long overwritten state versions are kept for recovery."
  type        = number
  default     = 90
}
