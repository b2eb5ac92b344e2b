# A managed PostgreSQL on AWS RDS for one Paved provisioning request.
# The master password is generated and kept by RDS in AWS Secrets Manager
# (manage_master_user_password), so it never appears in Terraform state or in Paved.

locals {
  instance_class = {
    small  = "db.t4g.small"
    medium = "db.m6g.large"
    large  = "db.r6g.xlarge"
  }[var.size]

  is_production = var.environment == "production"
  owner_team    = split("/", var.owner)[1]
  identifier    = "${local.owner_team}-${var.environment}-${var.name}"

  tags = merge(var.tags, {
    "paved.dev/owner"                = var.owner
    "paved.dev/environment"          = var.environment
    "paved.dev/provisioning-request" = var.request_id
    "paved.dev/system"               = coalesce(var.system, "none")
    "paved.dev/expires-at"           = coalesce(var.expires_at, "never")
  })
}

data "aws_subnets" "database" {
  count = length(var.subnet_ids) == 0 ? 1 : 0

  tags = {
    "paved.dev/network-tier" = "database"
  }
}

data "aws_subnet" "first" {
  id = local.subnet_ids[0]
}

locals {
  subnet_ids = length(var.subnet_ids) > 0 ? var.subnet_ids : data.aws_subnets.database[0].ids
}

resource "aws_db_subnet_group" "this" {
  name       = local.identifier
  subnet_ids = local.subnet_ids
  tags       = local.tags
}

resource "aws_security_group" "this" {
  name        = "${local.identifier}-postgresql"
  description = "PostgreSQL access for ${local.identifier}"
  vpc_id      = data.aws_subnet.first.vpc_id
  tags        = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "postgresql" {
  for_each = toset(var.allowed_security_group_ids)

  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_db_instance" "this" {
  identifier     = local.identifier
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = local.instance_class

  allocated_storage = var.storage_gb
  storage_type      = "gp3"
  storage_encrypted = true

  # RDS database names may not contain '-'.
  db_name                     = replace(var.name, "-", "_")
  username                    = "paved_admin"
  manage_master_user_password = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false

  multi_az                  = local.is_production
  backup_retention_period   = local.is_production ? 7 : (var.environment == "staging" ? 3 : 1)
  deletion_protection       = local.is_production
  skip_final_snapshot       = !local.is_production
  final_snapshot_identifier = local.is_production ? "${local.identifier}-final" : null

  # Set by a Paved restore. snapshot_identifier forces a new instance, so the plan shows the
  # replacement; the new one keeps the identifier (and the endpoint) and has the snapshot's content.
  snapshot_identifier = var.restore_from_snapshot

  auto_minor_version_upgrade = true
  apply_immediately          = !local.is_production

  tags = local.tags
}

# Manual snapshots taken through Paved (snapshot operations, and the safety snapshot of a
# restore). Manual snapshots outlive the instance: replacing it in a restore keeps them.
resource "aws_db_snapshot" "paved" {
  for_each = toset(var.snapshots)

  db_instance_identifier = aws_db_instance.this.identifier
  db_snapshot_identifier = each.value
  tags                   = local.tags
}
