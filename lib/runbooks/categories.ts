import { CATEGORY_IDS, type Category } from "@/lib/diagnose/categories";
import { type LinearRegex, linearRegex } from "@/lib/text/linear-regex";

/**
 * Runbook front matter uses the diagnosis category ids, so a diagnosis can link
 * straight to the runbooks of its category; one list keeps them from drifting.
 */
export const FAILURE_CATEGORIES = CATEGORY_IDS;

export type FailureCategory = Category;

/**
 * Ordered: more specific signatures first (a JVM heap error also mentions
 * "memory", a state-lock error also mentions terraform). RE2, because the text
 * is a search query and `(terraform|provider).*(…)` backtracks on long input.
 */
const SIGNATURES: Array<[FailureCategory, LinearRegex]> = (
  [
    [
      "terraform_state_lock",
      /state lock|acquiring the state|force-unlock|lock info|\.tflock|conditionalcheckfailed/i,
    ],
    [
      "terraform_provider_auth",
      /(terraform|provider).*(credential|auth|assumerole|expiredtoken)|no valid credential sources/i,
    ],
    // After Terraform: the same SDK messages outside a Terraform run are the
    // workload's own cloud identity. `accessdenied` is one word on purpose —
    // `pull access denied` is a registry error, `Access denied for user` MySQL's.
    [
      "cloud_auth",
      /accessdenied|expiredtoken|invalidclienttokenid|unable to locate credentials|could not load credentials|(could not find|were not found).*default credentials|default credentials were not found|could not automatically determine credentials|permission_denied|aadsts\d+|defaultazurecredential|authorizationfailed|not authorized to perform|assumerolewithwebidentity|signaturedoesnotmatch|getaccesstoken/i,
    ],
    [
      "database_error",
      /password authentication failed|too many (clients|connections)|remaining connection slots|relation \S+ does not exist|table \S+ doesn't exist|deadlock|lock wait timeout|sqlstate|duplicate key|duplicate entry|violates (unique|foreign key|not-null|check)|access denied for user|pg_hba|failed migration|migration (failed|error)/i,
    ],
    // Before the crash loop and build/pull wrappers they cause.
    [
      "disk_full",
      /no space left|enospc|errno 28|disk (is )?full|out of disk|(filesystem|volume|pvc) (is )?full|free ?storage ?space/i,
    ],
    [
      "port_in_use",
      /eaddrinuse|address already in use|port is already allocated|port \d+ (is|was) already in use|free ports for the requested|errno 98/i,
    ],
    ["jvm_oom", /outofmemoryerror|java heap space|gc overhead limit|metaspace|jvm.*(heap|memory)/i],
    ["oomkilled", /oom ?kill|out of memory|exit code 137|\b137\b|memory limit/i],
    [
      "crashloopbackoff",
      /crash ?loop|back-?off restarting|keeps? restarting|restart(ing)? loop|restarts? (repeatedly|constantly)/i,
    ],
    [
      "imagepullbackoff",
      /imagepull|errimagepull|pull access denied|manifest unknown|image pull|pull rate limit/i,
    ],
    [
      "create_container_config_error",
      /createcontainerconfigerror|createcontainererror|configmap .* not found|secret .* not found|couldn't find key/i,
    ],
    [
      "failed_scheduling",
      /failedscheduling|insufficient (cpu|memory)|untolerated taint|nodes are available|unschedulable|pending pod/i,
    ],
    [
      "probe_failure",
      /(liveness|readiness|startup) ?probe|probe failed|health ?check fail|failed (liveness|readiness)/i,
    ],
    // A mount that fails is a volume problem even when the reason is "permission
    // denied"; an app that cannot write to a mounted path is a permission one.
    ["volume_mount", /failedmount|mountvolume|failedattach|multi-attach/i],
    [
      "permission_denied",
      /eacces|\beperm\b|permission denied|operation not permitted|read-only file system|erofs|errno 13|accessdeniedexception|runasnonroot|fsgroup/i,
    ],
    ["volume_mount", /failedmount|multi-attach|volume|persistentvolumeclaim|\bpvc\b|failedattach/i],
    [
      "node_pressure_eviction",
      /evict|diskpressure|memorypressure|pidpressure|disk pressure|ephemeral-storage|low on resource/i,
    ],
    ["tls_certificate", /x509|certificate|tls handshake|ssl|pkix|unknown authority/i],
    [
      "rbac_forbidden",
      /forbidden|rbac|cannot (list|get|create|patch|watch|delete) resource|serviceaccount.*cannot/i,
    ],
    ["dns_resolution", /\bdns\b|no such host|nxdomain|enotfound|name resolution|coredns|resolv\.conf/i],
    ["helm_release", /\bhelm\b|upgrade failed|another operation .*in progress|pending-upgrade/i],
    ["argocd_sync", /argo ?cd|out ?of ?sync|sync failed|comparisonerror|sync wave/i],
    [
      "connection_refused",
      /connection refused|econnrefused|upstream connect|connect: refused|502 bad gateway/i,
    ],
    // After DNS, probes, pulls and Helm, whose own timeouts name their cause.
    [
      "network_timeout",
      /i\/o timeout|etimedout|timed out|deadline ?exceeded|deadline_exceeded|network is unreachable|no route to host|connecttimeout|sockettimeout|gateway timeout/i,
    ],
    ["container_build", /docker ?build|dockerfile|buildkit|failed to solve|buildx|image build/i],
    [
      "dependency_resolution",
      /eresolve|dependency (tree|resolution|conflict)|resolutionimpossible|could not resolve dependencies|no matching distribution|lockfile|package-lock/i,
    ],
    [
      "application_exception",
      /exception|stack ?trace|traceback|nullpointer|panic:|typeerror|unhandled|http 500|5xx/i,
    ],
  ] as Array<[FailureCategory, RegExp]>
).map(([category, re]) => [category, linearRegex(`runbook-signature-${category}`, re)]);

/**
 * Cheap keyword classifier for free-text search queries ("pod keeps
 * restarting"), which the log analyzer's line patterns are too strict for; it
 * picks the category whose runbooks get boosted.
 */
export function classifyFailureText(text: string): FailureCategory | null {
  for (const [category, pattern] of SIGNATURES) {
    if (pattern.test(text)) return category;
  }
  return null;
}

export function isFailureCategory(value: string): value is FailureCategory {
  return (FAILURE_CATEGORIES as readonly string[]).includes(value);
}
