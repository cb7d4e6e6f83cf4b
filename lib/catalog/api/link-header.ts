/**
 * Backstage's next-page `Link` header for GET /entities: the same query with `offset`
 * dropped and `after` set, as a path relative to the server.
 */
export function nextPageLink(requestUrl: string, after: string): string {
  const url = new URL(requestUrl);
  url.searchParams.delete("offset");
  url.searchParams.set("after", after);
  return `<${url.pathname}${url.search}>; rel="next"`;
}
