import { readListCache } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { evaluateList } from "../list-index/evaluate-list";
import { currentListIndex } from "../list-index/index-cache";
import { memoryTermWords } from "../list-index/text-match";
import { knownKind } from "../model/constants";
import { tryCanonicalRef } from "../model/entity-ref";
import { lookupTable } from "../model/safe-keys";
import { fullTextToSql } from "./full-text";
import { type Condition, type ListCounts, searchCounts } from "./list-search-counts";
import { SqlParams } from "./sql-params";

type Multi = string | string[] | undefined;

export interface ListEntitiesInput {
  kind?: Multi;
  type?: Multi;
  /** `team-a` or `group:default/team-a`. */
  owner?: Multi;
  lifecycle?: Multi;
  namespace?: Multi;
  /** Entities having any of these tags. */
  tags?: Multi;
  q?: string;
  includeOrphans?: boolean;
  sort?: "name" | "-name" | "kind" | "-kind" | "updated" | "-updated" | "owner" | "-owner";
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface EntitySummary {
  ref: string;
  uid: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  tags: string[];
  orphan: boolean;
  updatedAt: Date;
}

export type FacetName = "kind" | "type" | "owner" | "lifecycle" | "namespace" | "tags";
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

export interface ListEntitiesResult {
  items: EntitySummary[];
  /** Exact (text searches count in the same single pass as their facets). */
  total: number;
  page: number;
  pageSize: number;
  facets: FacetCounts;
}

const FACETS: FacetName[] = ["kind", "type", "owner", "lifecycle", "namespace", "tags"];
const SORTS = lookupTable({
  name: "e.name ASC, e.ref ASC",
  "-name": "e.name DESC, e.ref ASC",
  kind: "e.kind ASC, e.name ASC, e.ref ASC",
  "-kind": "e.kind DESC, e.name ASC, e.ref ASC",
  updated: "e.updated_at ASC, e.ref ASC",
  "-updated": "e.updated_at DESC, e.ref ASC",
  owner: "e.owner ASC NULLS LAST, e.name ASC, e.ref ASC",
  "-owner": "e.owner DESC NULLS LAST, e.name ASC, e.ref ASC",
});

const list = (v: Multi): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim().toLowerCase()).filter(Boolean);

/** The input's selections as stored (lower-cased; owners as full refs), per facet. */
function selections(input: ListEntitiesInput): Record<FacetName, string[]> {
  return {
    kind: list(input.kind),
    type: list(input.type),
    owner: list(input.owner).map((o) => tryCanonicalRef(o, { defaultKind: "Group" }) ?? o),
    lifecycle: list(input.lifecycle),
    namespace: list(input.namespace),
    tags: list(input.tags),
  };
}

/** Conditions per facet, so each facet's counts can ignore its own selection (multi-select UX). */
function conditions(input: ListEntitiesInput): Partial<Record<FacetName | "q" | "orphan", Condition>> {
  const c: Partial<Record<FacetName | "q" | "orphan", Condition>> = {};
  for (const [facet, values] of Object.entries(selections(input)) as Array<[FacetName, string[]]>) {
    if (!values.length) continue;
    c[facet] =
      facet === "tags"
        ? (p) => `e.tags && ${p.add(values)}::text[]`
        : (p) => `e.${facet} = ANY(${p.add(values)}::text[])`;
  }
  const q = input.q?.trim();
  if (q) c.q = (p) => fullTextToSql(q, undefined, p);
  if (!input.includeOrphans) c.orphan = () => "e.orphan = false";
  return c;
}

/** WHERE clause and its own parameter list, leaving out one facet's condition if asked. */
function whereOf(c: Partial<Record<string, Condition>>, except?: string): { sql: string; values: unknown[] } {
  const params = new SqlParams();
  const parts = Object.entries(c)
    .filter(([k, f]) => f && k !== except)
    .map(([, f]) => (f as Condition)(params));
  return { sql: parts.join(" AND ") || "true", values: params.values };
}

const SUMMARY_COLUMNS = `e.ref, e.id::text AS uid, e.entity->>'kind' AS kind, e.entity->'metadata'->>'namespace' AS namespace,
  e.entity->'metadata'->>'name' AS name, e.title, e.entity->'metadata'->>'description' AS description,
  e.type, e.lifecycle, e.owner, e.system, e.tags, e.orphan, e.updated_at AS "updatedAt"`;

/**
 * The catalog table page: one page of summaries, the total and facet counts. Facet counts
 * ignore the facet's own selection. Answered from the in-process list index when it is
 * current, otherwise by one parallel round of indexed SQL queries; both give the same answer.
 */
