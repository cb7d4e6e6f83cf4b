mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  role_name          = "portico-test-ci"
  github_repository  = "larkspur/portico"
  ecr_repository_arn = "arn:aws:ecr:eu-west-1:123456789012:repository/portico/test"
}

run "main_branch_pushes_to_one_repository" {
  command = apply
  assert {
    condition     = jsondecode(aws_iam_role.ci.assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == ["repo:larkspur/portico:ref:refs/heads/main"]
    error_message = "Only main of the repository may assume the role."
  }
  assert {
    condition     = jsondecode(aws_iam_role.ci.assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com"
    error_message = "Audience must be sts.amazonaws.com."
  }
  assert {
    condition     = jsondecode(aws_iam_role_policy.push.policy).Statement[1].Resource == var.ecr_repository_arn && contains(jsondecode(aws_iam_role_policy.push.policy).Statement[1].Action, "ecr:PutImage")
    error_message = "Push rights on exactly the given repository."
  }
  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.push.policy).Statement : s if s.Resource == "*"]) == 1 && jsondecode(aws_iam_role_policy.push.policy).Statement[0].Action == "ecr:GetAuthorizationToken"
    error_message = "Only GetAuthorizationToken (which has no resource scope) may use Resource *."
  }
}

run "rejects_wildcard_subjects" {
  command = plan
  variables {
    allowed_subjects = ["ref:refs/heads/*"]
  }
  expect_failures = [var.allowed_subjects]
}
