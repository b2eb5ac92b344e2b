# A managed Redis on AWS ElastiCache for one Paved provisioning request: a replication group with
# encryption in transit and at rest, and an AUTH token generated here and kept in AWS Secrets
# Manager, so Paved never sees it (credentials_secret_arn says where it is). ElastiCache cannot
# keep the token itself (RDS can, see the PostgreSQL module), so it is also in Terraform's state:
# keep the state in an encrypted backend.

locals {
  node_type = {
    small  = "cache.t4g.small"
    medium = "cache.m7g.large"
    large  = "cache.r7g.xlarge"
  }[var.size]
  # Memory of each node type in GiB (AWS's published figures, rounded down).
  node_memory_gb = {
    small  = 1
    medium = 6
    large  = 26
  }[var.size]

  is_production = var.environment == "production"
  owner_team    = split("/", var.owner)[1]
  # ElastiCache replication group ids: at most 40 characters.
  identifier = substr("${local.owner_team}-${var.environment}-${var.name}", 0, 40)

  tags = merge(var.tags, {
    "paved.dev/owner"                = var.owner
    "paved.dev/environment"          = var.environment
    "paved.dev/provisioning-request" = var.request_id
    "paved.dev/system"               = coalesce(var.system, "none")
    "paved.dev/expires-at"           = coalesce(var.expires_at, "never")
  })
}

data "aws_subnets" "cache" {
  count = length(var.subnet_ids) == 0 ? 1 : 0

  tags = {
    "paved.dev/network-tier" = "cache"
  }
}

locals {
  subnet_ids = length(var.subnet_ids) > 0 ? var.subnet_ids : data.aws_subnets.cache[0].ids
}

data "aws_subnet" "first" {
  id = local.subnet_ids[0]
}

resource "aws_elasticache_subnet_group" "this" {
  name       = local.identifier
  subnet_ids = local.subnet_ids
  tags       = local.tags
}

resource "aws_security_group" "this" {
  name_prefix = "${local.identifier}-"
  description = "Redis ${var.name} (${var.environment}) of ${var.owner}"
  vpc_id      = data.aws_subnet.first.vpc_id
  tags        = local.tags

  ingress {
    description     = "Redis from the allowed security groups"
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = var.allowed_security_group_ids
  }
}

resource "random_password" "auth_token" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "auth_token" {
  name_prefix = "paved/redis/${local.identifier}-"
  description = "AUTH token of Redis ${var.name} (${var.environment}) of ${var.owner}"
  tags        = local.tags
}

resource "aws_secretsmanager_secret_version" "auth_token" {
  secret_id     = aws_secretsmanager_secret.auth_token.id
  secret_string = random_password.auth_token.result
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = local.identifier
  description                = "Redis ${var.name} (${var.environment}) of ${var.owner}, managed by Paved"
  engine                     = "redis"
  engine_version             = var.engine_version
  node_type                  = local.node_type
  port                       = 6379
  num_cache_clusters         = local.is_production ? 2 : 1
  automatic_failover_enabled = local.is_production
  multi_az_enabled           = local.is_production
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = random_password.auth_token.result
  snapshot_retention_limit   = local.is_production ? 7 : 0
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.this.id]
  tags                       = local.tags

  lifecycle {
    precondition {
      condition     = var.memory_gb <= local.node_memory_gb
      error_message = "memory_gb (${var.memory_gb}) exceeds the ${local.node_memory_gb} GiB of size ${var.size}; request a larger size."
    }
  }
}
