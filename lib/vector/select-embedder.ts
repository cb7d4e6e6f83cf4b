import { createHashingEmbedder, type Embedder } from "./embeddings";
import { createGeminiEmbedder } from "./gemini-embedder";

export interface EmbedderConfig {
  /** When empty, the deterministic local embedder is used (offline-safe). */
  geminiApiKey?: string | null;
  geminiModelId?: string;
  geminiDimensions?: number;
  localDimensions?: number;
}

export function selectEmbedder(config: EmbedderConfig = {}): Embedder {
  if (config.geminiApiKey) {
    return createGeminiEmbedder({
      apiKey: config.geminiApiKey,
      modelId: config.geminiModelId,
      dimensions: config.geminiDimensions,
    });
  }
  return createHashingEmbedder({ dimensions: config.localDimensions });
}
