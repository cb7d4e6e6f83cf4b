import { describe, expect, it } from "vitest";
import { ConfigError, parseServerConfig } from "./server-config";

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseServerConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("parseServerConfig", () => {
  it("selects every embedded default when nothing is configured", () => {
    const c = parseServerConfig({});
    expect(c.database.embedded).toBe(true);
    expect(c.vectorStore.embedded).toBe(true);
    expect(c.ai.mode).toBe("offline");
    expect(c.kubernetes.mode).toBe("none");
    expect(c.dataDir.endsWith(".data")).toBe(true);
    expect(c.port).toBe(3000);
  });

  it("parses the scaffolder's settings with the rest, naming each bad variable", () => {
    expect(parseServerConfig({}).scaffolder).toEqual({
      secretsKey: undefined,
      concurrency: 4,
      leaseMs: 30_000,
      githubToken: undefined,
      githubApiUrl: undefined,
    });
    expect(
      parseServerConfig({
        PORTICO_SCAFFOLDER_SECRETS_KEY: "a-long-enough-key",
        PORTICO_SCAFFOLDER_CONCURRENCY: "0",
      }).scaffolder,
    ).toMatchObject({ secretsKey: "a-long-enough-key", concurrency: 0 });
    expect(
      problemsOf({
        PORTICO_SCAFFOLDER_SECRETS_KEY: "short",
        PORTICO_SCAFFOLDER_CONCURRENCY: "lots",
        PORTICO_SCAFFOLDER_GITHUB_API_URL: "not a url",
      }),
    ).toEqual([
      expect.stringMatching(/^PORTICO_SCAFFOLDER_SECRETS_KEY: .*16 characters/),
      expect.stringMatching(/^PORTICO_SCAFFOLDER_CONCURRENCY: must be a whole number/),
      expect.stringMatching(/^PORTICO_SCAFFOLDER_GITHUB_API_URL: /),
    ]);
  });

  it("switches to external services when they are configured", () => {
    const c = parseServerConfig({
      DATABASE_URL: "postgresql://u:p@db:5432/portico",
      CHROMA_URL: "http://chroma:8000",
      GOOGLE_GENERATIVE_AI_API_KEY: "fake-key",
      KUBECONFIG: "/tmp/kubeconfig",
    });
    expect(c.database).toMatchObject({ embedded: false, url: "postgresql://u:p@db:5432/portico" });
    expect(c.vectorStore.embedded).toBe(false);
    expect(c.ai.mode).toBe("gemini");
    expect(c.kubernetes.mode).toBe("kubeconfig");
  });

  it("selects a local OpenAI-compatible model by PORTICO_AI_BASE_URL, which needs PORTICO_AI_MODEL", () => {
    const c = parseServerConfig({
      PORTICO_AI_BASE_URL: "http://127.0.0.1:11434/v1",
      PORTICO_AI_MODEL: "llama3.1:8b",
      PORTICO_AI_API_KEY: "local-key",
      GOOGLE_GENERATIVE_AI_API_KEY: "fake-key",
    });
    expect(c.ai).toMatchObject({
      mode: "openai-compatible",
      model: "llama3.1:8b",
      openaiCompatible: { baseUrl: "http://127.0.0.1:11434/v1", apiKey: "local-key" },
    });
    expect(parseServerConfig({}).ai).toMatchObject({
      model: "gemini-2.5-flash",
      openaiCompatible: undefined,
    });
    expect(problemsOf({ PORTICO_AI_BASE_URL: "http://127.0.0.1:11434/v1" })).toEqual([
      expect.stringMatching(/^PORTICO_AI_MODEL: required when PORTICO_AI_BASE_URL is set/),
    ]);
    expect(problemsOf({ PORTICO_AI_BASE_URL: "ftp://models", PORTICO_AI_MODEL: "m" })).toEqual([
      expect.stringMatching(/^PORTICO_AI_BASE_URL: must be an http/),
    ]);
    expect(
      problemsOf({ PORTICO_AI_BASE_URL: "http://user:secret@vllm:8000/v1", PORTICO_AI_MODEL: "m" }),
    ).toEqual([expect.stringMatching(/^PORTICO_AI_BASE_URL: must not contain credentials/)]);
  });

  it("reads the metrics token and rejects a short one, naming the variable", () => {
    expect(parseServerConfig({}).metrics.token).toBeUndefined();
    expect(parseServerConfig({ PORTICO_METRICS_TOKEN: "0123456789abcdef" }).metrics.token).toBe(
      "0123456789abcdef",
    );
    expect(() => parseServerConfig({ PORTICO_METRICS_TOKEN: "short" })).toThrow(
      /PORTICO_METRICS_TOKEN: must be at least 16/,
    );
  });

  it("detects in-cluster Kubernetes from the service host variable", () => {
    expect(parseServerConfig({ KUBERNETES_SERVICE_HOST: "10.0.0.1" }).kubernetes.mode).toBe("in-cluster");
  });

  it("treats empty strings as unset", () => {
    expect(parseServerConfig({ DATABASE_URL: "", CHROMA_URL: " " }).database.embedded).toBe(true);
  });

  it("reports one line per problem, naming the variable", () => {
    const problems = problemsOf({ DATABASE_URL: "mysql://x", CHROMA_URL: "chroma:8000", PORT: "99999" });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("DATABASE_URL:"))).toMatch(/postgres/);
    expect(problems.find((p) => p.startsWith("CHROMA_URL:"))).toMatch(/http/);
    expect(problems.find((p) => p.startsWith("PORT:"))).toBeDefined();
  });

  it("rejects a malformed DATABASE_URL", () => {
    expect(problemsOf({ DATABASE_URL: "not a url" })[0]).toMatch(/^DATABASE_URL: must be a postgres/);
  });

  it("parses CSV allowlists", () => {
    const c = parseServerConfig({ PORTICO_CORS_ORIGINS: "https://a.example.com, https://b.example.com" });
    expect(c.http.corsOrigins).toEqual(["https://a.example.com", "https://b.example.com"]);
  });
});
