import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getLocation, listLocations } from "@/lib/catalog/ingest/locations";
import { getServerConfig } from "@/lib/config/server-config";
import { createLease } from "@/lib/db/lease";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { catalogDeps } from "./catalog-deps";
import { refreshStoredLocation } from "./location-service";
import { createRefreshScheduler, type RefreshScheduler } from "./refresh-scheduler";

const holder = globalThis as unknown as { __porticoCatalogScheduler?: RefreshScheduler };

export const SCHEDULER_LEASE = "catalog-refresh-scheduler";

/**
 * Starts the catalog refresh scheduler once per server process (instrumentation.ts calls
 * this). Off when the interval is 0, during `next build`, or without a database. Refreshes
 * go through the same write path as the API (per-process queue, then the cross-process
 * catalog write lock), so they never interleave with an import on any replica. Every
 * replica starts one, but only the holder of the `catalog-refresh-scheduler` lease runs
 * passes; if it dies, another takes over within about PORTICO_CATALOG_SCHEDULER_LEASE_S.
 */
export function startCatalogRefreshScheduler(): RefreshScheduler | undefined {
  if (holder.__porticoCatalogScheduler) return holder.__porticoCatalogScheduler;
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  const config = getServerConfig();
  const intervalSeconds = config.catalog.refreshIntervalSeconds;
  if (intervalSeconds <= 0 || !config.database.url) return undefined;
  const log = logger.child({ component: "catalog-refresh" });
  const leaseMs = config.catalog.schedulerLeaseSeconds * 1000;
  // Pod name plus a random suffix: a restarted pod with the same name is a new holder.
  const holderId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  const leaderGauge = metrics().catalogSchedulerLeader;
  leaderGauge.set(0);
  const scheduler = createRefreshScheduler({
    intervalSeconds,
    log,
    lease: createLease(catalogDeps().db, SCHEDULER_LEASE, holderId, leaseMs),
    leaseRenewMs: Math.floor(leaseMs / 3),
    onLeadershipChange: (leader) => leaderGauge.set(leader ? 1 : 0),
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
  log.info({ intervalSeconds, holder: holderId }, "catalog refresh scheduler started");
  return scheduler;
}

/** Stops the process's scheduler (tests, graceful shutdown). */
export async function stopCatalogRefreshScheduler(): Promise<void> {
  const scheduler = holder.__porticoCatalogScheduler;
  holder.__porticoCatalogScheduler = undefined;
  await scheduler?.stop();
}
