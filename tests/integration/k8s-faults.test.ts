import { afterEach, describe, expect, it } from "vitest";
import { createKubeClients } from "@/lib/k8s/client";
import { getClusterHealth } from "@/lib/k8s/cluster-health";
import { type FakeKube, type Fault, startFakeKube } from "@/tests/support/fake-kube/server";

const now = new Date("2026-03-02T10:00:00Z");
let kube: FakeKube | undefined;
afterEach(async () => {
  await kube?.stop();
  kube = undefined;
});

async function healthWith(faults: Record<string, Fault>, timeoutMs = 2_000) {
  kube = await startFakeKube({ scenario: "broken", faults });
  const clients = createKubeClients({ kubeconfigPath: kube.kubeconfigPath, timeoutMs });
  return getClusterHealth(clients, { now });
}

describe("partial failures are reported per kind", () => {
  it("403 on one kind: the others are answered and an error names the kind", async () => {
    const h = await healthWith({ horizontalpodautoscalers: "forbidden" });
    expect(h.connected).toBe(true);
    expect(h.errors).toEqual([
      {
        resource: "horizontalpodautoscalers",
        message: expect.stringMatching(/^forbidden \(403\): .*cannot list/),
      },
    ]);
    expect(h.summary.hpas_at_max).toBe(0);
    expect(h.problems.some((p) => p.kind === "HorizontalPodAutoscaler")).toBe(false);
    expect(h.problems.some((p) => p.reason === "CrashLoopBackOff")).toBe(true);
    expect(h.summary.nodes.total).toBe(3);
  });

  it("a slow kind times out while the answer still arrives promptly", async () => {
    const started = Date.now();
    const h = await healthWith({ pods: { slowMs: 10_000 } }, 500);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_500);
    expect(h.errors).toEqual([{ resource: "pods", message: "timed out after 500 ms" }]);
    expect(h.summary.pods.by_phase).toEqual({});
    expect(h.summary.deployments.total).toBe(9);
    expect(h.problems.some((p) => p.kind === "Node")).toBe(true);
  });

  it("malformed JSON becomes an error entry instead of a crash", async () => {
    const h = await healthWith({ nodes: "malformed" });
    expect(h.errors).toEqual([{ resource: "nodes", message: expect.stringContaining("malformed response") }]);
    expect(h.summary.nodes).toEqual({ ready: 0, total: 0 });
    expect(h.problems.some((p) => p.kind === "Deployment")).toBe(true);
  });

  it("without EndpointSlices (404) it falls back to core Endpoints", async () => {
    const h = await healthWith({ endpointslices: "not-found" });
    expect(h.errors).toEqual([]);
    expect(kube?.requests.some((r) => r.path.startsWith("/api/v1/endpoints"))).toBe(true);
    const svc = h.problems.filter((p) => p.kind === "Service").map((p) => p.name);
    expect(svc).toContain("search");
    expect(svc).not.toContain("storefront");
  });

  it("failing services do not turn every ingress backend into a false alarm", async () => {
    const h = await healthWith({ services: "server-error" });
    expect(h.errors).toEqual([
      { resource: "services", message: expect.stringContaining("HTTP error (500)") },
    ]);
    expect(h.problems.some((p) => p.kind === "Ingress" || p.kind === "Service")).toBe(false);
  });
});
