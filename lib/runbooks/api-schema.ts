import { z } from "zod";
import { CATEGORY_IDS } from "@/lib/diagnose/categories";

/** Wire formats of /api/suggest-runbook and /api/runbooks (also the source of the OpenAPI document). */

export const MAX_QUERY_CHARS = 2_000;
const RUNBOOK_ID = /^[a-z0-9][a-z0-9-]*$/;

const nonBlank = (v: string | undefined) => typeof v === "string" && v.trim().length > 0;

export const suggestRunbookRequestSchema = z
  .object({
    query: z
      .string({ error: "query must be a string" })
      .max(MAX_QUERY_CHARS, `query must be at most ${MAX_QUERY_CHARS} characters`)
      .optional()
      .describe("Free-text question or symptom, e.g. 'pod keeps restarting'."),
    error_message: z
      .string({ error: "error_message must be a string" })
      .optional()
      .describe(
        "Raw error/log text (at most 256 KiB); classified by the log analyzer to boost its category.",
      ),
    top_k: z
      .number({ error: "top_k must be an integer between 1 and 20" })
      .int("top_k must be an integer between 1 and 20")
      .min(1, "top_k must be at least 1")
      .max(20, "top_k must be at most 20")
      .default(5)
      .describe("Number of runbooks to return."),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (nonBlank(v.query) || nonBlank(v.error_message)) return;
    const message = "at least one of query or error_message must be a non-empty string";
    ctx.addIssue({ code: "custom", path: ["query"], message });
    ctx.addIssue({ code: "custom", path: ["error_message"], message });
  })
  .meta({ id: "SuggestRunbookRequest" });

export type SuggestRunbookRequest = z.infer<typeof suggestRunbookRequestSchema>;

export const suggestedRunbookSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().describe("Portal path of the runbook page."),
    score: z.number().describe("Blended relevance in [0, 1]."),
    snippet: z.string().describe("Best-matching passage of the runbook."),
  })
  .meta({ id: "SuggestedRunbook" });

const degradedSchema = z
  .array(z.string())
  .describe("Unavailable subsystems (vector_store, embeddings); results then come from keyword search.");

const categoryIdSchema = z.enum(CATEGORY_IDS);

export const suggestRunbookResponseSchema = z
  .object({
    results: z.array(suggestedRunbookSchema),
    degraded: degradedSchema,
    category: categoryIdSchema
      .nullable()
      .describe("Category the input was classified as (boosts retrieval)."),
  })
  .meta({ id: "SuggestRunbookResponse" });

export type SuggestRunbookResponse = z.infer<typeof suggestRunbookResponseSchema>;

export const runbookListQuerySchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_CHARS, `must be at most ${MAX_QUERY_CHARS} characters`)
    .optional()
    .describe("Search text; omit to list every runbook."),
  limit: z.coerce
    .number()
    .int()
    .min(1, "must be at least 1")
    .max(50, "must be at most 50")
    .default(20)
    .describe("Maximum search results (ignored when listing)."),
});

export const runbookSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    categories: z.array(categoryIdSchema),
    tags: z.array(z.string()),
    summary: z.string().describe("First paragraph of the runbook."),
    score: z.number().optional().describe("Relevance in [0, 1], only for searches."),
    snippet: z.string().optional().describe("Best-matching passage, only for searches."),
    heading: z.string().optional().describe("Section path of the snippet, only for searches."),
  })
  .meta({ id: "RunbookSummary" });

export type RunbookSummary = z.infer<typeof runbookSummarySchema>;

export const runbookListResponseSchema = z
  .object({
    query: z.string().nullable(),
    items: z.array(runbookSummarySchema),
    total: z.number().int().describe("Number of items returned."),
    degraded: degradedSchema,
    category: categoryIdSchema.nullable(),
  })
  .meta({ id: "RunbookList" });

export type RunbookListResponse = z.infer<typeof runbookListResponseSchema>;

export const runbookIdParamsSchema = z.object({
  id: z.string().max(128).regex(RUNBOOK_ID, "must be a kebab-case runbook id"),
});

export const runbookDetailSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string(),
    categories: z.array(categoryIdSchema),
    tags: z.array(z.string()),
    markdown: z.string().describe("Runbook body (GitHub-flavoured Markdown) without front matter."),
    front_matter: z
      .object({
        id: z.string(),
        title: z.string(),
        categories: z.array(categoryIdSchema),
        tags: z.array(z.string()),
      })
      .describe("The YAML front matter as parsed."),
    hash: z.string().describe("sha256 of the source file; changes whenever the file changes."),
  })
  .meta({ id: "RunbookDetail" });

export type RunbookDetail = z.infer<typeof runbookDetailSchema>;
