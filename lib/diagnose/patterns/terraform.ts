import type { LogPattern } from "./types";

// Terraform/OpenTofu state locking and provider credential failures.
export const terraformPatterns: LogPattern[] = [
  {
    id: "tf.lock.acquire",
    category: "terraform_state_lock",
    severity: "high",
    regex: String.raw`(?i)(?:error acquiring the state lock|error (?:locking|releasing) (?:the )?state|state (?:blob|file) is already locked|\bConditionalCheckFailedException\b|terraform force-unlock)`,
    explanation: "Another run (or a crashed one) holds the remote state lock.",
    examples: {
      positive: [
        "│ Error: Error acquiring the state lock",
        "Error: Error locking state: Error acquiring the state lock: ConditionalCheckFailedException: The conditional request failed",
        "state blob is already locked",
      ],
      negative: [
        "Acquiring state lock. This may take a few moments...",
        "Releasing state lock. This may take a few moments...",
      ],
    },
  },
  {
    id: "tf.lock.info",
    category: "terraform_state_lock",
    severity: "medium",
    regex: String.raw`^\s*[│|]?\s*Lock Info:\s*$`,
    explanation: "Terraform prints the holder of the state lock under 'Lock Info:'.",
    examples: { positive: ["│ Lock Info:", "Lock Info:"], negative: ["Lock Information requested"] },
  },
  {
    id: "tf.auth.aws",
    category: "terraform_provider_auth",
    severity: "high",
    // Terraform-specific wording only: the same AWS error codes from an SDK or
    // the CLI are cloud_auth (see data-cloud.ts); on one line with these, this wins by rank.
    regex: String.raw`(?i)(?:no valid credential sources found|Failed to get existing workspaces:.*(?:40[13]\b|AADSTS|credential|AccessDenied|token)|\[terragrunt\].*(?:credential|AccessDenied|not authorized)|Error finding AWS credentials|^\s*\*\s+(?:module\.\S+\.)?(?:aws|google|azurerm)_[a-z0-9_]+\.\S+: .*(?:UnauthorizedOperation|AccessDenied|not authorized|credential)|error configuring Terraform AWS Provider|configuring Terraform AWS Provider|error configuring S3 Backend|(?:configuring|initializing) (?:the )?(?:S3|GCS|azurerm|remote) backend.*(?:credential|token|auth|denied|403)|with provider\["registry\.terraform\.io/[^"]+"\].*(?:credential|token|auth))`,
    explanation:
      "The AWS provider (or the S3 backend) has no usable credentials or they are invalid/expired.",
    examples: {
      positive: [
        'Error: Failed to get existing workspaces: Error retrieving keys for Storage Account "x": StatusCode=0 -- Original Error: clientCredentialsToken: received HTTP status 401 with response: AADSTS7000215',
        "[terragrunt] 2019/10/08 10:22:12 Error finding AWS credentials: AccessDenied: User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole",
        "* aws_instance.etcd_node.1: UnauthorizedOperation: You are not authorized to perform this operation.",
        "│ Error: No valid credential sources found",
        "Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, api error InvalidClientTokenId",
        "Error: error configuring S3 Backend: no valid credential sources for S3 Backend found.",
      ],
      negative: [
        "Refreshing state... [id=vpc-0abc]",
        "ExpiredToken: The security token included in the request is expired",
      ],
    },
  },
  {
    id: "tf.auth.cloud",
    category: "terraform_provider_auth",
    severity: "high",
    // `│ Error:` is Terraform's boxed diagnostic; an auth message inside it is the provider's.
    regex: String.raw`(?i)(?:^\s*[│|]?\s*Error: (?:google: could not find default credentials|building AzureRM Client|Unauthorized\b|invalid_grant\b)|\bError building (?:account|AzureRM Client|ARM Config)\b|\bbuilding account: |Unable to list provider registration status|obtain(?:ing)? (?:subscription\(|Authorization Token)|getting authenticated object ID|parsing json result from the Azure CLI|neither .credentials. nor .access_token. was set in the provider block|error validating provider credentials|invalid provider configuration|^\s*│\s*Error: .*(?:credential|ExpiredToken|InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch|AADSTS\d{4,}|oauth2: cannot fetch token|security token included in the request))`,
    explanation:
      "GCP/Azure/generic provider authentication failure (missing ADC, expired service principal, bad token).",
    examples: {
      positive: [
        "Error: google: could not find default credentials. See https://cloud.google.com/docs/authentication/external/set-up-adc",
        "Error: building AzureRM Client: obtain subscription() from Azure CLI: AADSTS700082: The refresh token has expired",
        "│ Error: Invalid provider configuration",
        "Error: Error building account: Error getting authenticated object ID: Error listing Service Principals: autorest.DetailedError{}",
        "Error: Attempted to load application default credentials since neither `credentials` nor `access_token` was set in the provider block.  No credentials loaded.",
        "│ Error: reading S3 Bucket: ExpiredToken: The security token included in the request is expired",
      ],
      negative: [
        "Initializing provider plugins...",
        "- Installed hashicorp/google v5.0.0",
        "google.auth.exceptions.DefaultCredentialsError: Could not automatically determine credentials.",
      ],
    },
  },
  {
    id: "tf.auth.in-terraform-output",
    category: "terraform_provider_auth",
    severity: "high",
    // Any provider's credential wording, counted only in Terraform output
    // (contexts.ts): azurerm, google, aws, kubernetes and helm providers all
    // print their SDK's auth error inside `Error:` (often with a Go-style
    // wrapped chain that reads like an exception), so the vocabulary is the
    // SDKs' and the context decides that it is the provider's. Outranks the
    // generic cloud_auth and the exception shapes of the same lines.
    context: "terraform",
    regex: String.raw`(?i)(?:credential|\bauthenticat\w*|\bunauthori[sz]ed\b|\bnot authori[sz]ed\b|\b401\b|\bAccessDenied\w*|\bAccess Denied\b|(?:access|refresh|auth|bearer|oauth2?|security|session|id|sts|service account)[ _-]?token|token (?:has |is )?(?:expired|invalid|revoked)|\bAADSTS\d+|\baz login\b|\bgcloud auth\b|\binvalid_(?:grant|client)\b|\bUnauthorizedOperation\b|\bInvalidClientTokenId\b|\bSignatureDoesNotMatch\b|\bUnrecognizedClientException\b|\bInvalidAccessKeyId\b|\bAuthorizationFailed\b|does not have (?:authorization|permission) to|caller does not have permission|\bPERMISSION_DENIED\b|insufficient (?:permission|authentication)|\bclient[ _]secret\b|service principal|Unable to list provider registration status|Error 403: |StatusCode=40[13]\b|status code:? 40[13]\b|asked for the client to provide credentials|getting credentials: exec|sts:AssumeRole)`,
    explanation:
      "A Terraform provider or backend could not authenticate: its credentials (CLI login, service principal, service account key, kubeconfig/exec plugin, access keys) are missing, expired or not permitted.",
    examples: {
      positive: [
        "Error: building account: could not acquire access token to parse claims: clientCredentialsToken: received HTTP status 401",
        "Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials",
        "Error: googleapi: Error 403: The caller does not have permission, forbidden",
        "Error: Unable to list provider registration status, it is possible that this is due to invalid credentials or the service principal does not have permission to use the Resource Manager API",
        "* aws_s3_bucket.logs: AccessDenied: Access Denied",
      ],
      negative: [
        "Error: Invalid reference",
        "Error: Unsupported argument",
        "Plan: 3 to add, 0 to change, 0 to destroy.",
      ],
    },
  },
];
