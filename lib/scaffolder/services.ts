import type { CatalogDeps } from "@/lib/catalog/service/catalog-deps";
import type { RemoteFetchPolicy } from "./actions/fetch-remote";

/**
 * What actions may touch outside the workspace, passed in so tests run against a test
 * database, a temp data dir and loopback fakes.
 */
export interface ScaffolderServices {
  dataDir: string;
  /** Catalog access for catalog:* actions; absent in a pure CLI dry-run. */
  catalog?: () => CatalogDeps;
  /** GitHub API base URL override (tests point it at a loopback fake). */
  githubApiUrl?: string;
  /** Hosts `publish:github` may publish to. */
  githubHosts?: string[];
  /** Tokens per host for publishers when the template passes none. */
  integrationTokens?: Record<string, string>;
  /** Hosts remote `fetch:*` URLs may name; absent = no remote fetch (CLI, dry-run of uploads). */
  fetch?: RemoteFetchPolicy;
  /** Allow http:// git remotes (only tests). */
  allowInsecureGit?: boolean;
}
