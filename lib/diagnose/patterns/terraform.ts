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
    regex: String.raw`(?i)(?:no valid credential sources found|error configuring Terraform AWS Provider|\bInvalidClientTokenId\b|\bSignatureDoesNotMatch\b|\bExpiredToken(?:Exception)?\b|\bUnrecognizedClientException\b|security token included in the request is (?:invalid|expired)|failed to refresh cached credentials)`,
    explanation: "The AWS provider has no usable credentials or they are invalid/expired.",
    examples: {
      positive: [
        "│ Error: No valid credential sources found",
        "Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, api error InvalidClientTokenId",
        "ExpiredToken: The security token included in the request is expired",
      ],
      negative: ["Refreshing state... [id=vpc-0abc]"],
    },
  },
  {
    id: "tf.auth.cloud",
    category: "terraform_provider_auth",
    severity: "high",
    regex: String.raw`(?i)(?:google: could not find default credentials|oauth2: cannot fetch token|building AzureRM Client|\bAADSTS\d{4,}|unable to (?:locate|find) credentials|error validating provider credentials|invalid provider configuration|Error: (?:Unauthorized|invalid_grant)\b)`,
    explanation:
      "GCP/Azure/generic provider authentication failure (missing ADC, expired service principal, bad token).",
    examples: {
      positive: [
        "Error: google: could not find default credentials. See https://cloud.google.com/docs/authentication/external/set-up-adc",
        "Error: building AzureRM Client: obtain subscription() from Azure CLI: AADSTS700082: The refresh token has expired",
        "│ Error: Invalid provider configuration",
      ],
      negative: ["Initializing provider plugins...", "- Installed hashicorp/google v5.0.0"],
    },
  },
];
