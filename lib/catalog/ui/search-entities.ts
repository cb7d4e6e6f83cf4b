import type { CatalogDb } from "@/lib/catalog/db/sql-client";
import { stringifyEntityRef } from "@/lib/catalog/model/entity-ref";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { entityHref } from "./entity-href";
import type { SearchHit, SearchResponse } from "./search-types";

const FIELDS = [
  "kind",
  "metadata.name",
  "metadata.namespace",
  "metadata.title",
  "metadata.description",
  "spec.type",
];

/** Entity search for the ⌘K dialog: prefix match on the indexed tsvector, no facets or totals. */
export async function searchEntitiesForUi(
  db: CatalogDb,
  input: { q?: string; limit?: number },
): Promise<SearchResponse> {
  const term = input.q?.trim() ?? "";
  if (!term) return { query: term, items: [] };
  const res = await queryEntities(db, {
    fullTextFilter: { term },
    fields: FIELDS,
    // Over-fetch, then rank name matches first: the index gives matches, not relevance.
    limit: 50,
    totalItems: "exclude",
    orderFields: [{ field: "metadata.name", order: "asc" }],
  });
  const wanted = input.limit ?? 10;
  const lower = term.toLowerCase();
  const score = (e: (typeof res.items)[number]) => {
    const name = e.metadata.name.toLowerCase();
    const title = (e.metadata.title ?? "").toLowerCase();
    if (name === lower || title === lower) return 0;
    if (name.startsWith(lower) || title.startsWith(lower)) return 1;
    if (name.includes(lower) || title.includes(lower)) return 2;
    return 3;
  };
  const ranked = res.items
    .map((e, i) => ({ e, i, s: score(e) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, wanted)
    .map((x) => x.e);
  const items = ranked.map((e): SearchHit => {
    const namespace = e.metadata.namespace ?? "default";
    return {
      ref: stringifyEntityRef(e),
      kind: e.kind,
      namespace,
      name: e.metadata.name,
      title: e.metadata.title ?? null,
      description: e.metadata.description ?? null,
      type: typeof e.spec?.type === "string" ? e.spec.type : null,
      href: entityHref({ kind: e.kind, namespace, name: e.metadata.name }),
    };
  });
  return { query: term, items };
}
