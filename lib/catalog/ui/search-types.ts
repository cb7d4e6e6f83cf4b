import type { EntitySummary } from "@/lib/catalog/queries/list-entities";

/** One hit of the global (⌘K) search, as returned by `/api/catalog-ui/search`. */
export type SearchHit = Pick<
  EntitySummary,
  "ref" | "kind" | "namespace" | "name" | "title" | "description" | "type"
> & { href: string };

export interface SearchResponse {
  query: string;
  items: SearchHit[];
}
