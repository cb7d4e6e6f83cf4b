mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  role_name         = "portico-test-app"
  oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC"
  oidc_issuer_url   = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC"
  namespace         = "portico"
  service_account   = "portico"
  policy_json       = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
}

run "trusts_exactly_one_service_account" {
  command = apply
  assert {
    condition     = jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub"] == "system:serviceaccount:portico:portico"
    error_message = "The trust subject must be the exact service account."
  }
  assert {
    condition     = jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud"] == "sts.amazonaws.com"
    error_message = "The audience must be sts.amazonaws.com."
  }
  assert {
    condition     = jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Principal.Federated == var.oidc_provider_arn && jsondecode(aws_iam_role.this.assume_role_policy).Statement[0].Action == "sts:AssumeRoleWithWebIdentity"
    error_message = "Only the cluster's OIDC provider may federate into the role."
  }
}

run "rejects_wildcard_service_account" {
  command = plan
  variables {
    service_account = "*"
  }
  expect_failures = [var.service_account]
}
