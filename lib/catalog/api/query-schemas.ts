import { z } from "zod";
import type { EntityFilter } from "@/lib/catalog/queries/filter";
import { parseFilterParams } from "@/lib/catalog/queries/filter";
import { decodeAfter } from "@/lib/catalog/queries/get-entities";
import type { OrderField } from "@/lib/catalog/queries/order";

/**
 * zod schemas for the Backstage catalog query strings, in the exact encodings
 * @backstage/catalog-client produces: repeated `filter=` sets, comma-joined `fields`,
 * `order=asc:field` (GET /entities) and `orderField=field,asc` (GET /entities/by-query).
 */

const MAX_PARAM = 4096;

/** Per-request caps: each facet or full-text field can be a scan of the entity JSON. */
export const MAX_FACETS = 20;
export const MAX_FULL_TEXT_FIELDS = 20;

/** Postgres text cannot hold NUL, so it would fail inside the query (a 500) instead of here. */
export const noNul = (s: string) => !s.includes("\u0000");
const NUL_MESSAGE = "must not contain NUL characters";
export const queryString = (max: number) => z.string().max(max).refine(noNul, NUL_MESSAGE);
/** A dot path into the entity: no whitespace or control characters. */
export const fieldPath = z
  .string()
  .max(200)
  .regex(/^[^\s\p{Cc}]+$/u, "must be a dot path without spaces or control characters");

/** A query key that may appear once or repeatedly. */
const repeated = z
  .union([queryString(MAX_PARAM), z.array(queryString(MAX_PARAM)).max(100)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const commaList = repeated.transform((list) =>
  list
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean),
);

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const fieldsParam = commaList.pipe(z.array(fieldPath).max(100));

export const filterParam = repeated.transform((list, ctx): EntityFilter => {
  try {
    return parseFilterParams(list);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

const ORDER_ITEM = /^(asc|desc):(.+)$/i;

/** `order=asc:metadata.name` (Backstage's GET /entities); a direction is required. */
export const orderParam = commaList.transform((items, ctx): OrderField[] => {
  const out: OrderField[] = [];
  for (const item of items) {
    const m = ORDER_ITEM.exec(item);
    if (!m) {
      ctx.addIssue({ code: "custom", message: `"${item}" must look like asc:<field> or desc:<field>` });
      return z.NEVER;
    }
    out.push({ field: m[2], order: m[1].toLowerCase() as "asc" | "desc" });
  }
  return out;
});

/** `orderField=metadata.name,asc` (Backstage's GET /entities/by-query). */
export const orderFieldParam = repeated.transform((items, ctx): OrderField[] => {
  const out: OrderField[] = [];
  for (const item of items) {
    const [field, dir = "asc", extra] = item.split(",").map((s) => s.trim());
    if (!field || extra !== undefined || !/^(asc|desc)$/i.test(dir)) {
      ctx.addIssue({ code: "custom", message: `"${item}" must look like <field>,asc or <field>,desc` });
      return z.NEVER;
    }
    out.push({ field, order: dir.toLowerCase() as "asc" | "desc" });
  }
  return out;
});

const afterParam = z
  .string()
  .max(200)
  .refine((v) => {
    try {
      decodeAfter(v);
      return true;
    } catch {
      return false;
    }
  }, "is not a cursor returned by this API");

/** What queryEntities puts in a cursor; a forged one must fail here, not inside SQL building. */
const cursorState = z.object({
  filter: z.array(z.record(fieldPath.min(1), z.array(queryString(MAX_PARAM).nullable()).max(100))).max(100),
  orderFields: z.array(z.object({ field: fieldPath.min(1), order: z.enum(["asc", "desc"]) })).max(10),
  fullTextFilter: z
    .object({ term: queryString(500), fields: z.array(fieldPath).max(MAX_FULL_TEXT_FIELDS).optional() })
    .optional(),
  totalItems: z.enum(["include", "exclude"]),
  offset: z.number().int().min(0).max(10_000_000),
});

/** A by-query cursor is base64url JSON carrying the original query; reject anything else up front. */
export const cursorParam = z
  .string()
  .max(64 * 1024)
  .refine((v) => {
    try {
      return cursorState.safeParse(JSON.parse(Buffer.from(v, "base64url").toString("utf8"))).success;
    } catch {
      return false;
    }
  }, "is not a cursor returned by this API");

export const getEntitiesQuery = z.object({
  filter: filterParam,
  fields: fieldsParam,
  order: orderParam,
  limit: integer(1, 10_000).optional(),
  offset: integer(0, 10_000_000).optional(),
  after: afterParam.optional(),
});

export const queryEntitiesQuery = z.object({
  filter: filterParam,
  fields: fieldsParam,
  orderField: orderFieldParam,
  limit: integer(0, 1000).optional(),
  offset: integer(0, 10_000_000).optional(),
  cursor: cursorParam.optional(),
  totalItems: z.enum(["include", "exclude"]).optional(),
  fullTextFilterTerm: queryString(500).optional(),
  fullTextFilterFields: commaList.pipe(z.array(fieldPath).max(MAX_FULL_TEXT_FIELDS)),
});

export const facetsQuery = z.object({
  facet: repeated.pipe(z.array(fieldPath.min(1)).min(1, "at least one facet is required").max(MAX_FACETS)),
  filter: filterParam,
});

export const byRefsQuery = z.object({ filter: filterParam });

export const dryRunQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  onConflict: z.enum(["reject", "refresh"]).optional(),
});

// Next hands path params over already decoded; a raw adapter might not, so decode defensively.
const segment = z
  .string()
  .min(1)
  .max(253)
  .transform((v) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  })
  .refine(noNul, NUL_MESSAGE);

export const entityNameParams = z.object({ kind: segment, namespace: segment, name: segment });
export const uidParams = z.object({ uid: z.string().uuid("must be an entity uid (a UUID)") });
export const locationIdParams = z.object({ id: z.string().uuid("must be a location id (a UUID)") });