export async function listEntities(
  db: SqlExecutor,
  input: ListEntitiesInput = {},
): Promise<ListEntitiesResult> {
  const pageSize = Math.max(1, Math.min(input.pageSize ?? 25, 500));
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const sort = input.sort && SORTS.has(input.sort) ? input.sort : "name";
  const {
    items,
    total,
    facets: counted,
  } = (await listFromIndex(db, input, sort, page, pageSize)) ??
  (await listFromSql(db, input, sort, page, pageSize));
  // Kind columns are lower-cased for matching; show the canonical spelling.
  const facets = {
    ...counted,
    kind: counted.kind.map((k) => ({ value: knownKind(k.value) ?? k.value, count: k.count })),
  };
  return { items, total, page, pageSize, facets };
}

type Sort = NonNullable<ListEntitiesInput["sort"]>;
type ListAnswer = Pick<ListEntitiesResult, "items" | "total" | "facets">;

async function listFromIndex(
  db: SqlExecutor,
  input: ListEntitiesInput,
  sort: Sort,
  page: number,
  pageSize: number,
): Promise<ListAnswer | undefined> {
  const q = input.q?.trim();
  const words = q ? memoryTermWords(q) : [];
  if (!words) return undefined;
  const index = await currentListIndex(db);
  if (!index) return undefined;
  const answer = evaluateList(index, {
    facets: selections(input),
    words,
    includeOrphans: Boolean(input.includeOrphans),
    sort,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    facetLimit: FACET_LIMIT,
  });
  const ids = answer.rows.map((row) => index.ids[row]);
  const rows = ids.length
    ? await db.$queryRawUnsafe<EntitySummary[]>(
        `SELECT ${SUMMARY_COLUMNS} FROM catalog_entities e WHERE e.id = ANY($1::uuid[])`,
        ids,
      )
    : [];
  // A row deleted since the index was checked is left out rather than shown stale.
  const byId = new Map(rows.map((r) => [r.uid, r]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);
  return { items, total: answer.total, facets: answer.facets };
}

async function listFromSql(
  db: SqlExecutor,
  input: ListEntitiesInput,
  sort: Sort,
  page: number,
  pageSize: number,
): Promise<ListAnswer> {
  const c = conditions(input);
  const { sql: where, values } = whereOf(c);
  const order = SORTS.get(sort);
  // Sort and page over the narrow columns first; the entity JSON (kind/name spelling,
  // description) is read for the page's rows only, not for every match.
  const itemsQuery = db.$queryRawUnsafe<EntitySummary[]>(
    `SELECT ${SUMMARY_COLUMNS}
     FROM (SELECT e.id FROM catalog_entities e WHERE ${where} ORDER BY ${order}
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) p
     JOIN catalog_entities e ON e.id = p.id ORDER BY ${order}`,
    ...values,
  );
  // The unfiltered table (the catalog's landing page) reads counts kept by refreshes.
  const unfiltered = Object.keys(c).length === 1 && c.orphan !== undefined;
  const countsQuery = (unfiltered ? readListCache(db, FACET_LIMIT) : Promise.resolve(null)).then((cached) =>
    cached
      ? { total: cached.total, facets: cached.facets }
      : c.q
        ? searchCounts(db, c, FACET_LIMIT)
        : liveCounts(db, c),
  );
  const [items, counts] = await Promise.all([itemsQuery, countsQuery]);
  return { items, total: counts.total, facets: counts.facets };
}

const FACET_LIMIT = 200;

/** Total and facet counts as one parallel round of (mostly index-only) queries. */
async function liveCounts(db: SqlExecutor, c: Partial<Record<string, Condition>>): Promise<ListCounts> {
  const { sql: where, values } = whereOf(c);
  const totalQuery = db
    .$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM catalog_entities e WHERE ${where}`,
      ...values,
    )
    .then((rows) => rows[0]?.n ?? 0);
  const facetQueries = FACETS.map((facet) => {
    const { sql: w, values: facetValues } = whereOf(c, facet);
    const sql =
      facet === "tags"
        ? `SELECT t AS value, count(*)::int AS count FROM catalog_entities e, unnest(e.tags) t WHERE ${w}
           GROUP BY t ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`
        : `SELECT e.${facet} AS value, count(*)::int AS count FROM catalog_entities e WHERE ${w} AND e.${facet} IS NOT NULL
           GROUP BY e.${facet} ORDER BY count DESC, value LIMIT ${FACET_LIMIT}`;
    return db.$queryRawUnsafe<Array<{ value: string; count: number }>>(sql, ...facetValues);
  });
  const [total, ...facetRows] = await Promise.all([totalQuery, ...facetQueries]);
  return { total, facets: Object.fromEntries(FACETS.map((f, i) => [f, facetRows[i]])) as FacetCounts };
}
