variable "aws_account_id" {
  description = "The only account this environment may be applied to (guards against the wrong profile)."
  type        = string
  validation {
    condition     = can(regex("^[0-9]{12}$", var.aws_account_id))
    error_message = "aws_account_id must be 12 digits."
  }
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "azs" {
  description = "Two availability zones of the region."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b"]
}

variable "kubernetes_version" {
  description = "EKS Kubernetes minor version; only versions in EKS standard support (1.35, 1.36)."
  type        = string
  default     = "1.35"
  validation {
    condition     = contains(["1.35", "1.36"], var.kubernetes_version)
    error_message = "kubernetes_version must be 1.35 or 1.36 (in EKS standard support); 1.28 and older are past end of support."
  }
}

variable "github_repository" {
  type = string
}

variable "admin_principal_arns" {
  description = "Cluster admins (EKS access entries), e.g. the SSO admin role ARN."
  type        = list(string)
  default     = []
}

variable "endpoint_public_access_cidrs" {
  type    = list(string)
  default = []
}
