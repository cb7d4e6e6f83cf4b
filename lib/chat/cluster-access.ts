import type { ChatToolDeps } from "./tools";

export const CLUSTER_READ_REFUSAL = "This needs the cluster:read scope, which the asking principal lacks";

/**
 * The chat's cluster tools read live pod and cluster data, which `cluster:read`
 * guards; the route itself only needs `chat`. Without the scope they refuse, and
 * the refusal reaches the model (or the offline reply) as a tool error it can
 * explain, instead of an empty cluster that would read as "all healthy".
 */
export function restrictClusterTools(tools: ChatToolDeps, canReadCluster: boolean): ChatToolDeps {
  if (canReadCluster) return tools;
  const refuse = async (): Promise<never> => {
    throw new Error(CLUSTER_READ_REFUSAL);
  };
  return { ...tools, clusterHealth: refuse, podDetails: refuse };
}
