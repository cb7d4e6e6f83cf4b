import { z } from "zod";
import { cursorParam, fieldPath, MAX_FULL_TEXT_FIELDS, queryString } from "./query-schemas";

/** Request bodies of the catalog API, matching what @backstage/catalog-client sends. */

export const MAX_PASTED_YAML_BYTES = 1024 * 1024;

const entityRef = queryString(1024).min(1);
const fields = z.array(fieldPath.min(1)).max(100).optional();

export const byRefsBody = z.object({
  entityRefs: z.array(entityRef).max(1000, "at most 1000 refs per request"),
  fields,
  // Predicate queries (Backstage's `query`) are translated by predicateToFilter.
  query: z.record(z.string(), z.unknown()).optional(),
});

export const locationInput = z.object({
  type: z.string().min(1).max(50).optional(),
  target: z.string().min(1).max(4096),
});

export const refreshBody = z.object({ entityRef });

export const validateEntityBody = z.object({
  entity: z.record(z.string(), z.unknown()),
  location: z.string().min(1).max(4096),
});

export const analyzeLocationBody = z.object({
  location: locationInput,
  catalogFilename: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\]+$/, "must be a file name, not a path")
    .optional(),
});

/** Portico's register flow: pasted YAML or a URL (exactly one). */
export const registerBody = z
  .object({
    yaml: z.string().optional(),
    url: z.string().min(1).max(4096).optional(),
    /** Replace the contents of a location created by an earlier paste instead of adding a new one. */
    locationId: z.string().uuid("must be a location id (a UUID)").optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.yaml === undefined) === (b.url === undefined)) {
      ctx.addIssue({ code: "custom", path: ["yaml"], message: "give exactly one of yaml or url" });
    }
    if (b.yaml !== undefined && b.yaml.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["yaml"], message: "is empty" });
    }
    if (b.locationId && b.yaml === undefined) {
      ctx.addIssue({ code: "custom", path: ["locationId"], message: "only applies to pasted yaml" });
    }
  });

export type RegisterBody = z.output<typeof registerBody>;

const orderDirective = z.object({ field: fieldPath.min(1), order: z.enum(["asc", "desc"]) });

/** Backstage's POST /entities/by-query (predicate form). */
export const queryByPredicateBody = z.union([
  z.object({
    cursor: cursorParam,
    limit: z.number().int().min(0).max(1000).optional(),
    fields,
  }),
  z.object({
    query: z.record(z.string(), z.unknown()).optional(),
    limit: z.number().int().min(0).max(1000).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    orderBy: z.array(orderDirective).max(10).optional(),
    fullTextFilter: z
      .object({ term: queryString(500), fields: z.array(fieldPath).max(MAX_FULL_TEXT_FIELDS).optional() })
      .optional(),
    fields,
    totalItems: z.enum(["include", "exclude"]).optional(),
  }),
]);
