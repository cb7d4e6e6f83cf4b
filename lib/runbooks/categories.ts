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
      /(terraform|provider).*(credential|auth|assumerole|expiredtoken)|no valid credential sources|could not find default credentials|sts:assumerole/i,
    ],
    [
      "cloud_auth",
      /accessdenied|not authorized to perform|unable to locate credentials|expiredtoken|invalidclienttokenid|default credentials|aadsts|authorizationfailed|permission '[a-z]+\.[a-z.]+' denied/i,
    ],
    [
      "database_error",
      /password authentication failed|too many (connections|clients)|relation "?[\w.]+"? does not exist|deadlock|sqlstate|access denied for user|pg_hba\.conf|doesn't exist.*table|table .* doesn't exist/i,
    ],
    ["disk_full", /no space left|enospc|disk (is )?full|disk quota exceeded/i],
    ["port_in_use", /eaddrinuse|address already in use|port .*already (in use|allocated)|bindexception/i],
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
    ["permission_denied", /eacces|permission denied|operation not permitted|permissionerror/i],
    ["dns_resolution", /\bdns\b|no such host|nxdomain|enotfound|name resolution|coredns|resolv\.conf/i],
    ["helm_release", /\bhelm\b|upgrade failed|another operation .*in progress|pending-upgrade/i],
    ["argocd_sync", /argo ?cd|out ?of ?sync|sync failed|comparisonerror|sync wave/i],
    [
      "connection_refused",
      /connection refused|econnrefused|upstream connect|connect: refused|502 bad gateway/i,
    ],
    [
      "network_timeout",
      /i\/o timeout|etimedout|deadline exceeded|timed out|timeout exceeded|sockettimeoutexception/i,
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
