import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ChromaClient } from "chromadb";
import { afterAll, describe, expect, it } from "vitest";
import { collectionNameFor, indexRunbooks } from "@/lib/runbooks/index-runbooks";
import { loadRunbooks } from "@/lib/runbooks/load";
import { searchRunbooks } from "@/lib/runbooks/search";
import { createRunbookService } from "@/lib/runbooks/service";
import { createHashingEmbedder, type Embedder } from "@/lib/vector/embeddings";
import { useChromaServer } from "@/tests/support/chroma";

const REPO_RUNBOOKS = path.resolve(__dirname, "../../runbooks");

function countingEmbedder(): Embedder & { texts: number } {
  const inner = createHashingEmbedder();
  const wrapper = {
    id: inner.id,
    dimensions: inner.dimensions,
    texts: 0,
    async embed(texts: string[]) {
      wrapper.texts += texts.length;
      return inner.embed(texts);
    },
  };
  return wrapper;
}

describe("runbook retrieval against a real Chroma server", () => {
  const chroma = useChromaServer();
  const dir = mkdtempSync(path.join(os.tmpdir(), "portico-runbooks-"));
  cpSync(REPO_RUNBOOKS, dir, { recursive: true });
  const embedder = countingEmbedder();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("indexes every runbook into a per-embedder collection", async () => {
    const runbooks = await loadRunbooks(dir);
    const stats = await indexRunbooks({ chroma: chroma.current.client, embedder, runbooks });
    expect(stats).toMatchObject({ added: runbooks.length, updated: 0, removed: 0, unchanged: 0 });
    expect(stats.collection).toBe("runbooks__local-hash-512");
    const col = await chroma.current.client.getCollection({ name: stats.collection });
    expect(await col.count()).toBe(stats.chunks.total);
    expect(embedder.texts).toBe(stats.chunks.total);
  });

  it("re-indexing unchanged content is a no-op (nothing embedded)", async () => {
    const before = embedder.texts;
    const runbooks = await loadRunbooks(dir);
    const stats = await indexRunbooks({ chroma: chroma.current.client, embedder, runbooks });
    expect(stats).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: runbooks.length });
    expect(stats.chunks).toMatchObject({ upserted: 0, deleted: 0 });
    expect(embedder.texts).toBe(before);
  });

  it("re-indexes only the runbook that changed and drops removed runbooks", async () => {
    const file = path.join(dir, "dns-resolution.md");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("## Prevention", "Also check the Pod's dnsPolicy.\n\n## Prevention"),
    );
    unlinkSync(path.join(dir, "container-build.md"));
    const before = embedder.texts;
    const runbooks = await loadRunbooks(dir);
    const stats = await indexRunbooks({ chroma: chroma.current.client, embedder, runbooks });
    expect(stats).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: runbooks.length - 1 });
    expect(stats.chunks.upserted).toBe(1);
    expect(embedder.texts - before).toBe(1);
    const col = await chroma.current.client.getCollection({ name: stats.collection });
    const leftovers = await col.get({ where: { runbookId: "container-build" } });
    expect(leftovers.ids).toEqual([]);
    expect(await col.count()).toBe(stats.chunks.total);
  });

  const cases: Array<[string, string]> = [
    ["pod keeps restarting back-off", "crashloopbackoff"],
    ["terraform Error acquiring the state lock", "terraform-state-lock"],
    ["x509 certificate signed by unknown authority", "tls-certificate"],
    ["container killed exit code 137 memory limit", "oomkilled"],
    ["Failed to pull image manifest unknown", "imagepullbackoff"],
    ['FATAL: password authentication failed for user "app"', "database-error"],
    ["botocore.exceptions.NoCredentialsError: Unable to locate credentials", "cloud-auth"],
    ["Error: ENOSPC: no space left on device, write", "disk-full"],
    ["Error: listen EADDRINUSE: address already in use :::3000", "port-in-use"],
    ["PermissionError: [Errno 13] Permission denied: '/data/state.db'", "permission-denied"],
    ["dial tcp 10.0.3.4:5432: i/o timeout", "network-timeout"],
    ["Error: EMFILE: too many open files", "too-many-open-files"],
  ];

  it.each(cases)("hybrid search: %s → %s", async (query, expected) => {
    const runbooks = await loadRunbooks(REPO_RUNBOOKS);
    const res = await searchRunbooks(
      { query, topK: 3 },
      { chroma: chroma.current.client, embedder, runbooks },
    );
    expect(res.degraded).toEqual([]);
    expect(res.results[0]).toMatchObject({ id: expected, url: `/runbooks/${expected}` });
    expect(res.results[0].score).toBeGreaterThan(0);
    expect(res.results[0].snippet.length).toBeGreaterThan(0);
    expect(res.results[0].heading.length).toBeGreaterThan(0);
  });

  it("the vector leg alone ranks correctly (keyword weight and category boost off)", async () => {
    const runbooks = await loadRunbooks(REPO_RUNBOOKS);
    const res = await searchRunbooks(
      { query: "pod keeps restarting back-off", topK: 3 },
      { chroma: chroma.current.client, embedder, runbooks, weights: { keyword: 0, categoryBoost: 0 } },
    );
    expect(res.degraded).toEqual([]);
    expect(res.results[0].id).toBe("crashloopbackoff");
  });

  it("honours the category filter", async () => {
    const runbooks = await loadRunbooks(REPO_RUNBOOKS);
    const res = await searchRunbooks(
      { query: "memory", topK: 5, categories: ["jvm_oom"] },
      { chroma: chroma.current.client, embedder, runbooks },
    );
    expect(res.results.map((r) => r.id)).toEqual(["jvm-oom"]);
  });

  it("runbook service reindexes from disk and searches through Chroma", async () => {
    const svc = createRunbookService({ runbooksDir: REPO_RUNBOOKS, embedder, chroma: chroma.current.client });
    const stats = await svc.reindex();
    expect(stats.removed).toBe(0);
    expect(stats.added + stats.updated + stats.unchanged).toBe((await svc.list()).length);
    const res = await svc.search({ query: "helm release stuck in pending-upgrade", topK: 1 });
    expect(res).toMatchObject({ degraded: [], results: [{ id: "helm-release" }] });
  });

  it("falls back to keywords within the timeout when Chroma hangs", async () => {
    // Accepts TCP connections but never answers, like a wedged server.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    try {
      const port = (hung.address() as net.AddressInfo).port;
      const runbooks = await loadRunbooks(REPO_RUNBOOKS);
      const started = Date.now();
      const res = await searchRunbooks(
        { query: "terraform Error acquiring the state lock", topK: 3 },
        { chroma: new ChromaClient({ host: "127.0.0.1", port }), embedder, runbooks, timeoutMs: 300 },
      );
      expect(Date.now() - started).toBeLessThan(1500);
      expect(res.degraded).toEqual(["vector_store"]);
      expect(res.results[0].id).toBe("terraform-state-lock");
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => hung.close(() => r()));
    }
  });

  it("falls back to BM25 with degraded vector_store once Chroma is stopped", async () => {
    const runbooks = await loadRunbooks(REPO_RUNBOOKS);
    const client = chroma.current.client;
    await chroma.current.server.stop();
    const started = Date.now();
    const res = await searchRunbooks(
      { query: "pod keeps restarting back-off", topK: 3 },
      { chroma: client, embedder, runbooks },
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.degraded).toEqual(["vector_store"]);
    expect(res.results[0].id).toBe("crashloopbackoff");
    const tls = await searchRunbooks(
      { query: "x509 certificate signed by unknown authority" },
      { chroma: client, embedder, runbooks },
    );
    expect(tls.results[0].id).toBe("tls-certificate");
    expect(collectionNameFor(embedder)).toBe("runbooks__local-hash-512");
  });
});
