variable "name" {
  description = "Name prefix for every resource (e.g. portico-prod)."
  type        = string
}

variable "cidr_block" {
  description = "VPC CIDR."
  type        = string
  default     = "10.0.0.0/16"
  validation {
    condition     = can(cidrhost(var.cidr_block, 0))
    error_message = "cidr_block must be an IPv4 CIDR such as 10.0.0.0/16."
  }
}

variable "azs" {
  description = "Availability zones, one public and one private subnet in each (same order as the subnet lists)."
  type        = list(string)
  validation {
    condition     = length(var.azs) >= 2
    error_message = "At least two availability zones are needed (EKS and RDS subnet groups require two)."
  }
}

variable "public_subnets" {
  description = "Public subnet CIDRs (ALB, NAT gateways), one per AZ."
  type        = list(string)
  default     = ["10.0.101.0/24", "10.0.102.0/24"]
}

variable "private_subnets" {
  description = "Private subnet CIDRs (nodes, pods, RDS), one per AZ."
  type        = list(string)
  default     = ["10.0.1.0/24", "10.0.2.0/24"]
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, dev) instead of one per AZ (prod)."
  type        = bool
  default     = false
}

variable "cluster_name" {
  description = "EKS cluster name, for the subnet discovery tags the AWS Load Balancer Controller reads."
  type        = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
