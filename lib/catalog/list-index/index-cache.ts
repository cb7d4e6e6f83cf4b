import { logger } from "@/lib/log/logger";
import type { SqlExecutor } from "../db/sql-client";
import { DeltaMismatch } from "./delta-layout";
import { rowsById } from "./id-lookup";
import type { ListIndex } from "./list-index";
import { loadListIndex, readCatalogRevision } from "./load-list-index";
import { sortedRows } from "./sort-order";
import { updateListIndex } from "./update-list-index";

type BuildKind = "delta" | "full";

interface Slot {
  index?: ListIndex;
  building?: Promise<ListIndex | undefined>;
  /** Per kind, when the last build of that kind ended and how long it took (ms), to pace them. */
  lastEnd: Partial<Record<BuildKind, number>>;
  lastMs: Partial<Record<BuildKind, number>>;
  builds: Record<BuildKind, number>;
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
  if (!slots.has(db)) slots.set(db, { lastEnd: {}, lastMs: {}, builds: { delta: 0, full: 0 } });
}

/** How many indexes this client built by delta and in full (tests and benchmarks). */
export function listIndexBuilds(db: SqlExecutor): Record<BuildKind, number> | undefined {
  const slot = slots.get(db);
  return slot && { ...slot.builds };
}

/** Waits so that builds of one kind take at most half the time (as long as the last one took, from its end). */
function pace(slot: Slot, kind: BuildKind): Promise<void> {
  const end = slot.lastEnd[kind];
  const wait = end === undefined ? 0 : Math.max(0, end + (slot.lastMs[kind] ?? 0) - Date.now());
  return new Promise((resolve) => setTimeout(resolve, wait));
}

async function timed(slot: Slot, kind: BuildKind, build: () => Promise<ListIndex | string | undefined>) {
  await pace(slot, kind);
  const started = performance.now();
  try {
    return await build();
  } finally {
    slot.lastMs[kind] = performance.now() - started;
    slot.lastEnd[kind] = Date.now();
  }
}

/**
 * Applies the entities changed since the current index (a few ms for hundreds of changes),
 * or loads every entity when there is no index, the change log no longer reaches back to it,
 * or more than a fifth of the catalog changed. Both kinds are paced separately to at most half
 * the time: a catalog that changes every few seconds then costs at most half a core, and lists
 * meanwhile come from SQL.
 */
function rebuild(db: SqlExecutor, slot: Slot): Promise<ListIndex | undefined> {
  if (!slot.building) {
    slot.building = (async () => {
      let kind: BuildKind = "delta";
      let result: ListIndex | string | undefined;
      const base = slot.index;
      if (base) {
        result = await timed(slot, "delta", () =>
          updateListIndex(db, base).catch((error: unknown) => {
            if (!(error instanceof DeltaMismatch)) throw error;
            return `mismatch: ${error.message}`;
          }),
        );
        if (typeof result === "string") log.debug({ reason: result }, "catalog list index delta not applied");
      }
      if (result === undefined || typeof result === "string") {
        kind = "full";
        result = await timed(slot, "full", () => loadListIndex(db));
      }
      const index = typeof result === "string" ? undefined : result;
      if (!index) return undefined;
      // The default order (~60 ms to sort at 100k) before publishing, not in the first request,
      // and the id order the next delta looks rows up in (deltas carry both over).
      sortedRows(index, "name");
      rowsById(index);
      if (index !== slot.index) slot.builds[kind]++;
      slot.index = index;
      log.debug(
        { entities: index.size, revision: index.revision, kind, ms: Math.round(slot.lastMs[kind] ?? 0) },
        "catalog list index built",
      );
      return index;
    })()
      .catch((error: unknown) => {
        log.warn({ err: error }, "catalog list index build failed; lists use SQL");
        return undefined;
      })
      .finally(() => {
        slot.building = undefined;
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
