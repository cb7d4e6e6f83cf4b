import { createGoogleGenerativeAI } from "@ai-sdk/google";
import type { LanguageModel } from "ai";

export const DEFAULT_GEMINI_MODEL = "gemini-2.5-flash";

/**
 * The subset of AI configuration the provider needs. Structurally compatible
 * with ServerConfig["ai"], but taken as a parameter so callers (and tests)
 * decide where configuration comes from.
 */
export interface AiProviderConfig {
  /** "offline" forces no model even if a key is present. */
  mode?: "gemini" | "offline";
  apiKey?: string;
  model?: string;
  /** Override the API base URL (proxies). */
  baseURL?: string;
}

/**
 * Chooses the language model for AI features.
 *
 * - `override` (tests, or a caller that already built a model) wins, including
 *   an explicit `null` to force offline mode.
 * - Otherwise Gemini via @ai-sdk/google when an API key is configured, using
 *   `config.model` or gemini-2.5-flash.
 * - Otherwise null: callers run their offline engines.
 */
export function getLanguageModel(
  config: AiProviderConfig,
  override?: LanguageModel | null,
): LanguageModel | null {
  if (override !== undefined) return override;
  if (config.mode === "offline") return null;
  const apiKey = config.apiKey?.trim();
  if (!apiKey) return null;
  const google = createGoogleGenerativeAI({ apiKey, ...(config.baseURL ? { baseURL: config.baseURL } : {}) });
  return google(config.model?.trim() || DEFAULT_GEMINI_MODEL);
}

/** Human/metrics label for the engine backing a model: "gemini" for Google models, else the provider id. */
export function modelProviderName(model: LanguageModel): string {
  if (typeof model === "string") return model.split("/")[0] ?? model;
  return model.provider.startsWith("google") ? "gemini" : model.provider;
}
