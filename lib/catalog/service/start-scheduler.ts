import { getLocation, listLocations } from "@/lib/catalog/ingest/locations";
import { getServerConfig } from "@/lib/config/server-config";
import { logger } from "@/lib/log/logger";
import { catalogDeps } from "./catalog-deps";
import { refreshStoredLocation } from "./location-service";
import { createRefreshScheduler, type RefreshScheduler } from "./refresh-scheduler";

const holder = globalThis as unknown as { __porticoCatalogScheduler?: RefreshScheduler };

/**
 * Starts the catalog refresh scheduler once per server process (instrumentation.ts calls
 * this). Off when the interval is 0, during `next build`, or without a database. Refreshes
 * go through the same write queue as the API, so they never interleave with an import.
 */
export function startCatalogRefreshScheduler(): RefreshScheduler | undefined {
  if (holder.__porticoCatalogScheduler) return holder.__porticoCatalogScheduler;
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  const config = getServerConfig();
  const intervalSeconds = config.catalog.refreshIntervalSeconds;
  if (intervalSeconds <= 0 || !config.database.url) return undefined;
  const log = logger.child({ component: "catalog-refresh" });
  const scheduler = createRefreshScheduler({
    intervalSeconds,
    log,
    listLocationIds: async () => (await listLocations(catalogDeps().db)).map((l) => l.id),
    refreshLocation: async (id) => {
      const deps = catalogDeps();
      const location = await getLocation(deps.db, id);
      if (!location) return; // removed since the pass started
      const result = await refreshStoredLocation(deps, location);
      if (!result.ok)
        log.warn({ locationId: id, error: result.error.message }, "catalog location refresh failed");
    },
  });
  scheduler.start();
  holder.__porticoCatalogScheduler = scheduler;
  log.info({ intervalSeconds }, "catalog refresh scheduler started");
  return scheduler;
}

/** Stops the process's scheduler (tests, graceful shutdown). */
export async function stopCatalogRefreshScheduler(): Promise<void> {
  const scheduler = holder.__porticoCatalogScheduler;
  holder.__porticoCatalogScheduler = undefined;
  await scheduler?.stop();
}
