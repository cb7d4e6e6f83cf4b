import type { CatalogDb } from "@/lib/catalog/db/sql-client";
import { getServerConfig } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { apiFileRoots, type CatalogReaderSettings, embeddedGitRoots } from "./catalog-readers";
import { catalogWriteQueue, type WriteQueue } from "./write-queue";

/** Everything the catalog API's service functions need; routes build it per request. */
export interface CatalogDeps {
  db: CatalogDb;
  readers: CatalogReaderSettings;
  dataDir: string;
  writes: WriteQueue;
}

export function catalogDeps(): CatalogDeps {
  const config = getServerConfig();
  return {
    db: getDb(),
    readers: {
      urlAllowlist: config.catalog.urlAllowlist,
      allowPrivateUrls: config.catalog.allowPrivateUrls,
      fileRoots: apiFileRoots(config.dataDir),
      treeLimits: config.catalog.treeLimits,
      gitRoots: embeddedGitRoots(config.dataDir),
    },
    dataDir: config.dataDir,
    writes: catalogWriteQueue(),
  };
}
