import { z } from "zod";
import { CATEGORY_IDS, SEVERITIES } from "./categories";

/** Maximum size of `error_message` in UTF-8 bytes; the route answers 413 above it. */
export const MAX_ERROR_MESSAGE_BYTES = 256 * 1024;

export function utf8ByteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

export function isErrorMessageTooLarge(s: string): boolean {
  // Every UTF-16 code unit encodes to at least one byte, so short strings can
  // skip the byte count.
  return s.length > MAX_ERROR_MESSAGE_BYTES || utf8ByteLength(s) > MAX_ERROR_MESSAGE_BYTES;
}

// Length is checked before the regex runs so an oversize value never reaches
// the (backtracking) JS regex engine.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const namespaceSchema = z
  .string()
  .refine((v) => v.length > 0 && v.length <= 63 && DNS1123_LABEL.test(v), {
    message: "must be a DNS-1123 label (lowercase alphanumerics and '-', at most 63 characters)",
  })
  .describe("Kubernetes namespace (DNS-1123 label).")
  .meta({ example: "payments" });

export const podNameSchema = z
  .string()
  .refine((v) => v.length > 0 && v.length <= 253 && DNS1123_SUBDOMAIN.test(v), {
    message: "must be a DNS-1123 subdomain (lowercase alphanumerics, '-' and '.', at most 253 characters)",
  })
  .describe("Kubernetes pod name (DNS-1123 subdomain).")
  .meta({ example: "checkout-6f7c9d8b5-2kq8w" });

export const diagnoseRequestSchema = z
  .object({
    error_message: z
      .string({ error: "error_message is required and must be a string" })
      .refine((v) => v.trim().length > 0, { message: "error_message must not be empty" })
      .refine((v) => !isErrorMessageTooLarge(v), {
        message: `error_message must be at most ${MAX_ERROR_MESSAGE_BYTES} bytes (UTF-8)`,
      })
      .describe(
        "Raw error text: log lines, kubectl describe output, events, stack traces, CI/Terraform/Helm output. At most 256 KiB.",
      ),
    namespace: namespaceSchema.optional(),
    pod_name: podNameSchema.optional(),
    include_cluster_health: z
      .boolean()
      .optional()
      .describe(
        "Also fetch live pod/cluster context from Kubernetes when namespace and pod_name are given; needs the cluster:read scope.",
      ),
    entity_ref: z
      .string()
      .min(1)
      .max(512)
      .optional()
      .describe("Catalog entity reference (kind:namespace/name) used to look up the owning team.")
      .meta({ example: "component:default/checkout" }),
  })
  .strict()
  .describe("Diagnose an error message with the offline analyzer and, when configured, an LLM.")
  .meta({ id: "DiagnoseRequest" });

export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;

export const categorySchema = z.enum(CATEGORY_IDS).describe("Diagnosis category id.");
export const severitySchema = z.enum(SEVERITIES).describe("Severity of the diagnosed problem.");

export const classificationSchema = z
  .object({
    category: categorySchema,
    severity: severitySchema,
    pattern_id: z.string().describe("Id of the matching pattern in the pattern library."),
    line: z
      .number()
      .int()
      .min(1)
      .describe("1-based line number in error_message, or in the live cluster facts when source is cluster."),
    source: z
      .enum(["log", "cluster"])
      .optional()
      .describe("log: a line of error_message; cluster: a fact read from the live pod, its owner or node."),
    excerpt: z.string().describe("Redacted excerpt of the matching line."),
  })
  .meta({ id: "DiagnoseClassification" });

export const fixCommandSchema = z
  .object({
    command: z.string(),
    description: z.string(),
    destructive: z.boolean().describe("True for commands that delete, roll back, evict or force state."),
  })
  .meta({ id: "DiagnoseFixCommand" });

export const runbookHitSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    score: z.number().describe("Retrieval similarity score (higher is better)."),
  })
  .meta({ id: "DiagnoseRunbookHit" });

export const diagnoseResponseSchema = z
  .object({
    request_id: z.string(),
    engine: z
      .enum(["gemini", "openai-compatible", "offline"])
      .describe(
        "Which engine produced root_cause/fix_commands (openai-compatible: a local model via PORTICO_AI_BASE_URL).",
      ),
    severity: severitySchema,
    category: categorySchema.describe("Root-cause category (causes win over symptoms)."),
    root_cause: z.string(),
    classifications: z.array(classificationSchema),
    fix_commands: z.array(fixCommandSchema),
    prevention_tips: z.array(z.string()),
    runbooks: z.array(runbookHitSchema),
    k8s_context: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Live pod/cluster context, when requested."),
    owner: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("Owning team from the catalog, when entity_ref was given."),
    degraded: z
      .array(z.string())
      .describe("Dependencies that failed or were skipped: llm, vector_store, kubernetes, catalog."),
    timings_ms: z.record(z.string(), z.number()).describe("Duration of each stage in milliseconds."),
  })
  .meta({ id: "DiagnoseResponse" });

export type DiagnoseResponse = z.infer<typeof diagnoseResponseSchema>;
export type FixCommandDto = z.infer<typeof fixCommandSchema>;
export type RunbookHitDto = z.infer<typeof runbookHitSchema>;
