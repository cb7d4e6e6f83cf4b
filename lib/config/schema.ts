import { z } from "zod";
import { authEnvShape } from "./auth-schema";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

function tryUrl(v: string): URL | null {
  try {
    return new URL(v);
  } catch {
    return null;
  }
}

function isHttpUrlWithHost(v: string): boolean {
  const u = tryUrl(v);
  return !!u && (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
}

function decodes(v: string): boolean {
  try {
    decodeURIComponent(v);
    return true;
  } catch {
    return false;
  }
}

const postgresUrl = optionalString.pipe(
  z
    .string()
    .refine((v) => {
      const u = tryUrl(v);
      return !!u && (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "";
    }, "must be a postgres:// or postgresql:// URL with a host, e.g. postgresql://user:pass@db:5432/portico")
    .optional(),
);

const httpUrl = optionalString.pipe(
  z
    .string()
    .refine(
      (v) => /^https?:\/\/[^/\s]+/.test(v),
      "must be an http:// or https:// URL, e.g. http://chroma:8000",
    )
    .optional(),
);

/** 4 MiB: the register route's 1 MiB of pasted YAML needs room for JSON escaping. */
export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

const csv = optionalString.transform((v) =>
  v
    ? v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [],
);

const intInRange = (min: number, max: number, fallback: number) =>
  optionalString
    .pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a whole number")
        .transform(Number)
        .pipe(z.number().int().min(min).max(max))
        .optional(),
    )
    .transform((v) => v ?? fallback);

/**
 * Every external dependency is optional: absence selects the embedded default
 * (PGlite, embedded Chroma, offline AI, no cluster). Names follow the usual
 * conventions (DATABASE_URL, KUBECONFIG, the AI SDK's Google key variable) so
 * platform tooling sets them without Portico-specific glue.
 */
export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: intInRange(1, 65535, 3000),
  PORTICO_DATA_DIR: optionalString.transform((v) => v ?? ".data"),
  DATABASE_URL: postgresUrl,
  SHADOW_DATABASE_URL: postgresUrl,
  CHROMA_URL: httpUrl,
  GOOGLE_GENERATIVE_AI_API_KEY: optionalString,
  // Gemini model id (default gemini-2.5-flash), or the local model's name with PORTICO_AI_BASE_URL.
  PORTICO_AI_MODEL: optionalString,
  // An OpenAI-compatible server (Ollama, vLLM, LM Studio), e.g. http://127.0.0.1:11434/v1.
  PORTICO_AI_BASE_URL: optionalString.pipe(
    z
      .string()
      .refine(isHttpUrlWithHost, "must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1")
      .refine((v) => {
        const u = tryUrl(v);
        return !u || (!u.username && !u.password && !u.search && !u.hash);
      }, "must not contain credentials, a query or a fragment (put the key in PORTICO_AI_API_KEY)")
      .optional(),
  ),
  // Bearer key for PORTICO_AI_BASE_URL (vLLM --api-key, hosted gateways); Ollama needs none.
  PORTICO_AI_API_KEY: optionalString,
  PORTICO_EMBEDDING_MODEL: optionalString.transform((v) => v ?? "gemini-embedding-001"),
  PORTICO_LLM_TIMEOUT_MS: intInRange(1000, 120_000, 15_000),
  KUBECONFIG: optionalString,
  KUBERNETES_SERVICE_HOST: optionalString,
  PORTICO_K8S_TIMEOUT_MS: intInRange(100, 60_000, 5_000),
  PORTICO_CORS_ORIGINS: csv,
  PORTICO_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Ceiling for every request body; routes set tighter limits. Also sizes what Next buffers
  // for proxy.ts (next.config.ts reads it at build time).
  PORTICO_MAX_BODY_BYTES: intInRange(1024, 64 * 1024 * 1024, DEFAULT_MAX_BODY_BYTES),
  // The URL browsers use; Host and Origin are checked against it (DNS rebinding).
  PORTICO_PUBLIC_URL: httpUrl,
  // Honour X-Forwarded-Host/Proto/For (only behind a reverse proxy that sets them).
  PORTICO_TRUST_PROXY: optionalString.transform((v) => v === "true" || v === "1"),
  PORTICO_CATALOG_REFRESH_INTERVAL_S: intInRange(0, 86_400, 300),
  // The scheduler lease (lib/db/lease.ts): a dead leader's replica is replaced within about this.
  PORTICO_CATALOG_SCHEDULER_LEASE_S: intInRange(2, 3_600, 30),
  PORTICO_CATALOG_URL_ALLOWLIST: csv,
  // Set by scripts/start.ts for services it started itself, so health can say "embedded".
  PORTICO_EMBEDDED: csv,
  PORTICO_CATALOG_ALLOW_PRIVATE_URLS: optionalString.transform((v) => v === "true" || v === "1"),
  // The in-process catalog list index (lib/catalog/list-index); "false" answers lists from SQL only.
  PORTICO_CATALOG_LIST_INDEX: optionalString.transform((v) => v !== "false" && v !== "0"),
  ...authEnvShape,
  // Scaffolder (lib/scaffolder). The key seals task secrets, workspace snapshots and checkpoints
  // at rest (AES-256-GCM); without it a task with secrets keeps neither.
  PORTICO_SCAFFOLDER_SECRETS_KEY: optionalString.pipe(
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  PORTICO_SCAFFOLDER_CONCURRENCY: intInRange(0, 64, 4),
  PORTICO_SCAFFOLDER_LEASE_MS: intInRange(2_000, 600_000, 30_000),
  PORTICO_SCAFFOLDER_GITHUB_TOKEN: optionalString,
  PORTICO_SCAFFOLDER_GITHUB_API_URL: optionalString.pipe(z.string().url().optional()),
  // Caps per location tree (one register/refresh); exceeding one fails the read, nothing is written.
  PORTICO_CATALOG_MAX_ENTITIES_PER_LOCATION: intInRange(1, 10_000_000, 200_000),
  PORTICO_CATALOG_MAX_PLACEHOLDERS: intInRange(0, 1_000_000, 10_000),
  PORTICO_CATALOG_MAX_LOCATION_BYTES: intInRange(1024, 16 * 1024 * 1024 * 1024, 256 * 1024 * 1024),
  // Most entities an unpaged GET /api/catalog/entities streams; more answers 400 pointing to paging.
  PORTICO_CATALOG_MAX_UNPAGED: intInRange(1, 100_000_000, 1_000_000),
  // statement_timeout of catalog read queries (entity lists, by-query, facets); 0 disables it.
  PORTICO_CATALOG_QUERY_TIMEOUT_MS: intInRange(0, 600_000, 15_000),
  // Bearer token GET /api/metrics requires; unset = open (see lib/metrics/auth.ts).
  PORTICO_METRICS_TOKEN: optionalString.pipe(
    z
      .string()
      .min(16, "must be at least 16 characters (a random token, e.g. openssl rand -hex 32)")
      .optional(),
  ),
  // OpenTelemetry traces (lib/tracing): set the collector's OTLP/HTTP base URL to turn them on.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(
    z
      .string()
      .refine(
        isHttpUrlWithHost,
        "must be an http:// or https:// URL (the collector's OTLP/HTTP port), e.g. http://otel-collector:4318",
      )
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: optionalString.pipe(
    z
      .enum(["http/protobuf", "http/json"], {
        error: "must be http/protobuf or http/json (gRPC is not supported)",
      })
      .default("http/protobuf"),
  ),
  // Comma-separated key=value pairs (values URL-encoded), e.g. an Authorization header.
  OTEL_EXPORTER_OTLP_HEADERS: optionalString.pipe(
    z
      .string()
      .refine(
        (v) => v.split(",").every((pair) => /^\s*[^=\s]+\s*=/.test(pair) && decodes(pair)),
        "must be comma-separated key=value pairs, e.g. Authorization=Bearer%20abc",
      )
      .optional(),
  ),
  OTEL_SERVICE_NAME: optionalString.transform((v) => v ?? "portico"),
});

export type ServerEnv = z.output<typeof serverEnvSchema>;
