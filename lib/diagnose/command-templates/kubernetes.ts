import type { Category } from "../categories";
import { type CommandTemplate, describe, events, previousLogs } from "./shared";

// Pod lifecycle, placement, volumes and RBAC: the kubectl views and fixes for workloads.
export const kubernetesTemplates = {
  crashloopbackoff: [
    previousLogs,
    describe,
    {
      template: "kubectl rollout history {{workload}} -n {{ns}}",
      description: "Check whether the crash started with a new revision.",
    },
    {
      template: "kubectl rollout undo {{workload}} -n {{ns}}",
      description: "Roll back to the previous revision if the new one is broken.",
    },
  ],
  oomkilled: [
    describe,
    {
      template: "kubectl top pod {{pod}} -n {{ns}} --containers",
      description: "Compare live memory usage with the limit.",
    },
    {
      template:
        "kubectl set resources {{workload}} -n {{ns}}{{c_flag}} --requests=memory=512Mi --limits=memory=1Gi",
      description: "Raise the memory request/limit (adjust the values to measured usage).",
    },
  ],
  imagepullbackoff: [
    events,
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.containers[*].image}'",
      description: "Show the exact image references.",
    },
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.imagePullSecrets}'",
      description: "Check which pull secrets the pod uses.",
    },
    {
      template: "docker manifest inspect {{image}}",
      description: "Verify the tag exists and your credentials can read it.",
    },
  ],
  create_container_config_error: [
    events,
    {
      template: "kubectl get secrets,configmaps -n {{ns}}",
      description: "List the Secrets and ConfigMaps that exist in the namespace.",
    },
    {
      template:
        "kubectl get pod {{pod}} -n {{ns}} -o yaml | grep -n -A3 -E 'secretKeyRef|configMapKeyRef|secretRef|configMapRef'",
      description: "Find which Secret/ConfigMap keys the pod references.",
    },
  ],
  failed_scheduling: [
    events,
    {
      template: "kubectl describe nodes | grep -A8 'Allocated resources'",
      description: "See how much CPU/memory is already requested on each node.",
    },
    {
      template: "kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints",
      description: "List node taints that may repel the pod.",
    },
  ],
  probe_failure: [
    describe,
    {
      template:
        "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.containers[*].livenessProbe}{\"\\n\"}{.spec.containers[*].readinessProbe}'",
      description: "Show the probe definitions (path, port, timeouts).",
    },
    {
      template: "kubectl logs {{pod}} -n {{ns}} --tail=200",
      description: "Check whether the app is slow to start or failing its health endpoint.",
    },
  ],
  volume_mount: [
    events,
    { template: "kubectl get pvc -n {{ns}}", description: "Check that claims are Bound." },
    {
      template: "kubectl describe pvc {{pvc}} -n {{ns}}",
      description: "Read the claim's events (provisioning, binding, attach errors).",
      when: "pvc",
    },
    {
      template: "kubectl get volumeattachments",
      description: "Find volumes still attached to another node.",
    },
  ],
  node_pressure_eviction: [
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.status.message}'",
      description: "Read the eviction message (resource and usage).",
    },
    {
      template: "kubectl describe node {{node_expr}}",
      description: "Inspect node conditions and pressure.",
    },
    {
      template: "kubectl delete pods -n {{ns}} --field-selector=status.phase=Failed",
      description: "Clean up evicted (Failed) pods once the cause is fixed.",
    },
  ],
  rbac_forbidden: [
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.serviceAccountName}'",
      description: "Find the service account the workload runs as.",
    },
    {
      template:
        'kubectl auth can-i --list -n {{ns}} --as="system:serviceaccount:{{ns_raw}}:$SERVICE_ACCOUNT"',
      description: "List what that service account may do.",
    },
    {
      template: "kubectl get rolebindings -n {{ns}} -o wide",
      description: "Review bindings in the namespace.",
    },
  ],
} satisfies Partial<Record<Category, CommandTemplate[]>>;
