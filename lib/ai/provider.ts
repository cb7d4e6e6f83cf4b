import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";

export const DEFAULT_GEMINI_MODEL = "gemini-2.5-flash";

/** Provider name of local OpenAI-compatible models (model.provider is "openai-compatible.chat"). */
export const OPENAI_COMPATIBLE = "openai-compatible";

/**
 * The subset of AI configuration the provider needs. Structurally compatible
 * with ServerConfig["ai"], but taken as a parameter so callers (and tests)
 * decide where configuration comes from.
 */
export interface AiProviderConfig {
  /** "offline" forces no model even if a key or server is configured. */
  mode?: "gemini" | "openai-compatible" | "offline";
  /** Gemini API key. */
  apiKey?: string;
  model?: string;
  /** Override the Gemini API base URL (proxies). */
  baseURL?: string;
  /** A local OpenAI-compatible server (Ollama, vLLM, LM Studio); wins over Gemini. */
  openaiCompatible?: { baseUrl: string; apiKey?: string };
}

/**
 * Chooses the language model for AI features (diagnosis and chat).
 *
 * - `override` (tests, or a caller that already built a model) wins, including
 *   an explicit `null` to force offline mode.
 * - Otherwise a local OpenAI-compatible server when one is configured
 *   (PORTICO_AI_BASE_URL + PORTICO_AI_MODEL): structured output is requested as
 *   a JSON schema, which Ollama, vLLM and LM Studio honour.
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
  const local = config.openaiCompatible;
  if (local?.baseUrl && config.mode !== "gemini") {
    const model = config.model?.trim();
    if (!model) return null;
    const provider = createOpenAICompatible({
      name: OPENAI_COMPATIBLE,
      baseURL: local.baseUrl,
      ...(local.apiKey ? { apiKey: local.apiKey } : {}),
      includeUsage: true,
      supportsStructuredOutputs: true,
    });
    return provider.chatModel(model);
  }
  const apiKey = config.apiKey?.trim();
  if (!apiKey) return null;
  const google = createGoogleGenerativeAI({ apiKey, ...(config.baseURL ? { baseURL: config.baseURL } : {}) });
  return google(config.model?.trim() || DEFAULT_GEMINI_MODEL);
}

/** Engine label for a model: "gemini" for Google models, "openai-compatible" for local servers, else the provider id. */
export function modelProviderName(model: LanguageModel): string {
  if (typeof model === "string") return model.split("/")[0] ?? model;
  if (model.provider.startsWith("google")) return "gemini";
  if (model.provider.startsWith(OPENAI_COMPATIBLE)) return OPENAI_COMPATIBLE;
  return model.provider;
}
