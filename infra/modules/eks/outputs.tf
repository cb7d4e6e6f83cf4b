output "cluster_name" {
  value = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "cluster_version" {
  value = aws_eks_cluster.this.version
}

output "node_security_group_id" {
  description = "The EKS cluster security group, which managed nodes (and their pods) carry."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "alb_security_group_id" {
  value = aws_security_group.alb.id
}

output "oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer_url" {
  value = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

output "node_group_subnet_ids" {
  value = aws_eks_node_group.default.subnet_ids
}
