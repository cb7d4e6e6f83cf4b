variable "environment" {
  type = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "name" {
  description = "Prefix for every resource name."
  type        = string
  default     = "portico"
}

variable "azs" {
  type = list(string)
}

variable "vpc_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "public_subnets" {
  type    = list(string)
  default = ["10.0.101.0/24", "10.0.102.0/24"]
}

variable "private_subnets" {
  type    = list(string)
  default = ["10.0.1.0/24", "10.0.2.0/24"]
}

variable "single_nat_gateway" {
  type    = bool
  default = false
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

variable "endpoint_public_access_cidrs" {
  type    = list(string)
  default = []
}

variable "admin_principal_arns" {
  type    = list(string)
  default = []
}

variable "readonly_principal_arns" {
  type    = list(string)
  default = []
}

variable "node_instance_types" {
  type    = list(string)
  default = ["m7i.large"]
}

variable "node_min_size" {
  type    = number
  default = 2
}

variable "node_desired_size" {
  type    = number
  default = 2
}

variable "node_max_size" {
  type    = number
  default = 4
}

variable "db_instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "db_multi_az" {
  type    = bool
  default = true
}

variable "db_backup_retention_days" {
  type    = number
  default = 14
}

variable "db_deletion_protection" {
  type    = bool
  default = true
}

variable "db_skip_final_snapshot" {
  type    = bool
  default = false
}

variable "app_namespace" {
  type    = string
  default = "portico"
}

variable "app_service_account" {
  type    = string
  default = "portico"
}

variable "github_repository" {
  type = string
}

variable "github_allowed_subjects" {
  type    = list(string)
  default = ["ref:refs/heads/main"]
}

variable "create_github_oidc_provider" {
  type    = bool
  default = true
}

variable "existing_github_oidc_provider_arn" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}
