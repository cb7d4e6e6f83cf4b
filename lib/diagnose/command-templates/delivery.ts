import type { Category } from "../categories";
import type { CommandTemplate } from "./shared";

// Terraform, Helm, Argo CD, image builds and package managers: the tools that ship a workload.
export const deliveryTemplates = {
  terraform_state_lock: [
    {
      template: "terraform plan -lock-timeout=5m",
      description: "Wait for a lock held by a legitimately running job.",
    },
    {
      template: "terraform force-unlock {{lock_id}}",
      description: "Release a stale lock after confirming no run holds it (the ID under 'Lock Info').",
    },
  ],
  terraform_provider_auth: [
    {
      template: "aws sts get-caller-identity",
      description: "Check which AWS identity (if any) the environment resolves.",
    },
    {
      template: "gcloud auth application-default print-access-token >/dev/null && echo ok",
      description: "Check Google application default credentials.",
    },
    { template: "az account show", description: "Check the Azure CLI login/subscription." },
  ],
  helm_release: [
    { template: 'helm history "$RELEASE" -n {{ns}}', description: "Find the failed or pending revision." },
    {
      template: 'helm status "$RELEASE" -n {{ns}}',
      description: "Show the current release state and notes.",
    },
    {
      template: 'helm rollback "$RELEASE" "$REVISION" -n {{ns}}',
      description: "Roll back to the last deployed revision to clear a stuck state.",
    },
  ],
  argocd_sync: [
    {
      template: 'argocd app get "$APP" --show-operation',
      description: "Show the failing sync operation and per-resource messages.",
    },
    { template: 'argocd app diff "$APP"', description: "See what differs between Git and the cluster." },
    {
      template: 'argocd app sync "$APP" --dry-run',
      description: "Re-validate the manifests without applying them.",
    },
  ],
  container_build: [
    {
      template: 'docker image inspect {{image}} --format "{{.Os}}/{{.Architecture}}"',
      description: "Check the image's OS/architecture.",
    },
    {
      template: "kubectl get nodes -L kubernetes.io/arch",
      description: "Compare with the node architectures.",
    },
    {
      template: "docker buildx build --platform linux/amd64,linux/arm64 --progress=plain -t {{image}} .",
      description: "Rebuild multi-arch with full step output.",
    },
  ],
  dependency_resolution: [
    {
      template: "npm ls --all 2>&1 | grep -E 'ERR|invalid|missing' | head -50",
      description: "(Node) show unmet or conflicting dependencies.",
    },
    {
      template: "pip install --dry-run -r requirements.txt",
      description: "(Python) reproduce the resolver failure locally.",
    },
    { template: "mvn -q dependency:tree", description: "(Java) inspect the resolved dependency tree." },
    {
      template: "go mod tidy && go mod verify",
      description: "(Go) fix missing go.sum entries and verify modules.",
    },
  ],
} satisfies Partial<Record<Category, CommandTemplate[]>>;
