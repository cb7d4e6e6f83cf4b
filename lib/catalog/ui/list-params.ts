import type {
  EntitySummary,
  FacetCounts,
  FacetName,
  ListEntitiesResult,
} from "@/lib/catalog/queries/list-entities";

export const FACET_NAMES: FacetName[] = ["kind", "type", "owner", "lifecycle", "namespace", "tags"];
export const SORT_KEYS = ["name", "-name", "kind", "-kind", "updated", "-updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZE = 25;

/** The catalog list state, as carried in the URL (`?kind=component&tags=java&q=…&page=2`). */
export interface CatalogListParams {
  kind: string[];
  type: string[];
  owner: string[];
  lifecycle: string[];
  namespace: string[];
  tags: string[];
  q: string;
  /** Orphans are hidden unless asked for (`?orphans=include`). */
  includeOrphans: boolean;
  sort: SortKey;
  page: number;
}

/** Wire shape of `/api/catalog-ui/list`: dates as ISO strings so server prefetch and fetch agree. */
export type CatalogListItem = Omit<EntitySummary, "updatedAt"> & { updatedAt: string };
export interface CatalogListResponse extends Omit<ListEntitiesResult, "items"> {
  items: CatalogListItem[];
  facets: FacetCounts;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const v = raw[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

// Sorted and de-duplicated, so the server prefetch and the client compute the same query key.
const values = (raw: RawParams, key: string, lower: boolean): string[] =>
  [
    ...new Set(
      getAll(raw, key)
        .flatMap((v) => v.split(","))
        .map((v) => (lower ? v.trim().toLowerCase() : v.trim()))
        .filter((v) => v.length > 0 && v.length <= 200 && !v.includes("\u0000")),
    ),
  ]
    .sort()
    .slice(0, 50);

export function parseListParams(raw: RawParams): CatalogListParams {
  const sort = getAll(raw, "sort")[0];
  const page = Number.parseInt(getAll(raw, "page")[0] ?? "1", 10);
  return {
    kind: values(raw, "kind", true),
    type: values(raw, "type", true),
    owner: values(raw, "owner", true),
    lifecycle: values(raw, "lifecycle", true),
    namespace: values(raw, "namespace", true),
    tags: values(raw, "tags", true),
    q: (getAll(raw, "q")[0] ?? "").trim().slice(0, 200),
    includeOrphans: getAll(raw, "orphans")[0] === "include",
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "name",
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 100_000) : 1,
  };
}

/** URL query string for the params, leaving out defaults so URLs stay short and shareable. */
export function listParamsToSearch(p: CatalogListParams): string {
  const s = new URLSearchParams();
  for (const f of FACET_NAMES) for (const v of p[f]) s.append(f, v);
  if (p.q) s.set("q", p.q);
  if (p.includeOrphans) s.set("orphans", "include");
  if (p.sort !== "name") s.set("sort", p.sort);
  if (p.page > 1) s.set("page", String(p.page));
  return s.toString();
}

export const catalogListKey = (p: CatalogListParams) => ["catalog-ui", "list", p] as const;

export function toListResponse(result: ListEntitiesResult): CatalogListResponse {
  return {
    ...result,
    items: result.items.map((i) => ({ ...i, updatedAt: new Date(i.updatedAt).toISOString() })),
  };
}

/** Toggles one facet value and goes back to the first page, as any filter change should. */
export function toggleFacet(p: CatalogListParams, facet: FacetName, value: string): CatalogListParams {
  const v = value.toLowerCase();
  const current = p[facet];
  const next = current.includes(v) ? current.filter((x) => x !== v) : [...current, v].sort();
  return { ...p, [facet]: next, page: 1 };
}
