mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  environment       = "prod"
  azs               = ["eu-west-1a", "eu-west-1b"]
  github_repository = "larkspur/portico"
}

run "composition" {
  command = apply
  assert {
    condition     = output.db_postgres_ingress_source == output.node_security_group_id
    error_message = "RDS admits the EKS node security group."
  }
  assert {
    condition     = jsondecode(output.app_role_trust_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub"] == "system:serviceaccount:portico:portico"
    error_message = "The app role is bound to portico/portico."
  }
  assert {
    condition     = aws_eks_addon.this["aws-ebs-csi-driver"].service_account_role_arn == module.ebs_csi_irsa.role_arn && aws_eks_addon.this["vpc-cni"].service_account_role_arn == module.vpc_cni_irsa.role_arn
    error_message = "The CNI and EBS CSI add-ons use their own IRSA roles, not the node role."
  }
}
