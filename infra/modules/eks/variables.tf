variable "cluster_name" {
  type = string
}

variable "kubernetes_version" {
  description = "EKS Kubernetes minor version. Only versions in EKS standard support are accepted."
  type        = string
  default     = "1.35"
  validation {
    condition     = contains(["1.35", "1.36"], var.kubernetes_version)
    error_message = "kubernetes_version must be a version in EKS standard support: 1.35 or 1.36 (1.28 and older are past end of support)."
  }
}

variable "vpc_id" {
  type = string
}

variable "vpc_cidr_block" {
  type = string
}

variable "private_subnet_ids" {
  description = "Nodes and the control plane's network interfaces go here; nothing in public subnets."
  type        = list(string)
}

variable "endpoint_public_access_cidrs" {
  description = "Who may reach the public API endpoint (e.g. office/VPN egress). Empty = private endpoint only."
  type        = list(string)
  default     = []
  validation {
    condition     = !contains(var.endpoint_public_access_cidrs, "0.0.0.0/0")
    error_message = "The Kubernetes API must not be open to 0.0.0.0/0; list your admin CIDRs or leave it private."
  }
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

variable "node_disk_gib" {
  type    = number
  default = 50
}

variable "app_port" {
  description = "Container port the ALB forwards to (target-type ip: straight to pod IPs)."
  type        = number
  default     = 3000
}

variable "admin_principal_arns" {
  description = "IAM role/user ARNs granted cluster-admin through EKS access entries (no aws-auth ConfigMap)."
  type        = list(string)
  default     = []
}

variable "readonly_principal_arns" {
  description = "IAM principals granted the AmazonEKSViewPolicy cluster-wide."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  type    = number
  default = 90
}

variable "tags" {
  type    = map(string)
  default = {}
}
