// End-to-end getClusterHealth against a synthetic cluster served by the fake API server, through the
// real @kubernetes/client-node (HTTP, JSON parsing, model deserialization, analyzers, summary).
// Run: npx tsx bench/k8s-cluster-health.ts   (prints one JSON object; target p95 <= 300 ms)

import { spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { createKubeClients } from "@/lib/k8s/client";
import { getClusterHealth } from "@/lib/k8s/cluster-health";
import { app, type Scenario } from "@/tests/fixtures/k8s/scenario-helpers";
import { node } from "@/tests/support/fake-kube/builders";
import { hpa, quota } from "@/tests/support/fake-kube/builders-workloads";
import { startFakeKube } from "@/tests/support/fake-kube/server";

const RUNS = Number(process.env.RUNS ?? 20);
const WARMUP = 3;
const TARGET_MS = 300;

function syntheticCluster(): Scenario {
  const s: Scenario = {
    nodes: Array.from({ length: 50 }, (_, i) =>
      node(`ip-10-1-${Math.floor(i / 10)}-${i}.eu-west-1.compute.internal`, {
        pressure: { MemoryPressure: i === 7 },
      }),
    ),
  };
  for (let d = 0; d < 200; d++) {
    const ns = `team-${d % 20}`;
    // Every 25th deployment has a crashlooping pod so the analyzers do real work.
    const broken = d % 25 === 0;
    app(s, ns, `svc-${d}`, 5, {
      available: broken ? 4 : 5,
      podOverrides: (i) =>
        broken && i === 0
          ? {
              containers: [
                {
                  name: `svc-${d}`,
                  image: `ghcr.io/acme/svc-${d}:1.0.0`,
                  ready: false,
                  restartCount: 9,
                  state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 5m0s" } },
                },
              ],
            }
          : null,
    });
  }
  s.horizontalpodautoscalers = Array.from({ length: 100 }, (_, i) =>
    hpa({
      ns: `team-${i % 20}`,
      name: `svc-${i}`,
      target: `svc-${i}`,
      min: 2,
      max: 10,
      current: i % 10 === 0 ? 10 : 5,
      desired: i % 10 === 0 ? 10 : 5,
    }),
  );
  s.resourcequotas = Array.from({ length: 20 }, (_, i) =>
    quota({
      ns: `team-${i}`,
      name: "compute",
      hard: { "requests.cpu": "20", "requests.memory": "64Gi", pods: "100" },
      used: { "requests.cpu": `${i % 5 === 0 ? 19 : 5}`, "requests.memory": "8Gi", pods: "50" },
    }),
  );
  return s;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// The API server runs in its own process (as a real one would), so its serialization
// work does not share the event loop with the client being measured.
async function serve() {
  const kube = await startFakeKube({ objects: syntheticCluster(), clusterName: "bench" });
  process.stdout.write(`${JSON.stringify({ url: kube.url, kubeconfigPath: kube.kubeconfigPath })}\n`);
  process.on("SIGTERM", () => kube.stop().then(() => process.exit(0)));
}

async function startServerProcess() {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1], "--serve"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`fake API server exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    ...(JSON.parse(line) as { url: string; kubeconfigPath: string }),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function main() {
  const objects = syntheticCluster();
  const kube = await startServerProcess();
  try {
    const clients = createKubeClients({ kubeconfigPath: kube.kubeconfigPath, timeoutMs: 10_000 });
    let last = await getClusterHealth(clients);
    for (let i = 1; i < WARMUP; i++) await getClusterHealth(clients);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await getClusterHealth(clients);
      times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    const p95 = pct(sorted, 95);
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: "k8s-cluster-health",
          cluster: {
            nodes: objects.nodes.length,
            deployments: objects.deployments.length,
            pods: objects.pods.length,
            hpas: objects.horizontalpodautoscalers.length,
          },
          runs: RUNS,
          p50_ms: round(pct(sorted, 50)),
          p95_ms: round(p95),
          min_ms: round(sorted[0]),
          max_ms: round(sorted[sorted.length - 1]),
          target_p95_ms: TARGET_MS,
          pass: p95 <= TARGET_MS,
          // Context for noisy numbers: a shared machine's load skews the tail.
          host: { cpus: cpus().length, loadavg_1m: Math.round(loadavg()[0] * 100) / 100 },
          problems: last.problems.length,
          errors: last.errors.length,
          summary: last.summary,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await kube.stop();
  }
}

(process.argv.includes("--serve") ? serve() : main()).catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
