# Inputs of the platform's Redis module. Paved's terraform provider reads this file to check every
# module call it renders for a Redis request (unknown argument, missing required argument, wrong
# type), so keep types precise and give optional inputs a default.

variable "name" {
  description = "Cache name, unique per owner and environment (a lowercase DNS label)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.name))
    error_message = "name must be a lowercase DNS label of at most 63 characters."
  }
}

variable "owner" {
  description = "Backstage entity ref of the owning group, e.g. group:default/payments."
  type        = string

  validation {
    condition     = can(regex("^group:[a-z0-9][-a-z0-9]*/[a-z0-9][-a-z0-9.]*$", var.owner))
    error_message = "owner must be a group entity ref such as group:default/payments."
  }
}

variable "system" {
  description = "Backstage entity ref of the system the cache belongs to."
  type        = string
  default     = null
}

variable "environment" {
  description = "Deployment environment: production gets a replica with automatic failover and snapshots."
  type        = string

  validation {
    condition     = contains(["development", "staging", "production", "ephemeral"], var.environment)
    error_message = "environment must be one of development, staging, production, ephemeral."
  }
}

variable "size" {
  description = "T-shirt size, mapped to a node type in main.tf."
  type        = string

  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "size must be one of small, medium, large."
  }
}

variable "memory_gb" {
  description = "Memory the team asked for in GiB (the request's storageGB); checked against the node type in main.tf."
  type        = number

  validation {
    condition     = var.memory_gb >= 1 && var.memory_gb <= 1024 && floor(var.memory_gb) == var.memory_gb
    error_message = "memory_gb must be a whole number between 1 and 1024."
  }
}

variable "engine_version" {
  description = "Redis version."
  type        = string
  default     = "7.0"

  validation {
    condition     = contains(["6.2", "7.0", "7.1", "7.2"], var.engine_version)
    error_message = "engine_version must be one of 6.2, 7.0, 7.1, 7.2."
  }
}

variable "request_id" {
  description = "Id of the Paved provisioning request, tagged onto every resource for traceability."
  type        = string
}

variable "expires_at" {
  description = "For ephemeral caches, when Paved deletes it (RFC 3339); only tagged."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Private subnets for the cache subnet group; empty uses the subnets tagged paved.dev/network-tier=cache."
  type        = list(string)
  default     = []
}

variable "allowed_security_group_ids" {
  description = "Security groups whose members may connect on the Redis port."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
