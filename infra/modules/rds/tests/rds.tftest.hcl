mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  identifier                = "portico-test"
  vpc_id                    = "vpc-0123456789abcdef0"
  private_subnet_ids        = ["subnet-private-a", "subnet-private-b"]
  allowed_security_group_id = "sg-nodes0123456789"
}

run "encrypted_private_backed_up" {
  command = apply

  assert {
    condition     = aws_db_instance.this.storage_encrypted == true && aws_db_instance.this.kms_key_id == aws_kms_key.db.arn
    error_message = "Storage must be encrypted with the module's KMS key."
  }
  assert {
    condition     = aws_db_instance.this.publicly_accessible == false
    error_message = "The database must not be publicly accessible."
  }
  assert {
    condition     = aws_db_instance.this.engine == "postgres" && aws_db_instance.this.port == 5432
    error_message = "PostgreSQL on 5432."
  }
  assert {
    condition     = aws_db_instance.this.backup_retention_period >= 7 && aws_db_instance.this.deletion_protection == true && aws_db_instance.this.skip_final_snapshot == false
    error_message = "Backups, deletion protection and a final snapshot are on by default."
  }
  assert {
    condition     = aws_db_instance.this.manage_master_user_password == true && aws_db_instance.this.password == null
    error_message = "No static password: RDS manages the master secret in Secrets Manager."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.postgres_from_nodes.referenced_security_group_id == "sg-nodes0123456789" && aws_vpc_security_group_ingress_rule.postgres_from_nodes.cidr_ipv4 == null && aws_vpc_security_group_ingress_rule.postgres_from_nodes.cidr_ipv6 == null
    error_message = "5432's only source is the node security group: no CIDR."
  }
  assert {
    condition     = aws_vpc_security_group_ingress_rule.postgres_from_nodes.from_port == 5432 && aws_vpc_security_group_ingress_rule.postgres_from_nodes.to_port == 5432
    error_message = "The rule opens 5432 only."
  }
  assert {
    condition     = aws_db_instance.this.vpc_security_group_ids == toset([aws_security_group.db.id])
    error_message = "The instance carries only the database security group."
  }
  assert {
    condition     = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "rds.force_ssl"]) == "1"
    error_message = "Connections must use TLS."
  }
}

run "backups_cannot_be_disabled" {
  command = plan
  variables {
    backup_retention_days = 0
  }
  expect_failures = [var.backup_retention_days]
}
