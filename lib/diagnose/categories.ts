/**
 * Diagnosis categories and the precedence (causality) model used to pick the
 * root cause when one input matches several categories.
 *
 * Why ranks: a pasted log usually contains the *symptom* chain, not just the
 * cause. A pod whose app fails a DNS lookup crashes, restarts and ends up in
 * CrashLoopBackOff; the log shows all three. Operators need the cause, so
 * every category carries a rank and the highest-ranked category present wins.
 *
 * Tiers (higher rank = closer to the root cause):
 *  - 0      other with no evidence: nothing recognised (the analyzer's default).
 *  - 10-25  generic symptoms: an application exception (a stack trace) is how
 *           almost every failure surfaces; a crash loop is the kubelet reacting
 *           to exits; a failing probe explains restarts, so it beats the loop.
 *  - 30-35  orchestration wrappers: Helm, Argo CD and `docker build` report
 *           failures of the things they drive. They are the answer only when no
 *           more specific cause is visible (`UPGRADE FAILED` + `is forbidden`
 *           → rbac_forbidden). container_build ranks above the wrappers and the
 *           crash loop because `exec format error` / missing entrypoint binary in
 *           a crash-looping pod is a broken image, i.e. a build problem.
 *  - 38     network_timeout: a peer that does not answer in time (i/o timeout,
 *           context deadline exceeded, ETIMEDOUT). The weakest network signal:
 *           every more specific category (DNS, TLS, refused, image pull, probe)
 *           wins, and a probe's own timeout line is absorbed by the probe.
 *  - 40     connection_refused: the peer is down or on another port. It is a
 *           cause relative to exceptions and probes, but DNS/TLS failures earlier
 *           in the same connection attempt are more fundamental.
 *  - 45     other WITH evidence: a recognised failure outside the vocabulary
 *           (fd/inotify exhaustion, read-only filesystem, unroutable network;
 *           patterns/os-limits.ts). It explains the stack traces, crash loops,
 *           failed build steps and refused/timed-out connects it surfaces
 *           through, so it ranks above them; every concrete category wins.
 *  - 50-55  placement: scheduling failures, and node-pressure evictions that
 *           explain why scheduling failed (`untolerated taint …disk-pressure`).
 *  - 60-65  concrete configuration/infra causes (DNS, TLS, RBAC, volumes,
 *           OS permissions, ports already bound, database server errors,
 *           missing secrets/config, image pulls, dependency resolution, cloud
 *           credentials outside Terraform). A
 *           missing Secret beats the FailedMount it produces (65 > 60); a failed
 *           `npm ci` beats the `docker build` wrapper running it.
 *  - 70-75  resource exhaustion (memory, a full disk) and infra-as-code hard
 *           stops; the Terraform provider's credential error outranks the
 *           generic cloud_auth (65) it is a special case of. OOMKilled beats
 *           the CrashLoopBackOff it causes. jvm_oom beats oomkilled: a JVM heap
 *           error is the more specific statement of the same memory problem
 *           (the heap setting, not only the container limit, must change).
 *
 * Ties inside a rank are broken by severity, then by earliest line (the first
 * error in a log is more often the cause than a later cascade).
 */

export const CATEGORY_IDS = [
  "crashloopbackoff",
  "oomkilled",
  "imagepullbackoff",
  "create_container_config_error",
  "failed_scheduling",
  "probe_failure",
  "volume_mount",
  "node_pressure_eviction",
  "dns_resolution",
  "connection_refused",
  "tls_certificate",
  "rbac_forbidden",
  "terraform_state_lock",
  "terraform_provider_auth",
  "helm_release",
  "argocd_sync",
  "container_build",
  "dependency_resolution",
  "jvm_oom",
  "database_error",
  "cloud_auth",
  "disk_full",
  "port_in_use",
  "permission_denied",
  "network_timeout",
  "application_exception",
  "other",
] as const;

