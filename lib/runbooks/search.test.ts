import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cosineSimilarity, createHashingEmbedder, type Embedder } from "@/lib/vector/embeddings";
import { chunkRunbooks } from "./chunk";
import type { ChromaLike } from "./index-runbooks";
import { loadRunbooks, type Runbook } from "./load";
import { searchRunbooks } from "./search";

const embedder = createHashingEmbedder();

/** In-memory stand-in for the Chroma collection API used by search. */
async function fakeChroma(runbooks: Runbook[]): Promise<ChromaLike & { queries: number }> {
  const chunks = chunkRunbooks(runbooks);
  const vectors = await embedder.embed(chunks.map((c) => c.text));
  const fake = {
    queries: 0,
    getCollection: async () => ({
      query: async ({ queryEmbeddings, nResults }: { queryEmbeddings: number[][]; nResults: number }) => {
        fake.queries++;
        const ranked = chunks
          .map((c, i) => ({ id: c.id, distance: 1 - cosineSimilarity(queryEmbeddings[0], vectors[i]) }))
          .sort((a, b) => a.distance - b.distance)
          .slice(0, nResults);
        return { ids: [ranked.map((r) => r.id)], distances: [ranked.map((r) => r.distance)] };
      },
    }),
    getOrCreateCollection: async () => {
      throw new Error("not used by search");
    },
  };
  return fake as unknown as ChromaLike & { queries: number };
}

describe("searchRunbooks", () => {
  let runbooks: Runbook[];
  beforeAll(async () => {
    runbooks = await loadRunbooks(path.resolve(__dirname, "../../runbooks"));
  });

  it("blends vector and keyword scores and reports no degradation when both legs work", async () => {
    const chroma = await fakeChroma(runbooks);
    const res = await searchRunbooks(
      { query: "pod keeps restarting back-off", topK: 3 },
      { chroma, embedder, runbooks },
    );
    expect(chroma.queries).toBe(1);
    expect(res.degraded).toEqual([]);
    expect(res.category).toBe("crashloopbackoff");
    expect(res.results).toHaveLength(3);
    expect(res.results[0]).toMatchObject({
      id: "crashloopbackoff",
      title: "Pod in CrashLoopBackOff",
      url: "/runbooks/crashloopbackoff",
    });
    expect(res.results[0].score).toBeLessThanOrEqual(1);
    const scores = res.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("boosts runbooks whose category matches the classified query", async () => {
    const deps = { chroma: null, embedder, runbooks };
    const withBoost = await searchRunbooks(
      { query: "memory" },
      { ...deps, classify: () => "node_pressure_eviction" },
    );
    const withoutBoost = await searchRunbooks({ query: "memory" }, { ...deps, classify: () => null });
    const rank = (r: typeof withBoost, id: string) => r.results.findIndex((x) => x.id === id);
    expect(withBoost.category).toBe("node_pressure_eviction");
    expect(rank(withBoost, "node-pressure-eviction")).toBe(0);
    expect(rank(withoutBoost, "node-pressure-eviction")).toBeGreaterThan(0);
  });

  it("without Chroma it uses BM25 only and says so", async () => {
    const res = await searchRunbooks(
      { query: "x509 certificate signed by unknown authority" },
      { chroma: null, embedder, runbooks },
    );
    expect(res.degraded).toEqual(["vector_store"]);
    expect(res.results[0].id).toBe("tls-certificate");
  });

  it("reports embeddings as degraded when the embedder fails", async () => {
    const chroma = await fakeChroma(runbooks);
    const broken: Embedder = {
      id: embedder.id,
      dimensions: 512,
      embed: async () => Promise.reject(new Error("quota")),
    };
    const res = await searchRunbooks(
      { query: "helm upgrade failed" },
      { chroma, embedder: broken, runbooks },
    );
    expect(res.degraded).toEqual(["embeddings"]);
    expect(res.results[0].id).toBe("helm-release");
  });

  it("ignores vector hits for chunks that are no longer in the corpus", async () => {
    const chroma = {
      getCollection: async () => ({
        query: async () => ({ ids: [["deleted-runbook#fixes"]], distances: [[0.01]] }),
      }),
    } as unknown as ChromaLike;
    const res = await searchRunbooks({ query: "argocd OutOfSync" }, { chroma, embedder, runbooks });
    expect(res.results.map((r) => r.id)).not.toContain("deleted-runbook");
    expect(res.results[0].id).toBe("argocd-sync");
  });

  it("puts the runbooks of the diagnosis's categories first, in order, and fills with keyword hits", async () => {
    const query = "pod keeps restarting back-off";
    const plain = await searchRunbooks({ query, topK: 3 }, { chroma: null, embedder, runbooks });
    expect(plain.results[0].id).toBe("crashloopbackoff");
    const res = await searchRunbooks(
      { query, topK: 3, category: "oomkilled", preferCategories: ["oomkilled", "dns_resolution"] },
      { chroma: null, embedder, runbooks },
    );
    // dns_resolution has no keyword hit for this query: it is pinned anyway.
    expect(res.results.map((r) => r.categories[0])).toEqual([
      "oomkilled",
      "dns_resolution",
      "crashloopbackoff",
    ]);
  });

  it("returns empty results for a blank query", async () => {
    expect(await searchRunbooks({ query: "   " }, { chroma: null, embedder, runbooks })).toEqual({
      results: [],
      degraded: [],
      category: null,
    });
  });
});
