variable "name" {
  type = string
}

variable "keep_images" {
  description = "Tagged images kept; older ones expire (rollbacks need a few, not hundreds)."
  type        = number
  default     = 50
}

variable "tags" {
  type    = map(string)
  default = {}
}
