import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubeClients, type KubeClients } from "@/lib/k8s/client";
import { getClusterHealth } from "@/lib/k8s/cluster-health";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import { listPods } from "@/lib/k8s/list-pods";
import { findEntityWorkloads } from "@/lib/k8s/workloads";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";

// Assembled at runtime so no secret-looking literal sits in the source.
const password = ["hun", "ter2", "-not-real"].join("");
const bearer = ["gh", "p_", "k".repeat(36)].join("");
const now = new Date("2026-03-02T10:00:00Z");

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: {
    name: "leaky-7d9f8c6b5-x7kqp",
    namespace: "shop",
    uid: "leaky-uid",
    labels: { "backstage.io/kubernetes-id": "leaky" },
    creationTimestamp: "2026-03-02T09:00:00Z",
  },
  spec: { nodeName: "node-a", containers: [{ name: "app", image: "leaky:1" }] },
  status: {
    phase: "Running",
    message: `probe failed: postgres://app:${password}@db/app`,
    startTime: "2026-03-02T09:00:00Z",
    containerStatuses: [
      {
        name: "app",
        ready: false,
        restartCount: 9,
        image: "leaky:1",
        imageID: "",
        state: {
          waiting: { reason: "CrashLoopBackOff", message: `back-off; last log DB_PASSWORD=${password}` },
        },
        lastState: {
          terminated: {
            reason: "Error",
            exitCode: 1,
            message: `fatal: auth failed with password=${password} and Authorization: Bearer ${bearer}`,
            finishedAt: "2026-03-02T09:59:00Z",
          },
        },
      },
    ],
  },
};

const event = {
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: "leaky.1", namespace: "shop" },
  involvedObject: { kind: "Pod", name: pod.metadata.name, namespace: "shop" },
  type: "Warning",
  reason: "BackOff",
  message: `Back-off restarting failed container: token=${bearer}`,
  count: 3,
  lastTimestamp: "2026-03-02T09:59:30Z",
};

describe("cluster text is redacted before it leaves lib/k8s", () => {
  let kube: FakeKube;
  let clients: KubeClients;
  beforeAll(async () => {
    kube = await startFakeKube({ objects: { pods: [pod], events: [event] } });
    clients = createKubeClients({ kubeconfigPath: kube.kubeconfigPath, timeoutMs: 2_000 })!;
  });
  afterAll(() => kube?.stop());

  const leaks = (value: unknown) => {
    const json = JSON.stringify(value);
    return [password, bearer].filter((s) => json.includes(s));
  };

  it("pod context: events, termination and status messages", async () => {
    const ctx = await collectPodContext(clients, { namespace: "shop", name: pod.metadata.name }, { now });
    if (!ctx.found) throw new Error(`expected the pod, got ${ctx.reason}`);
    expect(ctx.events.length).toBeGreaterThan(0);
    expect(ctx.containers[0].last_termination?.message).toContain("[REDACTED");
    expect(ctx.containers[0].last_termination?.message).toContain("auth failed");
    expect(leaks(ctx)).toEqual([]);
  });

  it("pod list, entity workloads and cluster health", async () => {
    expect(leaks(await listPods(clients, { namespace: "shop" }))).toEqual([]);
    const workloads = await findEntityWorkloads(
      clients,
      { metadata: { name: "leaky", annotations: { "backstage.io/kubernetes-id": "leaky" } } },
      { now },
    );
    expect(workloads.configured && workloads.pods.length).toBe(1);
    expect(leaks(workloads)).toEqual([]);
    const health = await getClusterHealth(clients, { now });
    expect(health.problems.length).toBeGreaterThan(0);
    expect(leaks(health)).toEqual([]);
  });
});
