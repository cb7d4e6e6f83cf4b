import { MockEmbeddingModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { createGeminiEmbedder } from "./gemini-embedder";
import { selectEmbedder } from "./select-embedder";

function mockModel(dims: number) {
  return new MockEmbeddingModelV3({
    provider: "google.generative-ai",
    modelId: "gemini-embedding-001",
    maxEmbeddingsPerCall: 100,
    doEmbed: async ({ values }) => ({
      embeddings: values.map((v, i) =>
        Array.from({ length: dims }, (_, d) => (d === i % dims ? 3 : 0) + v.length),
      ),
      warnings: [],
    }),
  });
}

describe("createGeminiEmbedder", () => {
  it("embeds through the AI SDK with task type and output dimensionality, returning unit vectors", async () => {
    const model = mockModel(4);
    const embedder = createGeminiEmbedder({ model, dimensions: 4 });
    expect(embedder.id).toBe("gemini-gemini-embedding-001-4");
    const vecs = await embedder.embed(["a", "bb"], { purpose: "query" });
    expect(vecs).toHaveLength(2);
    for (const v of vecs) expect(Math.hypot(...v)).toBeCloseTo(1, 10);
    expect(model.doEmbedCalls).toHaveLength(1);
    expect(model.doEmbedCalls[0].values).toEqual(["a", "bb"]);
    expect(model.doEmbedCalls[0].providerOptions).toEqual({
      google: { outputDimensionality: 4, taskType: "RETRIEVAL_QUERY" },
    });
  });

  it("uses RETRIEVAL_DOCUMENT by default and skips the call for empty input", async () => {
    const model = mockModel(4);
    const embedder = createGeminiEmbedder({ model, dimensions: 4 });
    expect(await embedder.embed([])).toEqual([]);
    expect(model.doEmbedCalls).toHaveLength(0);
    await embedder.embed(["doc"]);
    expect(model.doEmbedCalls[0].providerOptions?.google?.taskType).toBe("RETRIEVAL_DOCUMENT");
  });

  it("rejects vectors whose size does not match the collection's dimensions", async () => {
    const embedder = createGeminiEmbedder({ model: mockModel(8), dimensions: 4 });
    await expect(embedder.embed(["x"])).rejects.toThrow(/expected 4 dimensions, got 8/);
  });

  it("requires an API key when no model is injected", () => {
    expect(() => createGeminiEmbedder({})).toThrow(/apiKey/);
  });
});

describe("selectEmbedder", () => {
  it("uses the deterministic local embedder without an API key", () => {
    expect(selectEmbedder({}).id).toBe("local-hash-512");
    expect(selectEmbedder({ geminiApiKey: "", localDimensions: 256 }).id).toBe("local-hash-256");
  });

  it("uses Gemini when a key is configured (no network call at construction)", () => {
    const e = selectEmbedder({ geminiApiKey: "test-key", geminiDimensions: 768 });
    expect(e.id).toBe("gemini-gemini-embedding-001-768");
    expect(e.dimensions).toBe(768);
  });
});
