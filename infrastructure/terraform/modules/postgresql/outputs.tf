# What Paved shows the owner once the database is ready. The password itself is never an output:
# credentials_secret_arn says where to read it.

output "host" {
  description = "Endpoint address of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_db_instance.this.port
}

output "database" {
  description = "Database created in the instance."
  value       = aws_db_instance.this.db_name
}

output "username" {
  description = "Master user name."
  value       = aws_db_instance.this.username
}

output "credentials_secret_arn" {
  description = "AWS Secrets Manager secret holding the master user's password."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}
