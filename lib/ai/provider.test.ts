import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { DEFAULT_GEMINI_MODEL, getLanguageModel, modelProviderName } from "./provider";

describe("getLanguageModel", () => {
  it("returns null without an API key or in offline mode", () => {
    expect(getLanguageModel({})).toBeNull();
    expect(getLanguageModel({ apiKey: "   " })).toBeNull();
    expect(getLanguageModel({ mode: "offline", apiKey: "fake-key" })).toBeNull();
  });

  it("builds a Gemini model with the default or configured id (no network call)", () => {
    const def = getLanguageModel({ apiKey: "fake-key" });
    expect(def && typeof def !== "string" ? def.modelId : def).toBe(DEFAULT_GEMINI_MODEL);
    const custom = getLanguageModel({ apiKey: "fake-key", model: "gemini-2.5-pro" });
    expect(custom && typeof custom !== "string" ? custom.modelId : custom).toBe("gemini-2.5-pro");
    expect(def && modelProviderName(def)).toBe("gemini");
  });

  it("builds an OpenAI-compatible model for a local server, which wins over Gemini", () => {
    const local = getLanguageModel({
      apiKey: "fake-key",
      model: "llama3.1:8b",
      openaiCompatible: { baseUrl: "http://127.0.0.1:11434/v1" },
    });
    expect(local && typeof local !== "string" ? [local.provider, local.modelId] : local).toEqual([
      "openai-compatible.chat",
      "llama3.1:8b",
    ]);
    expect(local && modelProviderName(local)).toBe("openai-compatible");
    expect(getLanguageModel({ openaiCompatible: { baseUrl: "http://127.0.0.1:11434/v1" } })).toBeNull();
    expect(
      getLanguageModel({
        mode: "offline",
        model: "m",
        openaiCompatible: { baseUrl: "http://127.0.0.1:1/v1" },
      }),
    ).toBeNull();
  });

  it("lets tests inject a model or force offline", () => {
    const mock = new MockLanguageModelV3();
    expect(getLanguageModel({}, mock)).toBe(mock);
    expect(getLanguageModel({ apiKey: "fake-key" }, null)).toBeNull();
    expect(modelProviderName(mock)).toBe("mock-provider");
  });
});
