# One environment of Portico on AWS: network, EKS, PostgreSQL, registry and the IAM roles
# the cluster's workloads and CI assume. envs/dev and envs/prod differ only in variables.
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  prefix     = "${var.name}-${var.environment}"
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id
  tags       = merge(var.tags, { Project = var.name, Environment = var.environment, ManagedBy = "terraform" })
}

module "vpc" {
  source             = "../vpc"
  name               = local.prefix
  cluster_name       = local.prefix
  cidr_block         = var.vpc_cidr
  azs                = var.azs
  public_subnets     = var.public_subnets
  private_subnets    = var.private_subnets
  single_nat_gateway = var.single_nat_gateway
  tags               = local.tags
}

module "eks" {
  source                       = "../eks"
  cluster_name                 = local.prefix
  kubernetes_version           = var.kubernetes_version
  vpc_id                       = module.vpc.vpc_id
  vpc_cidr_block               = module.vpc.vpc_cidr_block
  private_subnet_ids           = module.vpc.private_subnet_ids
  endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
  admin_principal_arns         = var.admin_principal_arns
  readonly_principal_arns      = var.readonly_principal_arns
  node_instance_types          = var.node_instance_types
  node_min_size                = var.node_min_size
  node_desired_size            = var.node_desired_size
  node_max_size                = var.node_max_size
  tags                         = local.tags
}

module "vpc_cni_irsa" {
  source              = "../irsa"
  role_name           = "${local.prefix}-vpc-cni"
  oidc_provider_arn   = module.eks.oidc_provider_arn
  oidc_issuer_url     = module.eks.oidc_issuer_url
  namespace           = "kube-system"
  service_account     = "aws-node"
  managed_policy_arns = ["arn:${local.partition}:iam::aws:policy/AmazonEKS_CNI_Policy"]
  tags                = local.tags
}

module "ebs_csi_irsa" {
  source              = "../irsa"
  role_name           = "${local.prefix}-ebs-csi"
  oidc_provider_arn   = module.eks.oidc_provider_arn
  oidc_issuer_url     = module.eks.oidc_issuer_url
  namespace           = "kube-system"
  service_account     = "ebs-csi-controller-sa"
  managed_policy_arns = ["arn:${local.partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]
  tags                = local.tags
}

resource "aws_eks_addon" "this" {
  for_each = {
    "vpc-cni"            = module.vpc_cni_irsa.role_arn
    "coredns"            = null
    "kube-proxy"         = null
    "aws-ebs-csi-driver" = module.ebs_csi_irsa.role_arn # Chroma's PersistentVolumeClaim
  }
  cluster_name                = module.eks.cluster_name
  addon_name                  = each.key
  service_account_role_arn    = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"
  tags                        = local.tags
}

module "rds" {
  source                    = "../rds"
  identifier                = local.prefix
  vpc_id                    = module.vpc.vpc_id
  private_subnet_ids        = module.vpc.private_subnet_ids
  allowed_security_group_id = module.eks.node_security_group_id
  instance_class            = var.db_instance_class
  multi_az                  = var.db_multi_az
  backup_retention_days     = var.db_backup_retention_days
  deletion_protection       = var.db_deletion_protection
  skip_final_snapshot       = var.db_skip_final_snapshot
  tags                      = local.tags
}

module "ecr" {
  source = "../ecr"
  name   = "${var.name}/${var.environment}"
  tags   = local.tags
}

# The app's own role: read its secrets (DB credentials, Gemini key, metrics token) and nothing else.
# External Secrets authenticates as the app's service account (SecretStore auth.jwt), so this one
# binding serves both.
module "app_irsa" {
  source            = "../irsa"
  role_name         = "${local.prefix}-app"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_url   = module.eks.oidc_issuer_url
  namespace         = var.app_namespace
  service_account   = var.app_service_account
  tags              = local.tags
  policy_json = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadOwnSecrets"
        Effect = "Allow"
        Action = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = [
          module.rds.master_user_secret_arn,
          "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:${var.name}/${var.environment}/*",
        ]
      },
      {
        Sid       = "DecryptThroughSecretsManagerOnly"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = module.rds.kms_key_arn
        Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${local.region}.amazonaws.com" } }
      },
    ]
  })
}

module "alb_controller" {
  source            = "../alb-controller"
  cluster_name      = module.eks.cluster_name
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_url   = module.eks.oidc_issuer_url
  tags              = local.tags
}

module "github_oidc" {
  source                     = "../github-oidc"
  role_name                  = "${local.prefix}-github-ci"
  github_repository          = var.github_repository
  allowed_subjects           = var.github_allowed_subjects
  create_oidc_provider       = var.create_github_oidc_provider
  existing_oidc_provider_arn = var.existing_github_oidc_provider_arn
  ecr_repository_arn         = module.ecr.repository_arn
  tags                       = local.tags
}
