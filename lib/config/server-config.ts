import path from "node:path";
import type { z } from "zod";
import { type ServerEnv, serverEnvSchema } from "./schema";

export type AiMode = "gemini" | "offline";
export type KubernetesMode = "kubeconfig" | "in-cluster" | "none";

export interface ServerConfig {
  env: ServerEnv["NODE_ENV"];
  port: number;
  dataDir: string;
  database: { url: string | undefined; shadowUrl: string | undefined; embedded: boolean };
  vectorStore: { url: string | undefined; embedded: boolean };
  ai: { mode: AiMode; apiKey: string | undefined; model: string; embeddingModel: string; timeoutMs: number };
  kubernetes: { mode: KubernetesMode; kubeconfigPath: string | undefined; timeoutMs: number };
  http: { corsOrigins: string[]; maxBodyBytes: number };
  log: { level: ServerEnv["PORTICO_LOG_LEVEL"] };
  catalog: {
    refreshIntervalSeconds: number;
    urlAllowlist: string[];
    allowPrivateUrls: boolean;
    listIndex: boolean;
  };
  metrics: { token: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** One line per problem, naming the variable, so a bad deploy fails with an actionable message. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`);
}

export function parseServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const e = parsed.data;
  const kubernetesMode: KubernetesMode = e.KUBECONFIG
    ? "kubeconfig"
    : e.KUBERNETES_SERVICE_HOST
      ? "in-cluster"
      : "none";
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir: path.resolve(e.PORTICO_DATA_DIR),
    database: {
      url: e.DATABASE_URL,
      shadowUrl: e.SHADOW_DATABASE_URL,
      embedded: !e.DATABASE_URL || e.PORTICO_EMBEDDED.includes("postgres"),
    },
    vectorStore: { url: e.CHROMA_URL, embedded: !e.CHROMA_URL || e.PORTICO_EMBEDDED.includes("chroma") },
    ai: {
      mode: e.GOOGLE_GENERATIVE_AI_API_KEY ? "gemini" : "offline",
      apiKey: e.GOOGLE_GENERATIVE_AI_API_KEY,
      model: e.PORTICO_AI_MODEL,
      embeddingModel: e.PORTICO_EMBEDDING_MODEL,
      timeoutMs: e.PORTICO_LLM_TIMEOUT_MS,
    },
    kubernetes: { mode: kubernetesMode, kubeconfigPath: e.KUBECONFIG, timeoutMs: e.PORTICO_K8S_TIMEOUT_MS },
    http: { corsOrigins: e.PORTICO_CORS_ORIGINS, maxBodyBytes: e.PORTICO_MAX_BODY_BYTES },
    log: { level: e.PORTICO_LOG_LEVEL },
    catalog: {
      refreshIntervalSeconds: e.PORTICO_CATALOG_REFRESH_INTERVAL_S,
      urlAllowlist: e.PORTICO_CATALOG_URL_ALLOWLIST,
      allowPrivateUrls: e.PORTICO_CATALOG_ALLOW_PRIVATE_URLS,
      listIndex: e.PORTICO_CATALOG_LIST_INDEX,
    },
    metrics: { token: e.PORTICO_METRICS_TOKEN },
  };
}

let cached: ServerConfig | undefined;

/** Parsed once per process; instrumentation.ts calls it at boot so bad config fails fast. */
export function getServerConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}

/** Tests only: forget the cached config after changing process.env. */
export function resetServerConfigForTests(): void {
  cached = undefined;
}
