import path from "node:path";
import { createFileReader } from "@/lib/catalog/ingest/file-reader";
import { createGitReader } from "@/lib/catalog/ingest/git-reader";
import { type CatalogReader, createCompositeReader } from "@/lib/catalog/ingest/reader";
import type { TreeLimits } from "@/lib/catalog/ingest/tree-budget";
import type { LocationSpec } from "@/lib/catalog/ingest/types";
import { createUrlReader } from "@/lib/catalog/ingest/url-reader";

export const READ_MAX_BYTES = 1024 * 1024;
export const READ_TIMEOUT_MS = 10_000;

export interface CatalogReaderSettings {
  urlAllowlist: readonly string[];
  allowPrivateUrls: boolean;
  /** Directories file locations may be read from. */
  fileRoots: readonly string[];
  /** Folders holding bare repositories `git` locations may be read from (the scaffolder's embedded publisher). */
  gitRoots?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** Per-location-tree caps (entities, placeholders, bytes); DEFAULT_TREE_LIMITS when unset. */
  treeLimits?: TreeLimits;
}

/** Where pasted YAML is kept so its location can be refreshed like any file location. */
export function pastedYamlDir(dataDir: string): string {
  return path.join(dataDir, "catalog", "pasted");
}

/**
 * Files the API may register: the data dir's catalog folder (pasted YAML) and the repo's
 * own seed and template folders. Anything else on disk stays unreadable through the API.
 */
/** Where the scaffolder's embedded publisher keeps bare repositories (mirrors lib/scaffolder/git). */
export function embeddedGitRoots(dataDir: string): string[] {
  return [path.resolve(dataDir, "scaffolder", "git")];
}

export function apiFileRoots(dataDir: string, cwd = process.cwd()): string[] {
  return [path.join(dataDir, "catalog"), path.join(cwd, "prisma", "seed"), path.join(cwd, "templates")];
}

export function createCatalogReader(
  settings: CatalogReaderSettings,
  extraFileRoots: string[] = [],
): CatalogReader {
  const maxBytes = settings.maxBytes ?? READ_MAX_BYTES;
  const reader = createCompositeReader({
    file: createFileReader({ maxBytes, allowedRoots: [...settings.fileRoots, ...extraFileRoots] }),
    url: createUrlReader({
      allowedHosts: settings.urlAllowlist,
      allowPrivateNetwork: settings.allowPrivateUrls,
      timeoutMs: settings.timeoutMs ?? READ_TIMEOUT_MS,
      maxBytes,
      maxRedirects: 3,
    }),
    git: createGitReader({ allowedRoots: settings.gitRoots ?? [], maxBytes }),
  });
  return { ...reader, limits: settings.treeLimits };
}

/**
 * A stored location is refreshed with its own folder readable too: locations registered by the
 * seed script (outside the API's roots) keep refreshing under the same confinement they were
 * ingested with.
 */
export function readerForLocation(settings: CatalogReaderSettings, location: LocationSpec): CatalogReader {
  return createCatalogReader(settings, location.type === "file" ? [path.dirname(location.target)] : []);
}

/** Memoises reads for one request, so a pre-check and the import that follows fetch each file once. */
export function cachingReader(inner: CatalogReader): CatalogReader {
  const cache = new Map<string, Promise<string>>();
  return {
    limits: inner.limits,
    read(spec) {
      const key = `${spec.type}:${spec.target}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = inner.read(spec);
        cache.set(key, hit);
      }
      return hit;
    },
  };
}

/** Serves one in-memory file (a paste being previewed) and delegates everything else. */
export function overlayReader(inner: CatalogReader, target: string, text: string): CatalogReader {
  return {
    limits: inner.limits,
    read(spec) {
      if (spec.type === "file" && path.resolve(spec.target) === target) return Promise.resolve(text);
      return inner.read(spec);
    },
  };
}
