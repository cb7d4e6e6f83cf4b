import { logger } from "@/lib/log/logger";
import type { SqlExecutor } from "../db/sql-client";
import type { ListIndex } from "./list-index";
import { loadListIndex, readCatalogRevision } from "./load-list-index";
import { sortedRows } from "./sort-order";

interface Slot {
  index?: ListIndex;
  building?: Promise<ListIndex | undefined>;
  /** When the last build ended and how long it took (ms), to pace rebuilds. */
  lastEnd?: number;
  lastMs?: number;
}

// On globalThis: Next bundles route handlers and instrumentation separately, and they must
// share one copy per database client.
const holder = globalThis as unknown as { __porticoListIndexes?: WeakMap<object, Slot> };
holder.__porticoListIndexes ??= new WeakMap();
const slots = holder.__porticoListIndexes;
const log = logger.child({ component: "catalog-list-index" });

/**
 * Keeps an in-process list index for this client (the app's long-lived client; never a
 * transaction, whose reads must see its own writes). Queries on other clients use SQL only.
 */
export function enableListIndex(db: SqlExecutor): void {
  if (!slots.has(db)) slots.set(db, {});
}

/**
 * Starts a build unless one is running. Rebuilds are paced to at most half the time (a build
 * waits as long as the previous one took, counted from its end): a catalog that changes every
 * few seconds then costs at most half a core, and lists meanwhile come from SQL.
 */
function rebuild(db: SqlExecutor, slot: Slot): Promise<ListIndex | undefined> {
  if (!slot.building) {
    const wait = slot.lastEnd === undefined ? 0 : Math.max(0, slot.lastEnd + (slot.lastMs ?? 0) - Date.now());
    slot.building = new Promise((resolve) => setTimeout(resolve, wait))
      .then(async () => {
        const started = performance.now();
        const index = await loadListIndex(db);
        // The default order (~60 ms to sort at 100k) before publishing, not in the first request.
        if (index) sortedRows(index, "name");
        slot.lastMs = performance.now() - started;
        if (index) {
          slot.index = index;
          log.debug(
            { entities: index.size, revision: index.revision, ms: Math.round(slot.lastMs) },
            "catalog list index built",
          );
        }
        return index;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, "catalog list index build failed; lists use SQL");
        return undefined;
      })
      .finally(() => {
        slot.building = undefined;
        slot.lastEnd = Date.now();
      });
  }
  return slot.building;
}

/**
 * The index if it is current (one cheap revision read), else undefined: the caller answers
 * from SQL while a rebuild runs in the background, so no request waits for a rebuild.
 */
export async function currentListIndex(db: SqlExecutor): Promise<ListIndex | undefined> {
  const slot = slots.get(db);
  if (!slot) return undefined;
  let revision: string | undefined;
  try {
    revision = await readCatalogRevision(db);
  } catch (error) {
    log.warn({ err: error }, "catalog revision unreadable; lists use SQL");
    return undefined;
  }
  if (revision !== undefined && slot.index?.revision === revision) return slot.index;
  if (revision !== undefined) void rebuild(db, slot);
  return undefined;
}

/** Builds (or waits for) an index of the current revision: at boot, in tests and benchmarks. */
export async function warmListIndex(db: SqlExecutor): Promise<ListIndex | undefined> {
  const slot = slots.get(db);
  if (!slot) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await currentListIndex(db);
    if (current) return current;
    await rebuild(db, slot);
  }
  return currentListIndex(db);
}
