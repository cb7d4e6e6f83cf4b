import type { Category } from "./categories";

export const PREVENTION_TIPS: Record<Category, string[]> = {
  crashloopbackoff: [
    "Fail fast with a clear log line when required configuration is missing or invalid.",
    "Gate rollouts on readiness and use progressive delivery so a crashing revision never receives full traffic.",
  ],
  oomkilled: [
    "Set memory requests/limits from observed p99 usage plus headroom, and alert at 80% of the limit.",
    "Make runtimes container-aware (e.g. -XX:MaxRAMPercentage, GOMEMLIMIT, --max-old-space-size).",
  ],
  imagepullbackoff: [
    "Deploy immutable tags or digests produced by CI, never hand-typed tags.",
    "Manage imagePullSecrets centrally and monitor registry credential expiry.",
  ],
  create_container_config_error: [
    "Ship Secrets/ConfigMaps with the workload (same chart/kustomization) or via an operator such as External Secrets.",
    "Validate referenced Secret and ConfigMap keys in CI with a policy check.",
  ],
  failed_scheduling: [
    "Right-size requests and enable cluster autoscaling with headroom for peak replicas.",
    "Keep nodeSelectors/affinities and tolerations in sync with the node pools that actually exist.",
  ],
  probe_failure: [
    "Use a startupProbe for slow starters and keep liveness checks independent of downstream dependencies.",
    "Align probe ports/paths with the container's actual listener and test them in CI.",
  ],
  volume_mount: [
    "Use ReadWriteOnce volumes only with a single replica (or StatefulSets) to avoid multi-attach errors.",
    "Verify StorageClasses exist in every cluster the chart targets and alert on Pending PVCs.",
  ],
  node_pressure_eviction: [
    "Set ephemeral-storage and memory requests so the scheduler accounts for real usage.",
    "Ship logs off-node and cap emptyDir sizes; alert on node pressure conditions.",
  ],
  dns_resolution: [
    "Use fully qualified service names (svc.namespace.svc.cluster.local) across namespaces.",
    "Monitor CoreDNS latency/errors and scale it with the cluster; consider NodeLocal DNSCache.",
  ],
  connection_refused: [
    "Wait for dependencies with retries and backoff instead of exiting on the first refused connection.",
    "Alert on Services with zero ready endpoints.",
  ],
  tls_certificate: [
    "Automate issuance and renewal (cert-manager) and alert 14+ days before expiry.",
    "Distribute internal CA bundles to workloads via a mounted trust bundle rather than baking them into images.",
  ],
  rbac_forbidden: [
    "Define Roles/RoleBindings alongside the workload and test them with `kubectl auth can-i` in CI.",
    "Grant least privilege per service account; avoid sharing the default service account.",
  ],
  terraform_state_lock: [
    "Serialize Terraform runs per state (CI concurrency groups) so two applies never race.",
    "Use a lock timeout and make CI cancel runs cleanly so locks are released.",
  ],
  terraform_provider_auth: [
    "Use short-lived workload identity (OIDC federation) for CI instead of static keys.",
    "Check credentials in a pre-flight step (e.g. `aws sts get-caller-identity`) before plan/apply.",
  ],
  helm_release: [
    "Use `helm upgrade --install --atomic --timeout` so failed upgrades roll back instead of staying pending.",
    "Lint and template charts in CI (`helm lint`, `helm template` with production values).",
  ],
  argocd_sync: [
    "Render manifests in CI (kustomize build / helm template) so broken manifests never reach Argo CD.",
    "Enable sync retries with backoff and alert on applications Degraded or OutOfSync for too long.",
  ],
  container_build: [
    "Build multi-arch images (linux/amd64 and linux/arm64) or pin node architecture with nodeSelectors.",
    "Keep the Dockerfile reproducible: pinned base image digests and a lockfile-based install step.",
  ],
  dependency_resolution: [
    "Commit lockfiles and install with them (npm ci, pip install -r with hashes, go mod download).",
    "Use a dependency bot and an internal package proxy so upstream removals do not break builds.",
  ],
  jvm_oom: [
    "Size the heap relative to the container (-XX:MaxRAMPercentage) and enable heap dumps on OOM.",
    "Track heap usage and GC time in metrics and load-test with production-sized data.",
  ],
  database_error: [
    "Run schema migrations as a gated deploy step so code never reaches a database missing its tables.",
    "Pool connections (PgBouncer/HikariCP) and size pools below the server's max_connections across all replicas.",
  ],
  cloud_auth: [
    "Use workload identity (IRSA, GKE Workload Identity, Azure workload identity) instead of long-lived keys.",
    "Alert on credential expiry and grant least-privilege policies that are tested in CI.",
  ],
  disk_full: [
    "Alert on filesystem usage at 80% and set ephemeral-storage requests/limits for pods that write locally.",
    "Rotate logs and prune build caches on CI runners on a schedule.",
  ],
  port_in_use: [
    "Read the listen port from configuration and fail with a clear message when it is taken.",
    "Stop previous instances cleanly (SIGTERM handling) so restarts do not race the old listener.",
  ],
  permission_denied: [
    "Build images that run as a non-root user owning the paths it writes; set fsGroup for mounted volumes.",
    "Write only to declared volumes (emptyDir, PVC) when the root filesystem is read-only.",
  ],
  network_timeout: [
    "Set explicit connect/read timeouts with retries and backoff on every outbound call.",
    "Monitor dependency latency and keep NetworkPolicies and security groups in version control.",
  ],
  application_exception: [
    "Add tests for the failing code path and validate inputs at service boundaries.",
    "Report exceptions to an error tracker with release tags to correlate them with deployments.",
  ],
  other: [
    "Capture `kubectl describe` output and recent events together with logs when reporting failures.",
    "Add structured error logging with clear error codes to make failures classifiable.",
  ],
};
