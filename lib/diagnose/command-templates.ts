import type { Category } from "./categories";
import type { CommandTarget } from "./commands";

/**
 * Fix/diagnostic command templates per category. Tokens: {{ns}}, {{pod}},
 * {{workload}} (e.g. `deployment/api`), {{container}}, {{c_flag}} (` -c name`
 * or nothing), {{image}}, {{pvc}}, {{node}}, {{node_expr}} (the node, or a
 * lookup of the pod's node), {{lock_id}}, {{file}}, {{line}}. Missing values become shell variables
 * ("$NAMESPACE") so commands stay valid shell rather than containing `<ns>`
 * placeholders that a shell would parse as redirections.
 */
export interface CommandTemplate {
  template: string;
  description: string;
  /** Only offered when this value is known (a placeholder-only command would be noise). */
  when?: keyof CommandTarget;
}

const events = {
  template:
    "kubectl get events -n {{ns}} --field-selector involvedObject.name={{pod}} --sort-by=.lastTimestamp",
  description: "List the pod's recent events in order.",
};
const describe = {
  template: "kubectl describe pod {{pod}} -n {{ns}}",
  description: "Show pod state, last termination reason and events.",
};
const previousLogs = {
  template: "kubectl logs {{pod}} -n {{ns}}{{c_flag}} --previous --tail=200",
  description: "Read the logs of the last crashed container instance.",
};

export const COMMAND_TEMPLATES: Record<Category, CommandTemplate[]> = {
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
  dns_resolution: [
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- cat /etc/resolv.conf",
      description: "Check the pod's resolver configuration and search domains.",
    },
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- nslookup kubernetes.default.svc.cluster.local",
      description: "Test cluster DNS from inside the pod.",
    },
    {
      template: "kubectl logs -n kube-system -l k8s-app=kube-dns --tail=100",
      description: "Look for CoreDNS errors.",
    },
    {
      template: "kubectl get svc -n {{ns}}",
      description: "Confirm the target Service exists under the name being resolved.",
    },
  ],
  connection_refused: [
    {
      template: "kubectl get endpoints -n {{ns}}",
      description: "A Service without endpoints refuses connections: check its selector and pod readiness.",
    },
    {
      template: "kubectl get svc,pods -n {{ns}} -o wide",
      description: "Compare Service ports with the ports the pods listen on.",
    },
  ],
  tls_certificate: [
    {
      template:
        'openssl s_client -connect "$HOST:443" -servername "$HOST" </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates',
      description: "Inspect the served certificate's subject, issuer and validity dates.",
    },
    {
      template: "kubectl get certificates -n {{ns}}",
      description: "Check cert-manager Certificate readiness and renewal.",
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
  jvm_oom: [
    {
      template: "kubectl exec {{pod}} -n {{ns}} -- jcmd 1 GC.heap_info",
      description: "Inspect current heap usage.",
    },
    {
      template:
        'kubectl set env {{workload}} -n {{ns}} JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+HeapDumpOnOutOfMemoryError"',
      description: "Size the heap from the container limit and capture a dump on the next OOM.",
    },
  ],
  database_error: [
    previousLogs,
    {
      template: "kubectl get secrets -n {{ns}} -o name | grep -i -E 'db|database|postgres|mysql'",
      description:
        "Find the credentials Secret the app reads (auth failures: compare user/password/database).",
    },
    {
      template: 'psql "$DATABASE_URL" -c "select state, count(*) from pg_stat_activity group by state"',
      description:
        "(PostgreSQL) see connection usage; 'too many connections' needs pooling or a higher max_connections.",
    },
    {
      template: "psql \"$DATABASE_URL\" -c '\\dt'",
      description: "(PostgreSQL) check that the relation exists, i.e. migrations ran against this database.",
    },
  ],
  cloud_auth: [
    {
      template: "aws sts get-caller-identity",
      description: "(AWS) which identity the environment resolves, if any.",
    },
    {
      template:
        "gcloud auth list && gcloud auth application-default print-access-token >/dev/null && echo ok",
      description: "(GCP) active account and application default credentials.",
    },
    { template: "az account show", description: "(Azure) current login and subscription." },
    {
      template: "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.serviceAccountName}'",
      description: "Service account whose workload identity (IRSA / Workload Identity) the pod uses.",
    },
  ],
  disk_full: [
    {
      template: "kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- df -h",
      description: "Which filesystem in the container is full.",
    },
    {
      template: "kubectl describe node {{node_expr}} | grep -A6 -E 'Conditions|Allocated'",
      description: "Node disk pressure and ephemeral-storage use.",
    },
    {
      template: "df -h && du -xsh /var/lib/docker 2>/dev/null",
      description: "(Host or CI runner) free space.",
    },
    {
      template: "docker system df",
      description: "(Docker) space used by images, build cache and volumes before pruning anything.",
    },
  ],
  port_in_use: [
    {
      template: 'ss -ltnp | grep ":$PORT "',
      description: "(Host) which process already listens on the port.",
    },
    {
      template:
        'kubectl get pod {{pod}} -n {{ns}} -o jsonpath=\'{range .spec.containers[*]}{.name}{" "}{.ports}{"\\n"}{end}\'',
      description: "Containers in one pod share a network namespace: check two do not bind the same port.",
    },
    {
      template: "docker ps --format '{{.Names}} {{.Ports}}'",
      description: "(Docker) published ports in use.",
    },
  ],
  permission_denied: [
    {
      template:
        "kubectl get pod {{pod}} -n {{ns}} -o jsonpath='{.spec.securityContext}{\"\\n\"}{.spec.containers[*].securityContext}'",
      description: "runAsUser/fsGroup/readOnlyRootFilesystem decide what the process may write.",
    },
    {
      template: 'kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- ls -ld "$TARGET_PATH"',
      description: "Owner and mode of the path that was denied (compare with runAsUser/fsGroup).",
    },
  ],
  network_timeout: [
    {
      template: 'kubectl exec {{pod}} -n {{ns}}{{c_flag}} -- nc -vz -w 5 "$HOST" "$PORT"',
      description: "Test whether the target answers at all from inside the pod.",
    },
    {
      template: "kubectl get networkpolicies -n {{ns}}",
      description: "A NetworkPolicy that drops (rather than rejects) traffic shows up as timeouts.",
    },
    {
      template: "kubectl get endpoints -n {{ns}}",
      description: "Check that the target Service has ready endpoints.",
    },
  ],
  application_exception: [
    previousLogs,
    {
      template: "git log -n 5 --format='%h %an %ar %s' -L {{line}},+1:{{file}}",
      description: "Who changed the failing line recently (run in the repository).",
      when: "file",
    },
    {
      template: "kubectl rollout history {{workload}} -n {{ns}}",
      description: "Correlate the exception with the latest rollout.",
    },
    {
      template: "kubectl rollout undo {{workload}} -n {{ns}}",
      description: "Roll back if the exception started with the latest revision.",
    },
  ],
  other: [
    describe,
    {
      template: "kubectl get events -n {{ns}} --sort-by=.lastTimestamp",
      description: "Review recent namespace events.",
    },
    { template: "kubectl logs {{pod}} -n {{ns}} --tail=200", description: "Read the most recent logs." },
  ],
};
