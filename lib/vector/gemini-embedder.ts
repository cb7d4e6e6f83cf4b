import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { type EmbeddingModel, embedMany } from "ai";
import { type Embedder, l2Normalize } from "./embeddings";

export const DEFAULT_GEMINI_EMBEDDING_MODEL = "gemini-embedding-001";

export interface GeminiEmbedderOptions {
  apiKey?: string;
  modelId?: string;
  /** Gemini embeddings are Matryoshka-truncatable; 768 keeps Chroma small. */
  dimensions?: number;
  /** Override the API base URL (tests point this at a loopback server). */
  baseURL?: string;
  /** Inject a ready-made model (tests use MockEmbeddingModelV3). */
  model?: EmbeddingModel;
  maxRetries?: number;
}

/**
 * Embedder backed by the Gemini embedding API through the AI SDK. Only built
 * when an API key (or an injected model) is configured.
 */
export function createGeminiEmbedder(opts: GeminiEmbedderOptions): Embedder {
  const modelId = opts.modelId ?? DEFAULT_GEMINI_EMBEDDING_MODEL;
  const dimensions = opts.dimensions ?? 768;
  let model = opts.model;
  if (!model) {
    if (!opts.apiKey) throw new Error("createGeminiEmbedder requires an apiKey or a model");
    model = createGoogleGenerativeAI({ apiKey: opts.apiKey, baseURL: opts.baseURL }).embeddingModel(modelId);
  }
  const resolved = model;

  return {
    id: `gemini-${modelId}-${dimensions}`.replace(/[^a-zA-Z0-9._-]/g, "-"),
    dimensions,
    async embed(texts, embedOpts) {
      if (texts.length === 0) return [];
      const { embeddings } = await embedMany({
        model: resolved,
        values: texts,
        maxRetries: opts.maxRetries ?? 2,
        providerOptions: {
          google: {
            outputDimensionality: dimensions,
            taskType: embedOpts?.purpose === "query" ? "RETRIEVAL_QUERY" : "RETRIEVAL_DOCUMENT",
          },
        },
      });
      for (const e of embeddings) {
        if (e.length !== dimensions) {
          throw new Error(`gemini embedder: expected ${dimensions} dimensions, got ${e.length}`);
        }
      }
      // Truncated Gemini vectors are not unit length; normalise so cosine and
      // dot product agree in Chroma.
      return embeddings.map((e) => l2Normalize([...e]));
    },
  };
}
