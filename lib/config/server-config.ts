import path from "node:path";
import type { z } from "zod";
import { type ServerEnv, serverEnvSchema } from "./schema";

export type AiMode = "gemini" | "openai-compatible" | "offline";
export type KubernetesMode = "kubeconfig" | "in-cluster" | "none";

export interface ServerConfig {
  env: ServerEnv["NODE_ENV"];
  port: number;
  dataDir: string;
  database: { url: string | undefined; shadowUrl: string | undefined; embedded: boolean };
  vectorStore: { url: string | undefined; embedded: boolean };
  ai: {
    mode: AiMode;
    /** Gemini key (chat/diagnosis in gemini mode, and runbook embeddings in any mode). */
    apiKey: string | undefined;
    model: string;
    embeddingModel: string;
    timeoutMs: number;
    /** PORTICO_AI_BASE_URL + PORTICO_AI_API_KEY: a local OpenAI-compatible server; wins over Gemini. */
    openaiCompatible: { baseUrl: string; apiKey: string | undefined } | undefined;
  };
  kubernetes: { mode: KubernetesMode; kubeconfigPath: string | undefined; timeoutMs: number };
  http: {
    corsOrigins: string[];
    maxBodyBytes: number;
    /** Origin of PORTICO_PUBLIC_URL, e.g. `https://portal.example.com`. */
    publicOrigin: string;
    /** Host header values accepted: the public host plus loopback aliases on the server's port. */
    allowedHosts: string[];
    /** Origins treated as same-origin: the public origin plus the loopback aliases over http. */
    sameOrigins: string[];
    trustProxy: boolean;
  };
  log: { level: ServerEnv["PORTICO_LOG_LEVEL"] };
  auth: AuthConfig;
  catalog: {
    refreshIntervalSeconds: number;
    /** Lease TTL of the one-replica refresh scheduler; renewed every third of it. */
    schedulerLeaseSeconds: number;
    urlAllowlist: string[];
    allowPrivateUrls: boolean;
    listIndex: boolean;
    /** Caps per location tree read (lib/catalog/ingest/tree-budget.ts). */
    treeLimits: { maxEntities: number; maxPlaceholders: number; maxBytes: number };
    /** statement_timeout for catalog read queries, in ms (0 = none). */
    queryTimeoutMs: number;
    /** Most entities an unpaged `GET /entities` streams before answering 400. */
    maxUnpaged: number;
  };
  scaffolder: {
    secretsKey: string | undefined;
    /** Tasks one process runs at once; 0 = this process runs none (API-only replica). */
    concurrency: number;
    leaseMs: number;
    githubToken: string | undefined;
    githubApiUrl: string | undefined;
  };
  metrics: { token: string | undefined };
  /** Set only when OTEL_EXPORTER_OTLP_ENDPOINT is; undefined loads no tracing code at all. */
  tracing: TracingConfig | undefined;
}

export interface TracingConfig {
  /** OTLP/HTTP base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  protocol: "http/protobuf" | "http/json";
  /** From OTEL_EXPORTER_OTLP_HEADERS; may hold a credential, so never logged. */
  headers: Record<string, string>;
  serviceName: string;
}

/** OTEL_EXPORTER_OTLP_HEADERS format: `k1=v1,k2=v2`, values URL-encoded (OTel spec). */
export function parseOtlpHeaders(value: string | undefined): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  for (const pair of value?.split(",") ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    headers[pair.slice(0, eq).trim()] = decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return headers;
}

export type AuthMode = "local" | "oidc";

