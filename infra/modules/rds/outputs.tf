output "endpoint" {
  value = aws_db_instance.this.address
}

output "port" {
  value = aws_db_instance.this.port
}

output "database_name" {
  value = aws_db_instance.this.db_name
}

output "security_group_id" {
  value = aws_security_group.db.id
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret RDS manages for the master user (External Secrets reads it)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "kms_key_arn" {
  value = aws_kms_key.db.arn
}

output "postgres_ingress_source" {
  value = aws_vpc_security_group_ingress_rule.postgres_from_nodes.referenced_security_group_id
}

output "deletion_protection" {
  value = aws_db_instance.this.deletion_protection
}

output "storage_encrypted" {
  value = aws_db_instance.this.storage_encrypted
}

output "publicly_accessible" {
  value = aws_db_instance.this.publicly_accessible
}
