import { existsSync } from "node:fs";
import { getServerConfig, type ServerConfig } from "@/lib/config/server-config";
import { createKubeClients, type KubeClientOptions, type KubeClients } from "./client";
import {
  type ClusterHealth,
  type ClusterHealthFn,
  createCachedClusterHealth,
  getClusterHealth,
} from "./cluster-health";

/** Short enough that the Cluster page's 10 s poll always sees fresh data, long enough to absorb many tabs. */
export const CLUSTER_HEALTH_TTL_MS = 4_000;

const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** Maps the validated server config to client options (first KUBECONFIG entry, like kubectl's primary file). */
export function kubeClientOptions(
  k8s: ServerConfig["kubernetes"],
  tokenExists: (path: string) => boolean = existsSync,
): KubeClientOptions {
  return {
    kubeconfigPath:
      k8s.mode === "kubeconfig" ? k8s.kubeconfigPath?.split(":").find((p) => p.length > 0) : undefined,
    inCluster: k8s.mode === "in-cluster" && tokenExists(SERVICE_ACCOUNT_TOKEN),
    timeoutMs: k8s.timeoutMs,
  };
}

interface KubeService {
  clients: KubeClients | null;
  clusterHealth: ClusterHealthFn & { clear(): void };
  /** Answers already handed out once: the cache returns the same object on a hit. */
  served: WeakSet<ClusterHealth>;
}

// Survives Next dev-mode module reloads so the TTL cache is not silently lost per edit.
const holder = globalThis as unknown as { __porticoKube?: KubeService };

function service(): KubeService {
  if (holder.__porticoKube) return holder.__porticoKube;
  const clients = createKubeClients(kubeClientOptions(getServerConfig().kubernetes));
  holder.__porticoKube = {
    clients,
    clusterHealth: createCachedClusterHealth(
      (opts) => getClusterHealth(clients, opts),
      CLUSTER_HEALTH_TTL_MS,
    ),
    served: new WeakSet(),
  };
  return holder.__porticoKube;
}

/** Read-only clients built once per process from config; null means "no cluster connected". */
export function getKubeClients(): KubeClients | null {
  return service().clients;
}

/** Cluster health with the per-namespace TTL cache and in-flight de-duplication shared by all requests. */
export function getCachedClusterHealth(): ClusterHealthFn {
  return service().clusterHealth;
}

/** Like `getCachedClusterHealth()(opts)`, also telling whether the answer came from the cache (for `X-Cache`). */
export async function readClusterHealth(
  opts: { namespace?: string } = {},
): Promise<{ health: ClusterHealth; cache: "hit" | "miss" }> {
  const svc = service();
  const health = await svc.clusterHealth(opts);
  const cache = svc.served.has(health) ? "hit" : "miss";
  svc.served.add(health);
  return { health, cache };
}

/** Tests only: forget clients and cache after changing KUBECONFIG (call resetServerConfigForTests too). */
export function resetKubeServiceForTests(): void {
  holder.__porticoKube?.clusterHealth.clear();
  holder.__porticoKube = undefined;
}
