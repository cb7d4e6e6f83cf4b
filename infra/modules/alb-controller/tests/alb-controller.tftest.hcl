mock_provider "aws" {
  source = "../../tests/mocks"
}

run "bound_to_the_controller_service_account" {
  command = apply
  variables {
    cluster_name      = "portico-test"
    oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"
    oidc_issuer_url   = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC"
  }
  assert {
    condition     = jsondecode(module.role.assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"] == "system:serviceaccount:kube-system:aws-load-balancer-controller"
    error_message = "The controller role trusts kube-system/aws-load-balancer-controller only."
  }
}
