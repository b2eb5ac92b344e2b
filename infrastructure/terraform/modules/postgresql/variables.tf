# Inputs of the platform's PostgreSQL module. Paved's terraform provider reads this file to check
# every module call it renders (unknown argument, missing required argument, wrong type), so keep
# types precise and give optional inputs a default.

variable "name" {
  description = "Database name, unique per owner and environment (a lowercase DNS label)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", var.name))
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
  description = "Backstage entity ref of the system the database belongs to."
  type        = string
  default     = null
}

variable "environment" {
  description = "Deployment environment: production gets Multi-AZ, backups and deletion protection."
  type        = string

  validation {
    condition     = contains(["development", "staging", "production", "ephemeral"], var.environment)
    error_message = "environment must be one of development, staging, production, ephemeral."
  }
}

variable "size" {
  description = "T-shirt size, mapped to an instance class in main.tf."
  type        = string

  validation {
    condition     = contains(["small", "medium", "large"], var.size)
    error_message = "size must be one of small, medium, large."
  }
}

variable "storage_gb" {
  description = "Allocated storage in GiB."
  type        = number

  validation {
    condition     = var.storage_gb >= 5 && var.storage_gb <= 16384 && floor(var.storage_gb) == var.storage_gb
    error_message = "storage_gb must be a whole number between 5 and 16384."
  }
}

variable "engine_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"

  validation {
    condition     = contains(["13", "14", "15", "16", "17"], var.engine_version)
    error_message = "engine_version must be one of 13, 14, 15, 16, 17."
  }
}

variable "request_id" {
  description = "Id of the Paved provisioning request, tagged onto every resource for traceability."
  type        = string
}

variable "expires_at" {
  description = "For ephemeral databases, when Paved deletes it (RFC 3339); only tagged."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group; empty uses the subnets tagged paved.dev/network-tier=database."
  type        = list(string)
  default     = []
}

variable "allowed_security_group_ids" {
  description = "Security groups whose members may connect on the PostgreSQL port."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "snapshots" {
  description = "Identifiers of the manual RDS snapshots Paved took of this database, one aws_db_snapshot each; dropping one deletes that snapshot."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.snapshots : can(regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", s)) && length(s) <= 255])
    error_message = "Each snapshot identifier starts with a letter and has letters, digits and single hyphens only."
  }
}

variable "restore_from_snapshot" {
  description = "A snapshot identifier to restore: RDS restores only into a new instance, so changing it replaces the instance (same identifier and endpoint) with one holding the snapshot's content."
  type        = string
  default     = null
}
