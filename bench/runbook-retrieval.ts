// Runbook retrieval benchmark: `npx tsx bench/runbook-retrieval.ts`
// Starts a throwaway Chroma server, indexes runbooks/ with the local embedder,
// and prints JSON with index timings, query latency and hit rates.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ChromaClient } from "chromadb";
import { indexRunbooks } from "@/lib/runbooks/index-runbooks";
import { loadRunbooks } from "@/lib/runbooks/load";
import { type RunbookSearchDeps, searchRunbooks } from "@/lib/runbooks/search";
import { startChromaServer } from "@/lib/vector/chroma-server";
import { createHashingEmbedder } from "@/lib/vector/embeddings";

// [query, expected runbook id]; phrased like real error output or on-call questions.
const LABELLED: Array<[string, string]> = [
  ["pod keeps restarting back-off", "crashloopbackoff"],
  ["Back-off restarting failed container api in pod api-7d9c", "crashloopbackoff"],
  ["container exits immediately after start, restart count 14", "crashloopbackoff"],
  ["Reason: OOMKilled exit code 137", "oomkilled"],
  ["container memory limit exceeded and killed by the kernel", "oomkilled"],
  ["ErrImagePull manifest unknown for tag v1.2.3", "imagepullbackoff"],
  ["pull access denied, repository does not exist or may require authorization", "imagepullbackoff"],
  ["CreateContainerConfigError secret db-credentials not found", "create-container-config-error"],
  ["couldn't find key DATABASE_URL in Secret", "create-container-config-error"],
  ["0/6 nodes are available: 3 Insufficient cpu", "failed-scheduling"],
  ["pod stuck Pending node(s) had untolerated taint", "failed-scheduling"],
  ["Liveness probe failed: HTTP probe failed with statuscode: 500", "probe-failure"],
  ["Readiness probe failed context deadline exceeded, pod not ready", "probe-failure"],
  ["Multi-Attach error for volume, Volume is already exclusively attached to one node", "volume-mount"],
  ["MountVolume.SetUp failed timed out waiting for the condition pvc", "volume-mount"],
  ["The node was low on resource: ephemeral-storage, pod Evicted", "node-pressure-eviction"],
  ["node has DiskPressure and pods are being evicted", "node-pressure-eviction"],
  ["dial tcp: lookup db.prod.svc.cluster.local: no such host", "dns-resolution"],
  ["coredns NXDOMAIN Temporary failure in name resolution", "dns-resolution"],
  ["connect ECONNREFUSED 10.0.12.7:5432", "connection-refused"],
  [
    "upstream connect error or disconnect/reset before headers, service has no endpoints",
    "connection-refused",
  ],
  ["x509 certificate signed by unknown authority", "tls-certificate"],
  ["x509: certificate has expired or is not yet valid", "tls-certificate"],
  [
    'pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods"',
    "rbac-forbidden",
  ],
  ["Error from server (Forbidden) serviceaccount cannot patch deployments rolebinding", "rbac-forbidden"],
  ["terraform Error acquiring the state lock", "terraform-state-lock"],
  ["ConditionalCheckFailedException lock info dynamodb force-unlock", "terraform-state-lock"],
  ["terraform plan No valid credential sources found for AWS Provider", "terraform-provider-auth"],
  ["not authorized to perform: sts:AssumeRole terraform provider", "terraform-provider-auth"],
  ["Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress", "helm-release"],
  ["helm release stuck in pending-upgrade", "helm-release"],
  ["argocd application OutOfSync ComparisonError manifest generation error", "argocd-sync"],
  ["Argo CD app Degraded after sync, sync failed", "argocd-sync"],
  ['failed to solve: process "/bin/sh -c npm ci" did not complete successfully', "container-build"],
  ["docker build COPY failed to compute cache key not found", "container-build"],
  ["npm ERR! code ERESOLVE unable to resolve dependency tree", "dependency-resolution"],
  ["pip ResolutionImpossible no matching distribution found", "dependency-resolution"],
  ["java.lang.OutOfMemoryError: Java heap space", "jvm-oom"],
  ["GC overhead limit exceeded in spring boot service", "jvm-oom"],
  ["NullPointerException stack trace on every request since deploy, HTTP 500", "application-exception"],
  ["TypeError: Cannot read properties of undefined, error rate spiking", "application-exception"],
  ["something is broken, not sure where to start the investigation", "general-triage"],
  ["incident triage checklist unknown failure", "general-triage"],
  // Paraphrases with little verbatim overlap, to keep the numbers honest.
  ["app ran out of RAM and got killed", "oomkilled"],
  ["cannot reach postgres from my service, nothing listening on the port", "connection-refused"],
  ["the scheduler cannot place my pod anywhere", "failed-scheduling"],
  ["health check keeps failing so kubernetes restarts the container", "probe-failure"],
  ["service account lacks permission to read secrets", "rbac-forbidden"],
  ["https call fails because the server cert is not trusted", "tls-certificate"],
  ["someone else is running terraform apply and my plan cannot start", "terraform-state-lock"],
  ["gitops controller shows a diff that never goes away", "argocd-sync"],
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, idx)] * 100) / 100;
}

