import { z } from "zod";
import type { ReadinessReport } from "@/lib/health/readiness";

const dependencyCheckSchema = z.object({
  status: z.enum(["up", "down"]),
  latency_ms: z.number(),
  embedded: z.boolean().optional(),
  error: z.string().optional(),
});

/** GET /api/health (readiness, the default probe). */
export const readinessSchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  version: z.string(),
  uptime_s: z.number(),
  failing: z.array(z.string()).describe("Names of failing checks."),
  checks: z.object({
    database: dependencyCheckSchema,
    vector_store: dependencyCheckSchema,
    ai: z.object({
      mode: z
        .enum(["gemini", "openai-compatible", "offline"])
        .describe(
          "openai-compatible: a local model server (Ollama, vLLM, LM Studio) via PORTICO_AI_BASE_URL.",
        ),
      model: z.string().nullable(),
    }),
    kubernetes: z.object({ mode: z.enum(["kubeconfig", "in-cluster", "none"]) }),
  }),
});

/** GET /api/health?probe=live: never touches dependencies. */
export const livenessSchema = z.object({ status: z.literal("alive"), uptime_s: z.number() });

// Compile-time guards in both directions: the documented shape must match what the route returns.
const _toDoc: z.infer<typeof readinessSchema> = {} as ReadinessReport;
const _fromDoc: ReadinessReport = {} as z.infer<typeof readinessSchema>;
void _toDoc;
void _fromDoc;