export type Category = (typeof CATEGORY_IDS)[number];

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export const CATEGORY_RANK: Record<Category, number> = {
  other: 45,
  application_exception: 10,
  crashloopbackoff: 20,
  probe_failure: 25,
  helm_release: 30,
  argocd_sync: 30,
  container_build: 35,
  network_timeout: 38,
  connection_refused: 40,
  failed_scheduling: 50,
  node_pressure_eviction: 55,
  dns_resolution: 60,
  tls_certificate: 60,
  rbac_forbidden: 60,
  volume_mount: 60,
  database_error: 60,
  port_in_use: 60,
  permission_denied: 60,
  create_container_config_error: 65,
  cloud_auth: 65,
  imagepullbackoff: 65,
  dependency_resolution: 65,
  oomkilled: 70,
  disk_full: 70,
  terraform_state_lock: 70,
  terraform_provider_auth: 70,
  jvm_oom: 75,
};

/**
 * Same-line absorption: when one line matches both categories, the second is
 * part of the first's message rather than independent evidence. A readiness
 * probe reports `dial tcp …: connect: connection refused` because the app is
 * not listening yet; that line is evidence of a probe failure, not of a
 * downstream dependency being down.
 */
export const SAME_LINE_ABSORBS: Partial<Record<Category, Category[]>> = {
  probe_failure: ["connection_refused", "network_timeout"],
  imagepullbackoff: ["network_timeout"],
  // `MountVolume.SetUp failed for volume "x" : secret "x" not found` is the
  // volume plugin reporting a missing Secret *volume*: the pod sits in
  // ContainerCreating, a mount failure, not CreateContainerConfigError (env refs).
  // A mount error that quotes `read-only file system` is the mount failing.
  volume_mount: ["create_container_config_error", "other"],
  // `dial udp 10.96.0.10:53: socket: too many open files` fails the lookup
  // because the process is out of descriptors; `connect: network is
  // unreachable` is not a refusal; inotify's ENOSPC is not a full disk.
  other: ["dns_resolution", "connection_refused", "network_timeout", "disk_full"],
};

/**
 * The same absorption for the next few lines: a probe's captured output
 * (`Liveness probe failed:` followed by curl's progress and
 * `curl: (7) Failed to connect … Connection refused`) continues below the
 * event line.
 */
export const FOLLOWING_LINES_ABSORB: Partial<Record<Category, { absorbs: Category[]; lines: number }>> = {
  probe_failure: { absorbs: ["connection_refused", "network_timeout"], lines: 3 },
};

export const CATEGORY_TITLES: Record<Category, string> = {
  crashloopbackoff: "Container crash loop",
  oomkilled: "Container killed for exceeding its memory limit",
  imagepullbackoff: "Container image cannot be pulled",
  create_container_config_error: "Container configuration references missing data",
  failed_scheduling: "Pod cannot be scheduled",
  probe_failure: "Health probe failing",
  volume_mount: "Volume cannot be attached or mounted",
  node_pressure_eviction: "Pod evicted because the node is under resource pressure",
  dns_resolution: "DNS name resolution failure",
  connection_refused: "Connection refused by the target service",
  tls_certificate: "TLS certificate validation failure",
  rbac_forbidden: "Kubernetes RBAC denied the request",
  terraform_state_lock: "Terraform state is locked",
  terraform_provider_auth: "Terraform provider cannot authenticate",
  helm_release: "Helm release operation failed",
  argocd_sync: "Argo CD sync failed",
  container_build: "Container image build or binary format problem",
  dependency_resolution: "Package dependency resolution failure",
  jvm_oom: "Runtime heap exhausted (JVM OutOfMemoryError)",
  database_error: "Database server rejected the request",
  cloud_auth: "Cloud provider credentials missing, expired or not permitted",
  disk_full: "No space left on device",
  port_in_use: "Port already in use",
  permission_denied: "File or OS permission denied",
  network_timeout: "Network operation timed out",
  application_exception: "Unhandled application exception",
  other: "Other or unrecognised failure",
};

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && (CATEGORY_IDS as readonly string[]).includes(value);
}
