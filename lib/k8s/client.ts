import { existsSync } from "node:fs";
import {
  AppsV1Api,
  AutoscalingV2Api,
  BatchV1Api,
  CoreV1Api,
  DiscoveryV1Api,
  KubeConfig,
  NetworkingV1Api,
} from "@kubernetes/client-node";

export type KubeMode = "kubeconfig" | "in-cluster" | "none";

export interface KubeClientOptions {
  kubeconfigPath?: string;
  inCluster?: boolean;
  /** Per-request timeout; every call made through `kubeCall` is aborted after this. */
  timeoutMs?: number;
}

/** Read-only API handles. Only get/list calls are made through these. */
export interface KubeClients {
  mode: Exclude<KubeMode, "none">;
  cluster: string;
  server: string;
  timeoutMs: number;
  /** Used for auth/TLS on the raw list path (see list-raw.ts). */
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  autoscaling: AutoscalingV2Api;
  networking: NetworkingV1Api;
  discovery: DiscoveryV1Api;
}

export const DEFAULT_TIMEOUT_MS = 5_000;
const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/**
 * Maps process environment to client options so callers (routes, scripts) do not
 * each re-implement the KUBECONFIG / in-cluster convention.
 */
export function kubeOptionsFromEnv(
  env: Record<string, string | undefined>,
  tokenExists: (path: string) => boolean = existsSync,
): KubeClientOptions {
  const timeout = Number(env.KUBE_TIMEOUT_MS);
  return {
    kubeconfigPath: env.KUBECONFIG?.split(":").find((p) => p.length > 0),
    inCluster: Boolean(env.KUBERNETES_SERVICE_HOST) && tokenExists(SERVICE_ACCOUNT_TOKEN),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
  };
}

export function detectKubeMode(
  opts: KubeClientOptions,
  fileExists: (path: string) => boolean = existsSync,
): KubeMode {
  if (opts.kubeconfigPath && fileExists(opts.kubeconfigPath)) return "kubeconfig";
  if (opts.inCluster) return "in-cluster";
  return "none";
}

/**
 * Builds read-only clients, or null when no cluster is configured or the
 * configuration is unusable: the portal then shows "no cluster connected"
 * instead of failing.
 */
export function createKubeClients(opts: KubeClientOptions): KubeClients | null {
  const mode = detectKubeMode(opts);
  if (mode === "none") return null;
  try {
    const kc = new KubeConfig();
    if (mode === "kubeconfig") kc.loadFromFile(opts.kubeconfigPath!);
    else kc.loadFromCluster();
    const cluster = kc.getCurrentCluster();
    if (!cluster) return null;
    const contextName = kc.getCurrentContext();
    const clusterName = mode === "in-cluster" ? "in-cluster" : cluster.name || contextName || "default";
    return {
      mode,
      cluster: clusterName,
      server: cluster.server,
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      kubeConfig: kc,
      core: kc.makeApiClient(CoreV1Api),
      apps: kc.makeApiClient(AppsV1Api),
      batch: kc.makeApiClient(BatchV1Api),
      autoscaling: kc.makeApiClient(AutoscalingV2Api),
      networking: kc.makeApiClient(NetworkingV1Api),
      discovery: kc.makeApiClient(DiscoveryV1Api),
    };
  } catch {
    // An unreadable or invalid kubeconfig (or http:// without skipTLSVerify) means "not connected".
    return null;
  }
}