export interface AuthConfig {
  mode: AuthMode;
  /** Address the HTTP server listens on (undefined: 127.0.0.1 in local mode, 0.0.0.0 in oidc mode). */
  bindAddress: string | undefined;
  allowInsecureNetwork: boolean;
  bootstrapToken: string | undefined;
  secret: string | undefined;
  oidc: {
    issuerUrl: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    scopes: string[];
    groupsClaim: string;
  };
  adminGroups: string[];
  viewerGroups: string[];
  rateLimitPerMinute: number;
  quotas: { pastedLocations: number; conversations: number; messagesPerConversation: number };
  redisUrl: string | undefined;
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

const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The public URL plus `localhost`, `127.0.0.1` and `[::1]` on the listen port (and on the
 * public port when the public host is itself loopback), so local curl and port-forwards
 * work while a rebinding domain pointing at this server does not.
 */
export function publicAddresses(publicUrl: string, port: number) {
  const url = new URL(publicUrl);
  const ports = new Set([String(port)]);
  if (LOOPBACK_HOSTNAMES.includes(url.hostname))
    ports.add(url.port || (url.protocol === "https:" ? "443" : "80"));
  const loopback = LOOPBACK_HOSTNAMES.flatMap((h) => [...ports].map((p) => (p === "80" ? h : `${h}:${p}`)));
  const allowedHosts = [...new Set([url.host.toLowerCase(), ...loopback])];
  const sameOrigins = [...new Set([url.origin, ...loopback.map((h) => `http://${h}`)])];
  if (url.protocol === "https:" && LOOPBACK_HOSTNAMES.includes(url.hostname))
    sameOrigins.push(...loopback.map((h) => `https://${h}`));
  return { publicOrigin: url.origin, allowedHosts, sameOrigins };
}

export function parseServerConfig(source: Record<string, string | undefined>): ServerConfig {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const e = parsed.data;
  if (e.PORTICO_AUTH_MODE === "oidc") {
    const missing = (
      ["OIDC_ISSUER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PORTICO_AUTH_SECRET"] as const
    ).filter((k) => !e[k]);
    if (missing.length)
      throw new ConfigError(missing.map((k) => `${k}: required when PORTICO_AUTH_MODE=oidc`));
  }
  if (e.PORTICO_AI_BASE_URL && !e.PORTICO_AI_MODEL) {
    throw new ConfigError([
      "PORTICO_AI_MODEL: required when PORTICO_AI_BASE_URL is set (the served model's name, e.g. llama3.1:8b)",
    ]);
  }
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
      mode: e.PORTICO_AI_BASE_URL
        ? "openai-compatible"
        : e.GOOGLE_GENERATIVE_AI_API_KEY
          ? "gemini"
          : "offline",
      apiKey: e.GOOGLE_GENERATIVE_AI_API_KEY,
      model: e.PORTICO_AI_MODEL ?? "gemini-2.5-flash",
      openaiCompatible: e.PORTICO_AI_BASE_URL
        ? { baseUrl: e.PORTICO_AI_BASE_URL, apiKey: e.PORTICO_AI_API_KEY }
        : undefined,
      embeddingModel: e.PORTICO_EMBEDDING_MODEL,
      timeoutMs: e.PORTICO_LLM_TIMEOUT_MS,
    },
    kubernetes: { mode: kubernetesMode, kubeconfigPath: e.KUBECONFIG, timeoutMs: e.PORTICO_K8S_TIMEOUT_MS },
    http: {
      corsOrigins: e.PORTICO_CORS_ORIGINS,
      maxBodyBytes: e.PORTICO_MAX_BODY_BYTES,
      ...publicAddresses(e.PORTICO_PUBLIC_URL ?? `http://localhost:${e.PORT}`, e.PORT),
      trustProxy: e.PORTICO_TRUST_PROXY,
    },
    log: { level: e.PORTICO_LOG_LEVEL },
    auth: {
      mode: e.PORTICO_AUTH_MODE,
      bindAddress: e.PORTICO_BIND_ADDRESS,
      allowInsecureNetwork: e.PORTICO_ALLOW_INSECURE_NETWORK,
      bootstrapToken: e.PORTICO_BOOTSTRAP_TOKEN,
      secret: e.PORTICO_AUTH_SECRET,
      oidc: {
        issuerUrl: e.OIDC_ISSUER_URL,
        clientId: e.OIDC_CLIENT_ID,
        clientSecret: e.OIDC_CLIENT_SECRET,
        scopes: e.OIDC_SCOPES,
        groupsClaim: e.OIDC_GROUPS_CLAIM,
      },
      adminGroups: e.PORTICO_ADMIN_GROUPS,
      viewerGroups: e.PORTICO_VIEWER_GROUPS,
      rateLimitPerMinute: e.PORTICO_RATE_LIMIT_PER_MINUTE,
      quotas: {
        pastedLocations: e.PORTICO_QUOTA_PASTED_LOCATIONS,
        conversations: e.PORTICO_QUOTA_CONVERSATIONS,
        messagesPerConversation: e.PORTICO_QUOTA_MESSAGES_PER_CONVERSATION,
      },
      redisUrl: e.REDIS_URL,
    },
    catalog: {
      refreshIntervalSeconds: e.PORTICO_CATALOG_REFRESH_INTERVAL_S,
      schedulerLeaseSeconds: e.PORTICO_CATALOG_SCHEDULER_LEASE_S,
      urlAllowlist: e.PORTICO_CATALOG_URL_ALLOWLIST,
      allowPrivateUrls: e.PORTICO_CATALOG_ALLOW_PRIVATE_URLS,
      listIndex: e.PORTICO_CATALOG_LIST_INDEX,
      treeLimits: {
        maxEntities: e.PORTICO_CATALOG_MAX_ENTITIES_PER_LOCATION,
        maxPlaceholders: e.PORTICO_CATALOG_MAX_PLACEHOLDERS,
        maxBytes: e.PORTICO_CATALOG_MAX_LOCATION_BYTES,
      },
      queryTimeoutMs: e.PORTICO_CATALOG_QUERY_TIMEOUT_MS,
      maxUnpaged: e.PORTICO_CATALOG_MAX_UNPAGED,
    },
    scaffolder: {
      secretsKey: e.PORTICO_SCAFFOLDER_SECRETS_KEY,
      concurrency: e.PORTICO_SCAFFOLDER_CONCURRENCY,
      leaseMs: e.PORTICO_SCAFFOLDER_LEASE_MS,
      githubToken: e.PORTICO_SCAFFOLDER_GITHUB_TOKEN,
      githubApiUrl: e.PORTICO_SCAFFOLDER_GITHUB_API_URL,
    },
    metrics: { token: e.PORTICO_METRICS_TOKEN },
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? {
          endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
          protocol: e.OTEL_EXPORTER_OTLP_PROTOCOL,
          headers: parseOtlpHeaders(e.OTEL_EXPORTER_OTLP_HEADERS),
          serviceName: e.OTEL_SERVICE_NAME,
        }
      : undefined,
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
