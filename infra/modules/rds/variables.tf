variable "identifier" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "allowed_security_group_id" {
  description = "The only security group admitted on 5432: the EKS node/cluster security group."
  type        = string
}

variable "engine_version" {
  description = "PostgreSQL major version (RDS picks the newest minor and upgrades minors automatically)."
  type        = string
  default     = "17"
}

variable "instance_class" {
  type    = string
  default = "db.t4g.medium"
}

variable "allocated_storage_gib" {
  type    = number
  default = 50
}

variable "max_allocated_storage_gib" {
  type    = number
  default = 200
}

variable "database_name" {
  type    = string
  default = "portico"
}

variable "master_username" {
  type    = string
  default = "portico"
}

variable "multi_az" {
  type    = bool
  default = true
}

variable "backup_retention_days" {
  type    = number
  default = 14
  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 1-35: automated backups may not be turned off."
  }
}

variable "deletion_protection" {
  type    = bool
  default = true
}

variable "skip_final_snapshot" {
  description = "Only for throwaway environments; prod keeps a final snapshot."
  type        = bool
  default     = false
}

variable "tags" {
  type    = map(string)
  default = {}
}
