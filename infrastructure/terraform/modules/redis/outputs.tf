# What Paved shows the owner once the cache is ready. The AUTH token itself is never an output:
# credentials_secret_arn says where to read it. Same output names as the PostgreSQL module, so the
# rendered call surfaces both alike.

output "host" {
  description = "Primary endpoint address of the replication group."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "Redis port."
  value       = aws_elasticache_replication_group.this.port
}

output "database" {
  description = "Logical database number clients use."
  value       = "0"
}

output "username" {
  description = "User the AUTH token belongs to (ElastiCache's default user)."
  value       = "default"
}

output "credentials_secret_arn" {
  description = "AWS Secrets Manager secret holding the AUTH token."
  value       = aws_secretsmanager_secret.auth_token.arn
}
