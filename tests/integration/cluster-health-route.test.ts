import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getClusterHealthRoute } from "@/app/api/cluster-health/route";
import { GET as getNamespacesRoute } from "@/app/api/kubernetes/namespaces/route";
import { GET as getPodRoute } from "@/app/api/kubernetes/pods/[namespace]/[name]/route";
import { GET as getPodsRoute } from "@/app/api/kubernetes/pods/route";
import { GET as getWorkloadsRoute } from "@/app/api/kubernetes/workloads/route";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { clusterHealthSchema } from "@/lib/k8s/schema";
import { resetKubeServiceForTests } from "@/lib/k8s/service";
import { type FakeKube, type Fault, startFakeKube } from "@/tests/support/fake-kube/server";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

const savedEnv = {
  KUBECONFIG: process.env.KUBECONFIG,
  KUBERNETES_SERVICE_HOST: process.env.KUBERNETES_SERVICE_HOST,
};
const started: FakeKube[] = [];

/** Points the portal's config at a fake cluster (or at none) and forgets cached clients. */
async function useCluster(
  scenario: string | null,
  faults: Record<string, Fault> = {},
): Promise<FakeKube | null> {
  delete process.env.KUBERNETES_SERVICE_HOST;
  let kube: FakeKube | null = null;
  if (scenario) {
    kube = await startFakeKube({ scenario, faults });
    started.push(kube);
    process.env.KUBECONFIG = kube.kubeconfigPath;
  } else {
    delete process.env.KUBECONFIG;
  }
  resetServerConfigForTests();
  resetKubeServiceForTests();
  return kube;
}

const call = (path: string) => getClusterHealthRoute(new Request(`http://localhost${path}`));

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(started.splice(0).map((k) => k.stop()));
});
afterAll(() => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetServerConfigForTests();
  resetKubeServiceForTests();
});