async function evaluate(name: string, deps: RunbookSearchDeps) {
  let top1 = 0;
  let top3 = 0;
  const latencies: number[] = [];
  const misses: Array<{ query: string; expected: string; got: string[] }> = [];
  const degraded = new Set<string>();
  for (const [query, expected] of LABELLED) {
    const t0 = performance.now();
    const res = await searchRunbooks({ query, topK: 3 }, deps);
    latencies.push(performance.now() - t0);
    for (const d of res.degraded) degraded.add(d);
    const ids = res.results.map((r) => r.id);
    if (ids[0] === expected) top1++;
    if (ids.includes(expected)) top3++;
    if (ids[0] !== expected) misses.push({ query, expected, got: ids });
  }
  latencies.sort((a, b) => a - b);
  return {
    mode: name,
    queries: LABELLED.length,
    top1HitRate: Math.round((top1 / LABELLED.length) * 1000) / 1000,
    top3HitRate: Math.round((top3 / LABELLED.length) * 1000) / 1000,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    degraded: [...degraded],
    top1Misses: misses,
  };
}

async function main() {
  const runbookDir = path.resolve(process.cwd(), "runbooks");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-chroma-"));
  const t0 = performance.now();
  const server = await startChromaServer({ dataDir, port: 0 });
  const serverStartMs = performance.now() - t0;
  try {
    const chroma = new ChromaClient({ host: server.host, port: server.port });
    const embedder = createHashingEmbedder();
    const runbooks = await loadRunbooks(runbookDir);

    let t = performance.now();
    const first = await indexRunbooks({ chroma, embedder, runbooks });
    const indexMs = performance.now() - t;
    t = performance.now();
    const second = await indexRunbooks({ chroma, embedder, runbooks });
    const reindexNoopMs = performance.now() - t;

    // Warm the per-runbook-set caches and JIT so p50 reflects steady state.
    await searchRunbooks({ query: "warm up" }, { chroma, embedder, runbooks });

    const base = { chroma, embedder, runbooks };
    const modes = [
      await evaluate("hybrid", base),
      await evaluate("hybrid_no_category_boost", { ...base, weights: { categoryBoost: 0 } }),
      await evaluate("vector_only", { ...base, weights: { keyword: 0, categoryBoost: 0 } }),
      await evaluate("keyword_fallback", { ...base, chroma: null }),
    ];
    const categories = new Set(runbooks.flatMap((r) => r.categories));
    console.log(
      JSON.stringify(
        {
          embedder: embedder.id,
          runbooks: runbooks.length,
          categoriesCovered: categories.size,
          chunks: first.chunks.total,
          chromaServerStartMs: Math.round(serverStartMs),
          indexMs: Math.round(indexMs),
          reindexNoopMs: Math.round(reindexNoopMs),
          firstIndex: {
            added: first.added,
            updated: first.updated,
            removed: first.removed,
            unchanged: first.unchanged,
          },
          secondIndex: {
            added: second.added,
            updated: second.updated,
            removed: second.removed,
            unchanged: second.unchanged,
          },
          results: modes,
        },
        null,
        2,
      ),
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
