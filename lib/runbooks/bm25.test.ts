import { describe, expect, it } from "vitest";
import { Bm25Index } from "./bm25";

const docs = [
  { id: "lock", text: "terraform state lock error acquiring the state lock" },
  { id: "crash", text: "pod crash loop back-off restarting container" },
  { id: "long", text: `terraform ${"filler ".repeat(200)}` },
  { id: "tls", text: "x509 certificate signed by unknown authority" },
];

describe("Bm25Index", () => {
  const index = new Bm25Index(docs);

  it("ranks the document containing rare query terms first", () => {
    expect(index.search("state lock")[0].id).toBe("lock");
    expect(index.search("x509 unknown authority")[0].id).toBe("tls");
  });

  it("computes Okapi BM25 exactly for a single-term query", () => {
    const idx = new Bm25Index([
      { id: "a", text: "alpha alpha beta" },
      { id: "b", text: "beta gamma" },
    ]);
    // N=2, df(alpha)=1 → idf = ln(1 + 1.5/1.5) = ln 2; avgdl = 2.5; |a| = 3, tf = 2
    const norm = 1.2 * (1 - 0.75 + (0.75 * 3) / 2.5);
    const expected = (Math.log(2) * (2 * 2.2)) / (2 + norm);
    const [hit] = idx.search("alpha");
    expect(hit.id).toBe("a");
    expect(hit.score).toBeCloseTo(expected, 10);
  });

  it("penalises long documents through length normalisation", () => {
    const hits = index.search("terraform");
    expect(hits.map((h) => h.id)).toEqual(["lock", "long"]);
    const noNorm = new Bm25Index(docs, { b: 0 }).search("terraform");
    expect(noNorm[0].score).toBeCloseTo(noNorm[1].score, 10);
  });

  it("saturates term frequency (k1)", () => {
    const idx = new Bm25Index(
      [
        { id: "once", text: "oom" },
        { id: "many", text: "oom oom oom oom oom oom oom oom" },
        { id: "other", text: "x y" },
      ],
      { b: 0 },
    );
    const [many, once] = idx.search("oom");
    expect(many.id).toBe("many");
    expect(many.score / once.score).toBeLessThan(2.2);
  });

  it("matches inflections and compounds via the shared tokenizer", () => {
    expect(index.search("keeps restarting with backoff")[0].id).toBe("crash");
  });

  it("returns nothing for empty or unknown queries and respects topK", () => {
    expect(index.search("")).toEqual([]);
    expect(index.search("kubernetes")).toEqual([]);
    expect(index.search("terraform", 1)).toHaveLength(1);
    expect(new Bm25Index([]).search("x")).toEqual([]);
  });
});