describe("GET /api/cluster-health", () => {
  it("answers a healthy cluster with the exact ClusterHealth shape and no-store", async () => {
    await useCluster("healthy");
    const res = await call("/api/cluster-health");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual([
      "cluster",
      "connected",
      "errors",
      "generated_at",
      "problems",
      "summary",
    ]);
    const h = clusterHealthSchema.strict().parse(body);
    expect(h).toMatchObject({ cluster: "fake-healthy", connected: true, problems: [], errors: [] });
    expect(h.summary.nodes).toEqual({ ready: 3, total: 3 });
    expect(h.summary.deployments).toEqual({ available: 4, total: 4 });
  });

  it("reports the broken scenario's pod problems, and scopes them with ?namespace=", async () => {
    // Recent-termination findings (OOMKilled) are relative to when the fixtures were captured.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T10:00:00Z") });
    await useCluster("broken");
    const all = clusterHealthSchema.parse(await (await call("/api/cluster-health")).json());
    const reasons = new Set(all.problems.map((p) => `${p.kind}/${p.namespace}/${p.reason}`));
    expect(reasons).toContain("Pod/shop/CrashLoopBackOff");
    expect(reasons).toContain("Pod/payments/OOMKilled");
    expect(all.summary.nodes).toEqual({ ready: 2, total: 3 });

    const res = await call("/api/cluster-health?namespace=payments");
    expect(res.status).toBe(200);
    const scoped = clusterHealthSchema.parse(await res.json());
    const namespaces = new Set(scoped.problems.map((p) => p.namespace));
    expect(namespaces.has("shop")).toBe(false);
    expect(namespaces.has("payments")).toBe(true);
    expect(Object.values(scoped.summary.pods.by_phase).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("keeps answering when one kind is forbidden, naming it in errors", async () => {
    await useCluster("broken", { horizontalpodautoscalers: "forbidden" });
    const res = await call("/api/cluster-health");
    expect(res.status).toBe(200);
    const h = clusterHealthSchema.parse(await res.json());
    expect(h.connected).toBe(true);
    expect(h.errors).toHaveLength(1);
    expect(h.errors[0].resource).toBe("horizontalpodautoscalers");
    expect(h.errors[0].message).toMatch(/forbidden \(403\)/);
    expect(h.summary.hpas_at_max).toBe(0);
    expect(h.problems.some((p) => p.reason === "CrashLoopBackOff")).toBe(true);
  });

  it("rejects a namespace that is not a DNS-1123 label with a 400 naming the field", async () => {
    const kube = await useCluster("healthy");
    for (const bad of ["Shop", "a_b", "-x", "x".repeat(64), "a/b"]) {
      const res = await call(`/api/cluster-health?namespace=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.details.fields[0].field).toBe("namespace");
    }
    expect(kube?.requests).toEqual([]);
  });

  it("answers connected:false with 200 when no cluster is configured", async () => {
    await useCluster(null);
    const res = await call("/api/cluster-health");
    expect(res.status).toBe(200);
    const h = clusterHealthSchema.parse(await res.json());
    expect(h).toMatchObject({ cluster: null, connected: false, problems: [], errors: [] });
  });

  it("serves repeated requests within the TTL from the cache, per namespace", async () => {
    const kube = await useCluster("healthy");
    const first = await call("/api/cluster-health");
    expect(first.headers.get("x-cache")).toBe("miss");
    const callsAfterFirst = kube?.requests.length ?? 0;
    expect(callsAfterFirst).toBeGreaterThan(0);
    const second = await call("/api/cluster-health");
    expect(second.headers.get("x-cache")).toBe("hit");
    expect((await second.json()).generated_at).toBe((await first.json()).generated_at);
    expect(kube?.requests.length).toBe(callsAfterFirst);
    // Another namespace is its own cache entry.
    const other = await call("/api/cluster-health?namespace=default");
    expect(other.headers.get("x-cache")).toBe("miss");
    expect(kube?.requests.length).toBeGreaterThan(callsAfterFirst);
  });
});

describe("GET /api/kubernetes/pods", () => {
  const pod = (ns: string, name: string) =>
    getPodRoute(new Request(`http://localhost/api/kubernetes/pods/${ns}/${name}`), {
      params: Promise.resolve({ namespace: ns, name }),
    });

  it("returns pod context, 404 for an unknown pod, 400 for a bad name", async () => {
    await useCluster("broken");
    const res = await pod("shop", "checkout-cjjbldddgk-x7kqp");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ connected: true, found: true, pod: { namespace: "shop" } });
    expect(body.containers.length).toBeGreaterThan(0);
    expect(body.owner).not.toBeNull();

    const missing = await pod("shop", "nope");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect((await pod("Shop", "x")).status).toBe(400);
  });

  it("answers connected:false for a pod when no cluster is configured", async () => {
    await useCluster(null);
    const res = await pod("shop", "anything");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ connected: false, found: false, reason: "not-connected" });
  });

  it("lists pods with status and restarts, optionally per namespace, and namespace names", async () => {
    await useCluster("broken");
    const all = await (await getPodsRoute(new Request("http://localhost/api/kubernetes/pods"))).json();
    expect(all.connected).toBe(true);
    expect(all.pods).toHaveLength(16);
    const crashing = all.pods.filter((p: { reason: string | null }) => p.reason === "CrashLoopBackOff");
    expect(crashing.length).toBeGreaterThan(0);
    expect(crashing[0].restarts).toBeGreaterThan(0);

    const data = await (
      await getPodsRoute(new Request("http://localhost/api/kubernetes/pods?namespace=data"))
    ).json();
    expect(data.pods.map((p: { namespace: string }) => p.namespace)).toEqual(["data", "data"]);
    expect(
      (await getPodsRoute(new Request("http://localhost/api/kubernetes/pods?namespace=DATA"))).status,
    ).toBe(400);

    const ns = await (
      await getNamespacesRoute(new Request("http://localhost/api/kubernetes/namespaces"))
    ).json();
    expect(ns.namespaces).toEqual(["data", "payments", "shop"]);
  });
});

describe("GET /api/kubernetes/workloads", () => {
  let db: CatalogTestDb;
  let dir: string;
  const holder = globalThis as unknown as { __porticoDb?: unknown };

  beforeAll(async () => {
    db = await startCatalogTestDb();
    dir = await mkdtemp(path.join(tmpdir(), "workloads-catalog-"));
    const component = (name: string, annotations: string) =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${annotations}spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n`;
    await writeFile(
      path.join(dir, "catalog-info.yaml"),
      [
        component(
          "checkout",
          "  annotations:\n    backstage.io/kubernetes-id: checkout\n    backstage.io/kubernetes-namespace: shop\n",
        ),
        component("docs-only", ""),
      ].join("---\n"),
    );
    const { result } = await ingestFromDirectory(db.db, dir);
    expect(result.ok).toBe(true);
    // The route reads the process-wide client; point it at the test database.
    holder.__porticoDb = db.db;
  });
  afterAll(async () => {
    delete holder.__porticoDb;
    await db?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const workloads = (entity: string) =>
    getWorkloadsRoute(
      new Request(`http://localhost/api/kubernetes/workloads?entity=${encodeURIComponent(entity)}`),
    );

  it("finds an annotated entity's deployments and pods", async () => {
    await useCluster("broken");
    const res = await workloads("component:default/checkout");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ configured: true, connected: true, namespace: "shop" });
    expect(body.deployments.map((d: { name: string }) => d.name)).toEqual(["checkout"]);
    expect(body.pods.map((p: { name: string }) => p.name).sort()).toEqual([
      "checkout-cjjbldddgk-m2vzr",
      "checkout-cjjbldddgk-x7kqp",
    ]);
  });

  it("says not configured without annotations, no cluster, 404 for unknown entities and 400 for bad refs", async () => {
    await useCluster("broken");
    expect(await (await workloads("component:default/docs-only")).json()).toMatchObject({
      configured: false,
      connected: true,
    });
    expect((await workloads("component:default/ghost")).status).toBe(404);
    expect((await workloads("component:")).status).toBe(400);
    await useCluster(null);
    expect(await (await workloads("component:default/checkout")).json()).toMatchObject({
      configured: true,
      connected: false,
    });
  });
});
