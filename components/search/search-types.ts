/** One hit of the global (⌘K) search, as returned by `/api/catalog-ui/search`. */
export interface SearchHit {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  href: string;
}

export interface SearchResponse {
  query: string;
  items: SearchHit[];
}
