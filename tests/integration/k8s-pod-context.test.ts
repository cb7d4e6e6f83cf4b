import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKubeClients, type KubeClients } from "@/lib/k8s/client";
import { getClusterHealth } from "@/lib/k8s/cluster-health";
import { collectPodContext } from "@/lib/k8s/collect-pod";
import { findEntityWorkloads } from "@/lib/k8s/workloads";
import { type FakeKube, startFakeKube } from "@/tests/support/fake-kube/server";

const now = new Date("2026-03-02T10:00:00Z");

describe("pod context and entity workloads", () => {
  let kube: FakeKube;
  let clients: KubeClients;
  beforeAll(async () => {
    kube = await startFakeKube({ scenario: "broken" });
    clients = createKubeClients({ kubeconfigPath: kube.kubeconfigPath, timeoutMs: 2_000 })!;
  });
  afterAll(() => kube?.stop());

  it("collects last termination, events and the owning deployment of a crashlooping pod", async () => {
    const health = await getClusterHealth(clients, { now });
    const crash = health.problems.find((p) => p.reason === "CrashLoopBackOff")!;
    const ctx = await collectPodContext(clients, { namespace: crash.namespace!, name: crash.name }, { now });
    if (!ctx.found) throw new Error(`expected the pod, got ${ctx.reason}`);
    const [c] = ctx.containers;
    expect(c).toMatchObject({
      name: "checkout",
      state: "waiting",
      state_reason: "CrashLoopBackOff",
      restarts: 14,
    });
    expect(c.last_termination).toMatchObject({
      reason: "Error",
      exit_code: 1,
      message: "panic: DATABASE_URL is not set",
    });
    expect(c.requests).toEqual({ cpu: "250m", memory: "256Mi" });
    expect(c.limits).toEqual({ cpu: "1", memory: "512Mi" });
    expect(ctx.owner).toMatchObject({
      kind: "Deployment",
      name: "checkout",
      via: { kind: "ReplicaSet" },
      replicas: { desired: 2, available: 0 },
    });
    expect(ctx.owner?.conditions.map((x) => x.type)).toEqual(["Available", "Progressing"]);
    if (crash.name.endsWith("x7kqp")) {
      expect(ctx.events.map((e) => e.reason).sort()).toEqual(["BackOff", "Pulled"]);
    }
    expect(ctx.problems[0].reason).toBe("CrashLoopBackOff");
    expect(ctx.errors).toEqual([]);
    // Events were fetched with a field selector, not by listing the namespace.
    expect(
      kube.requests.some((r) => decodeURIComponent(r.path).includes(`involvedObject.name=${crash.name}`)),
    ).toBe(true);
  });

  it("returns a typed not-found, and not-connected without clients", async () => {
    expect(await collectPodContext(clients, { namespace: "shop", name: "nope" })).toMatchObject({
      found: false,
      reason: "not-found",
    });
    expect(await collectPodContext(null, { namespace: "shop", name: "x" })).toMatchObject({
      found: false,
      reason: "not-connected",
    });
  });

  it("resolves a Job-owned pod to its Job", async () => {
    const ctx = await collectPodContext(
      clients,
      { namespace: "data", name: "migrate-schema-7kq2x" },
      { now },
    );
    expect(ctx.found && ctx.owner).toMatchObject({ kind: "Job", name: "migrate-schema", job: { failed: 4 } });
  });

  it("finds an entity's workloads by kubernetes-id label or explicit selector", async () => {
    const byId = await findEntityWorkloads(
      clients,
      { metadata: { name: "checkout", annotations: { "backstage.io/kubernetes-id": "checkout" } } },
      { now },
    );
    if (!byId.configured) throw new Error("expected configured");
    expect(byId.deployments.map((d) => d.name)).toEqual(["checkout"]);
    expect(byId.pods).toHaveLength(2);
    expect(byId.pods[0]).toMatchObject({
      phase: "Running",
      ready: "0/1",
      restarts: 14,
      reason: "CrashLoopBackOff",
    });
    const bySelector = await findEntityWorkloads(clients, {
      metadata: {
        name: "x",
        annotations: {
          "backstage.io/kubernetes-label-selector": "app.kubernetes.io/name in (ledger,fraud-model)",
          "backstage.io/kubernetes-namespace": "payments",
        },
      },
    });
    expect(bySelector.configured && bySelector.deployments.map((d) => d.name).sort()).toEqual([
      "fraud-model",
      "ledger",
    ]);
    expect(await findEntityWorkloads(clients, { metadata: { name: "plain" } })).toEqual({
      configured: false,
      connected: true,
    });
  });
});

describe("standalone fake server process", () => {
  it("prints url and kubeconfig as JSON and serves the scenario", async () => {
    const child = spawn(
      "npx",
      [
        "tsx",
        "tests/support/fake-kube/main.ts",
        "--scenario",
        "broken",
        "--port",
        "0",
        "--fault",
        "ingresses=forbidden",
      ],
      {
        cwd: process.cwd(),
        stdio: ["ignore", "pipe", "inherit"],
        // Own process group, so npx, tsx and node all get the signal below.
        detached: true,
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once("line", resolve);
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const info = JSON.parse(line);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const h = await getClusterHealth(
        createKubeClients({ kubeconfigPath: info.kubeconfigPath, timeoutMs: 2_000 }),
        { now },
      );
      expect(h.cluster).toBe("fake-broken");
      expect(h.errors.map((e) => e.resource)).toEqual(["ingresses"]);
      expect(h.problems.length).toBeGreaterThan(10);
    } finally {
      process.kill(-child.pid!, "SIGTERM");
      await exited;
    }
  });
});
