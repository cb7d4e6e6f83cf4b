import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseKubePath, RESOURCE_BY_PLURAL, type ResourceInfo } from "./resources";
import { matchesFieldSelector, matchesLabelSelector } from "./selectors";

export type Fault = "forbidden" | "not-found" | "malformed" | "server-error" | { slowMs: number };

export interface FakeKubeOptions {
  /** Directory name under tests/fixtures/k8s. */
  scenario?: string;
  fixturesDir?: string;
  /** In-memory objects by resource plural (used by the bench); merged over the scenario's. */
  objects?: Record<string, KubeObject[]>;
  /** Per resource plural (e.g. "pods", "horizontalpodautoscalers"). */
  faults?: Record<string, Fault>;
  port?: number;
  clusterName?: string;
}

export interface FakeKube {
  url: string;
  port: number;
  kubeconfigPath: string;
  clusterName: string;
  /** Every request received, so tests can assert the client stayed read-only. */
  requests: { method: string; path: string }[];
  stop(): Promise<void>;
}

export type KubeObject = {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  [key: string]: unknown;
};

export const FIXTURES_ROOT = path.resolve(import.meta.dirname, "../../fixtures/k8s");

export function loadScenario(dir: string): Record<string, KubeObject[]> {
  if (!existsSync(dir)) throw new Error(`fake-kube: no fixture directory ${dir}`);
  const out: Record<string, KubeObject[]> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const plural = file.replace(/\.json$/, "");
    if (!RESOURCE_BY_PLURAL.has(plural)) throw new Error(`fake-kube: unknown resource file ${file}`);
    const list = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    out[plural] = list.items ?? [];
  }
  return out;
}

function status(code: number, reason: string, message: string, details?: Record<string, string>) {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message,
    reason,
    details,
    code,
  };
}

function forbiddenMessage(r: ResourceInfo, ns: string | null) {
  const group = r.apiVersion.includes("/") ? r.apiVersion.split("/")[0] : "";
  const scope = ns ? `in the namespace "${ns}"` : "at the cluster scope";
  return `${r.plural} is forbidden: User "system:serviceaccount:portico:portico-reader" cannot list resource "${r.plural}" in API group "${group}" ${scope}`;
}

export async function startFakeKube(opts: FakeKubeOptions = {}): Promise<FakeKube> {
  const scenario = opts.scenario;
  const base = scenario ? loadScenario(path.join(opts.fixturesDir ?? FIXTURES_ROOT, scenario)) : {};
  const store: Record<string, KubeObject[]> = { ...base, ...(opts.objects ?? {}) };
  const faults = opts.faults ?? {};
  const requests: FakeKube["requests"] = [];
  // Objects never change during a run, so serialized answers can be reused.
  const bodyCache = new Map<string, string>();
  const pending = new Set<NodeJS.Timeout>();
  let resourceVersion = 48_213_907;

  const send = (res: ServerResponse, code: number, body: string) => {
    res.writeHead(code, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === "/version") {
      return send(
        res,
        200,
        JSON.stringify({ major: "1", minor: "31", gitVersion: "v1.31.4", platform: "linux/amd64" }),
      );
    }
    const parsed = parseKubePath(url.pathname);
    if (!parsed)
      return send(
        res,
        404,
        JSON.stringify(status(404, "NotFound", "the server could not find the requested resource")),
      );
    const { resource, namespace, name } = parsed;
    const fault = faults[resource.plural];
    if (fault === "forbidden") {
      return send(
        res,
        403,
        JSON.stringify(
          status(403, "Forbidden", forbiddenMessage(resource, namespace), { kind: resource.plural }),
        ),
      );
    }
    if (fault === "not-found") {
      return send(
        res,
        404,
        JSON.stringify(status(404, "NotFound", "the server could not find the requested resource")),
      );
    }
    if (fault === "server-error") {
      return send(
        res,
        500,
        JSON.stringify(
          status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"),
        ),
      );
    }
    if (fault === "malformed") {
      return send(
        res,
        200,
        `{"kind":"${resource.kind}List","apiVersion":"${resource.apiVersion}","items":[{"metadata":{"name":`,
      );
    }
    const items = (store[resource.plural] ?? []).filter(
      (o) => !namespace || o.metadata?.namespace === namespace,
    );
    if (name) {
      const obj = items.find((o) => o.metadata?.name === name);
      if (!obj) {
        const msg = `${resource.plural}${resource.apiVersion.includes("/") ? `.${resource.apiVersion.split("/")[0]}` : ""} "${name}" not found`;
        return send(res, 404, JSON.stringify(status(404, "NotFound", msg, { name, kind: resource.plural })));
      }
      return send(res, 200, JSON.stringify({ kind: resource.kind, apiVersion: resource.apiVersion, ...obj }));
    }
    const cacheKey = req.url ?? "";
    let body = bodyCache.get(cacheKey);
    if (!body) {
      const fieldSelector = url.searchParams.get("fieldSelector");
      const labelSelector = url.searchParams.get("labelSelector");
      const selected = items.filter(
        (o) =>
          matchesFieldSelector(o, fieldSelector) && matchesLabelSelector(o.metadata?.labels, labelSelector),
      );
      body = JSON.stringify({
        kind: `${resource.kind}List`,
        apiVersion: resource.apiVersion,
        metadata: { resourceVersion: String(resourceVersion++) },
        items: selected,
      });
      bodyCache.set(cacheKey, body);
    }
    send(res, 200, body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ method: req.method ?? "GET", path: url.pathname + url.search });
    if (req.method !== "GET") {
      return send(res, 405, JSON.stringify(status(405, "MethodNotAllowed", "fake-kube is read-only")));
    }
    const parsed = parseKubePath(url.pathname);
    const fault = parsed ? faults[parsed.resource.plural] : undefined;
    if (fault && typeof fault === "object") {
      const timer = setTimeout(() => {
        pending.delete(timer);
        if (!res.destroyed) answer(req, res, url);
      }, fault.slowMs);
      pending.add(timer);
      res.on("close", () => {
        clearTimeout(timer);
        pending.delete(timer);
      });
      return;
    }
    answer(req, res, url);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const clusterName = opts.clusterName ?? `fake-${scenario ?? "cluster"}`;
  const dir = await mkdtemp(path.join(tmpdir(), "fake-kube-"));
  const kubeconfigPath = path.join(dir, "kubeconfig.yaml");
  await writeFile(kubeconfigPath, kubeconfigYaml(clusterName, url), "utf8");

  return {
    url,
    port,
    kubeconfigPath,
    clusterName,
    requests,
    async stop() {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// The client refuses http:// servers unless skipTLSVerify is set.
function kubeconfigYaml(cluster: string, server: string): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${cluster}`,
    "  cluster:",
    `    server: ${server}`,
    "    insecure-skip-tls-verify: true",
    "users:",
    "- name: portico-reader",
    "  user:",
    "    token: fake-token-for-tests",
    "contexts:",
    `- name: ${cluster}`,
    "  context:",
    `    cluster: ${cluster}`,
    "    user: portico-reader",
    `current-context: ${cluster}`,
    "",
  ].join("\n");
}
