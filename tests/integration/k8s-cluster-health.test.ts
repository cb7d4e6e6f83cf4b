import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubeClients } from "@/lib/k8s/client";
import { getClusterHealth } from "@/lib/k8s/cluster-health";
import { clusterHealthSchema } from "@/lib/k8s/schema";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";

// The fixtures were captured around this time; recency windows are relative to it.
const now = new Date("2026-03-02T10:00:00Z");

describe("cluster health through @kubernetes/client-node against the fake API server", () => {
  let healthy: FakeKube;
  let broken: FakeKube;
  beforeAll(async () => {
    [healthy, broken] = await Promise.all([
      startFakeKube({ scenario: "healthy" }),
      startFakeKube({ scenario: "broken" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([healthy?.stop(), broken?.stop()]);
  });

  it("reports no problems for a healthy cluster", async () => {
    const clients = createKubeClients({ kubeconfigPath: healthy.kubeconfigPath, timeoutMs: 2_000 });
    expect(clients?.mode).toBe("kubeconfig");
    const h = clusterHealthSchema.parse(await getClusterHealth(clients, { now }));
    expect(h.connected).toBe(true);
    expect(h.cluster).toBe("fake-healthy");
    expect(h.errors).toEqual([]);
    expect(h.problems).toEqual([]);
    expect(h.summary.nodes).toEqual({ ready: 3, total: 3 });
    expect(h.summary.deployments).toEqual({ available: 4, total: 4 });
    expect(h.summary.pods.by_phase).toEqual({ Running: 9, Succeeded: 1 });
    expect(h.summary.hpas_at_max).toBe(0);
    expect(h.summary.quotas_near_limit).toBe(0);
    // The client stayed read-only.
    expect(healthy.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("finds the expected problems in the broken scenario", async () => {
    const clients = createKubeClients({ kubeconfigPath: broken.kubeconfigPath, timeoutMs: 2_000 });
    const h = clusterHealthSchema.parse(await getClusterHealth(clients, { now }));
    expect(h.errors).toEqual([]);
    const found = new Set(h.problems.map((p) => `${p.kind}/${p.namespace ?? "-"}/${p.reason}`));
    for (const expected of [
      "Node/-/NodeStatusUnknown",
      "Node/-/MemoryPressure",
      "Pod/shop/CrashLoopBackOff",
      "Pod/shop/ImagePullBackOff",
      "Pod/shop/InvalidImageName",
      "Pod/shop/RunContainerError",
      "Pod/payments/CreateContainerConfigError",
      "Pod/payments/OOMKilled",
      "Pod/data/Unschedulable",
      "Pod/shop/Unhealthy",
      "Pod/shop/Evicted",
      "Deployment/shop/ProgressDeadlineExceeded",
      "HorizontalPodAutoscaler/shop/AtMaxReplicas",
      "ResourceQuota/shop/QuotaNearLimit",
      "Service/shop/NoReadyEndpoints",
      "PersistentVolumeClaim/data/ProvisioningFailed",
      "Job/data/BackoffLimitExceeded",
      "CronJob/data/BackoffLimitExceeded",
      "Ingress/shop/BackendServiceMissing",
    ]) {
      expect(found, expected).toContain(expected);
    }
    // Known K8sGPT false positives stay quiet.
    const names = h.problems.map((p) => `${p.kind}/${p.namespace}/${p.name}`);
    expect(names).not.toContain("HorizontalPodAutoscaler/payments/ledger"); // ScalingLimited at min only
    expect(names).not.toContain("Pod/shop/cleanup-29546100-p9zt4"); // Succeeded CronJob pod
    expect(names).not.toContain("CronJob/shop/cleanup"); // failed earlier, latest run succeeded
    expect(names).not.toContain("Pod/data/migrate-schema-7kq2x"); // reported once, via its Job
    expect(names.filter((n) => n.startsWith("Node/") && n.includes("ip-10-0-12-41"))).toEqual([]);
    expect(h.problems[0].severity).toBe("critical");
    expect(h.summary.nodes).toEqual({ ready: 2, total: 3 });
    expect(h.summary.hpas_at_max).toBe(1);
    expect(h.summary.quotas_near_limit).toBe(1);
    expect(h.summary.pods.restarting).toBeGreaterThanOrEqual(3);
  });

  it("scopes to a namespace", async () => {
    const clients = createKubeClients({ kubeconfigPath: broken.kubeconfigPath, timeoutMs: 2_000 });
    const h = await getClusterHealth(clients, { namespace: "payments", now });
    const namespaces = new Set(h.problems.filter((p) => p.namespace !== null).map((p) => p.namespace));
    expect([...namespaces]).toEqual(["payments"]);
    expect(h.summary.deployments.total).toBe(2);
  });

  it("answers connected:false when no cluster is configured", async () => {
    const h = await getClusterHealth(createKubeClients({}));
    expect(h).toMatchObject({ connected: false, cluster: null, problems: [], errors: [] });
    expect(h.summary.nodes).toEqual({ ready: 0, total: 0 });
  });

  it("answers connected:false with per-kind errors when the API server is unreachable", async () => {
    const gone = await startFakeKube({ scenario: "healthy" });
    const clients = createKubeClients({ kubeconfigPath: gone.kubeconfigPath, timeoutMs: 1_000 });
    await gone.stop();
    const h = await getClusterHealth(clients, { now });
    expect(h.connected).toBe(false);
    expect(h.errors.length).toBeGreaterThanOrEqual(12);
  });
});
