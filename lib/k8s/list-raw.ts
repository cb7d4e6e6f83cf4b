import {
  ApiException,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  RequestContext,
} from "@kubernetes/client-node";
import { type CallResult, kubeCall } from "./call";
import type { KubeClients } from "./client";

const http = new IsomorphicFetchHttpLibrary();

/**
 * List call through client-node's own auth, TLS and fetch stack, but without its
 * model deserializer: that walk costs ~150-400 ms for 1,000 pods, more than the
 * whole health budget. Items therefore keep wire types (timestamps are RFC 3339
 * strings, not Dates); every reader in lib/k8s normalizes with `new Date(...)`.
 */
export function listRaw<T>(
  clients: KubeClients,
  resource: string,
  path: string,
  query: Record<string, string | undefined> = {},
): Promise<CallResult<{ items: T[] }>> {
  return kubeCall(resource, clients.timeoutMs, async (options) => {
    const ctx = new RequestContext(clients.server.replace(/\/+$/, "") + path, HttpMethod.GET);
    ctx.setHeaderParam("Accept", "application/json");
    for (const [k, v] of Object.entries(query)) if (v !== undefined) ctx.setQueryParam(k, v);
    await clients.kubeConfig.applySecurityAuthentication(ctx);
    // Reuse the abort wiring kubeCall built for the typed API.
    for (const m of options.middleware ?? []) await m.pre(ctx).toPromise();
    const res = await http.send(ctx).toPromise();
    const text = await res.body.text();
    if (res.httpStatusCode < 200 || res.httpStatusCode >= 300) {
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Non-JSON error bodies (proxies, load balancers) are passed on as text.
      }
      throw new ApiException(res.httpStatusCode, `HTTP ${res.httpStatusCode}`, body, res.headers);
    }
    const parsed = JSON.parse(text) as { items?: T[] | null };
    return { items: parsed.items ?? [] };
  });
}

/** `/api/v1/...` for the core group, `/apis/<group>/<version>/...` otherwise; namespaced when `namespace` is set. */
export function listPath(apiVersion: string, plural: string, namespace?: string | null): string {
  const base = apiVersion === "v1" ? "/api/v1" : `/apis/${apiVersion}`;
  return namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${plural}` : `${base}/${plural}`;
}
