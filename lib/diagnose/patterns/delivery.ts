import type { LogPattern } from "./types";

// Helm and Argo CD: deployment orchestrators that wrap the real failure.
export const deliveryPatterns: LogPattern[] = [
  {
    id: "helm.operation-failed",
    category: "helm_release",
    severity: "high",
    regex: String.raw`(?i)(?:\bError: (?:INSTALLATION|UPGRADE|ROLLBACK|UNINSTALLATION) FAILED\b|\bError: release \S+ failed\b|^\s*\$?\s*helm (?:install|upgrade|rollback)\b.*|another operation \(install/upgrade/rollback\) is in progress|has no deployed releases|cannot re-use a name that is still in use)`,
    explanation: "A Helm install/upgrade/rollback failed or the release is stuck in a pending state.",
    examples: {
      positive: [
        "Error: release misty-unicorn failed: timed out waiting for the condition",
        "$ helm install stable/spinnaker --name=spinnaker --namespace=spinnaker",
        "Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress",
        "Error: INSTALLATION FAILED: cannot re-use a name that is still in use",
        `Error: UPGRADE FAILED: "api" has no deployed releases`,
      ],
      negative: [`Release "api" has been upgraded. Happy Helming!`],
    },
  },
  {
    id: "helm.ownership",
    category: "helm_release",
    severity: "high",
    regex: String.raw`(?i)(?:rendered manifests contain a resource that already exists|invalid ownership metadata|meta\.helm\.sh/release-name)`,
    explanation: "The chart tries to create a resource owned by another release or created outside Helm.",
    examples: {
      positive: [
        `Error: rendered manifests contain a resource that already exists. Unable to continue with install: Service "api" in namespace "prod" exists and cannot be imported into the current release: invalid ownership metadata`,
      ],
      negative: ["manifest rendered successfully"],
    },
  },
  {
    id: "helm.template",
    category: "helm_release",
    severity: "medium",
    regex: String.raw`(?i)(?:Error: (?:template: \S+|YAML parse error on \S+|parse error at \S+)|execution error at \(\S+\)|\bSTATUS:\s*(?:failed|pending-(?:install|upgrade|rollback))\b|failed to download "[^"]+")`,
    explanation:
      "Chart rendering failed (template/YAML error, required value) or the chart cannot be fetched.",
    examples: {
      positive: [
        'Error: template: api/templates/deployment.yaml:34:28: executing "api/templates/deployment.yaml" at <.Values.image.tag>: nil pointer evaluating interface {}.tag',
        "Error: YAML parse error on api/templates/configmap.yaml: error converting YAML to JSON: yaml: line 12: mapping values are not allowed in this context",
        "STATUS: pending-upgrade",
      ],
      negative: ["STATUS: deployed", "NAME: api"],
    },
  },
  {
    id: "argocd.sync-failed",
    category: "argocd_sync",
    severity: "high",
    regex: String.raw`(?:\b(?:ComparisonError|SyncError|OperationFailed|SyncFailed)\b|(?i)one or more (?:synchronization tasks (?:completed unsuccessfully|are not valid)|objects failed to apply)|(?i)\bsync(?:ing)? (?:operation )?(?:failed|error)\b)`,
    explanation: "Argo CD could not apply the desired state; the message names the failing resource.",
    examples: {
      positive: [
        "Message:            one or more synchronization tasks completed unsuccessfully",
        "Type: ComparisonError  Message: Failed to load target state: failed to generate manifest for source 1 of 1",
        `time="2024-05-01T10:00:00Z" level=error msg="sync operation failed" application=argocd/api`,
      ],
      negative: ["Sync Status:        Synced to main (1a2b3c4)"],
    },
  },
  {
    id: "argocd.manifest",
    category: "argocd_sync",
    severity: "high",
    regex: String.raw`(?i)(?:failed to generate manifest|Manifest generation error|\bInvalidSpecError\b|Unable to generate manifests|health state has transitioned from \w+ to (?:Degraded|Missing)|\bapp path does not exist\b|unable to resolve '[^']+' to a commit SHA|\bHealth Status:\s+(?:Degraded|Missing)\b|\bSync Status:\s+(?:OutOfSync|Unknown)\b)`,
    explanation:
      "Argo CD cannot render the application's manifests, or the application is out of sync/degraded.",
    examples: {
      positive: [
        "application spec for istio-cni is invalid: InvalidSpecError: Unable to generate manifests in x",
        "application 'shop' health state has transitioned from Progressing to Degraded",
        "rpc error: code = Unknown desc = Manifest generation error (cached): `kustomize build .` failed exit status 1",
        "Health Status:      Degraded",
        "Sync Status:        OutOfSync from main (1a2b3c4)",
      ],
      negative: ["Health Status:      Healthy", "Sync Status:        Synced"],
    },
  },
];
