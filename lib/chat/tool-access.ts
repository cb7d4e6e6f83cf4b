import type { Scope } from "@/lib/access/scopes";
import type { ChatToolDeps } from "./tools";

const refusal = (scope: Scope) => `This needs the ${scope} scope, which the asking principal lacks`;

/**
 * The chat route itself only needs `chat`, but its tools read data other scopes
 * guard: live pod and cluster state (`cluster:read`) and the catalog
 * (`catalog:read`). Without the scope a tool refuses, and the refusal reaches
 * the model (or the offline reply) as a tool error it can explain, instead of
 * an empty answer that would read as "all healthy" or "no such service".
 * Offline entity matching (`catalogNames`) is catalog data too: it sees nothing.
 */
export function restrictToolsToScopes(tools: ChatToolDeps, has: (scope: Scope) => boolean): ChatToolDeps {
  const refuse = (scope: Scope) => async (): Promise<never> => {
    throw new Error(refusal(scope));
  };
  let out = tools;
  if (!has("cluster:read"))
    out = { ...out, clusterHealth: refuse("cluster:read"), podDetails: refuse("cluster:read") };
  if (!has("catalog:read"))
    out = {
      ...out,
      findEntities: refuse("catalog:read"),
      getEntity: refuse("catalog:read"),
      catalogNames: async () => [],
    };
  return out;
}
