import { describe, expect, it } from "vitest";
import { cosineSimilarity, createHashingEmbedder, fnv1a32, l2Normalize } from "./embeddings";

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("fnv1a32", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("hashes the UTF-8 encoding of non-ASCII text", () => {
    const viaBytes = (s: string) => {
      let h = 0x811c9dc5;
      for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193);
      return h >>> 0;
    };
    for (const s of ["é", "ключ", "日本", "🚀 pod"]) expect(fnv1a32(s)).toBe(viaBytes(s));
  });
});

describe("hashing embedder", () => {
  const embedder = createHashingEmbedder();

  it("has a stable id and the configured dimensions", async () => {
    expect(embedder.id).toBe("local-hash-512");
    const [v] = await embedder.embed(["pod crash loop"]);
    expect(v).toHaveLength(512);
    expect(createHashingEmbedder({ dimensions: 64 }).id).toBe("local-hash-64");
  });

  it("is deterministic across calls and instances", async () => {
    const text = "terraform Error acquiring the state lock";
    const [a] = await embedder.embed([text]);
    const [b] = await createHashingEmbedder().embed([text]);
    expect(a).toEqual(b);
  });

  it("produces unit-length vectors (and a zero vector for empty text)", async () => {
    const [v, empty] = await embedder.embed(["x509 certificate signed by unknown authority", ""]);
    expect(norm(v)).toBeCloseTo(1, 10);
    expect(norm(empty)).toBe(0);
  });

  it("pins a known vector so changes to hashing are noticed (they invalidate stored indexes)", async () => {
    const [v] = await createHashingEmbedder({ dimensions: 16 }).embed(["oom killed"]);
    expect(v.map((x) => Math.round(x * 1e4) / 1e4)).toEqual([
      0, 0, 0.5374, -0.1881, 0.3762, 0, -0.1881, 0, 0.1881, 0.1881, 0.3224, -0.5374, 0.1881, 0, 0, 0,
    ]);
  });

  it("places related texts closer than unrelated ones", async () => {
    const [q, related, unrelated] = await embedder.embed([
      "pod keeps restarting with back-off",
      "Back-off restarting failed container; CrashLoopBackOff restarts",
      "terraform state lock held in dynamodb",
    ]);
    expect(cosineSimilarity(q, related)).toBeGreaterThan(cosineSimilarity(q, unrelated) + 0.1);
  });
});

describe("vector helpers", () => {
  it("l2Normalize scales to unit length and leaves zero vectors alone", () => {
    expect(l2Normalize([3, 4])).toEqual([0.6, 0.8]);
    expect(l2Normalize([0, 0])).toEqual([0, 0]);
  });

  it("cosineSimilarity handles parallel, orthogonal and zero vectors", () => {
    expect(cosineSimilarity([1, 1], [2, 2])).toBeCloseTo(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
  });
});
