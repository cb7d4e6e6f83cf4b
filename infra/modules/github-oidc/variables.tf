variable "role_name" {
  type = string
}

variable "create_oidc_provider" {
  description = "One token.actions.githubusercontent.com provider exists per AWS account; create it in one env only."
  type        = bool
  default     = true
}

variable "existing_oidc_provider_arn" {
  type    = string
  default = null
}

variable "github_repository" {
  description = "owner/name of the repository whose workflows may push images."
  type        = string
  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name, without wildcards."
  }
}

variable "allowed_subjects" {
  description = "Token subjects (after repo:<owner>/<name>:) allowed to assume the role, e.g. ref:refs/heads/main or environment:prod."
  type        = list(string)
  default     = ["ref:refs/heads/main"]
  validation {
    condition     = alltrue([for s in var.allowed_subjects : !strcontains(s, "*")])
    error_message = "allowed_subjects must not contain wildcards: a pull request from a fork must never get push rights."
  }
}

variable "ecr_repository_arn" {
  description = "The only repository the role may push to."
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
