variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "oidc_issuer_url" {
  description = "The cluster's OIDC issuer (https://oidc.eks.<region>.amazonaws.com/id/<id>)."
  type        = string
}

variable "namespace" {
  type = string
}

variable "service_account" {
  type = string
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.service_account))
    error_message = "service_account must be one exact Kubernetes name (no wildcards): the role is bound to exactly that account."
  }
}

variable "policy_json" {
  description = "Inline permissions policy (jsonencode()); null for a role that only attaches managed policies."
  type        = string
  default     = null
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
