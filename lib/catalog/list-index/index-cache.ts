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
  /** True while the build in flight is a delta (short), so requests may wait for it. */
  deltaInFlight: boolean;
  deltaWaitMs: number;
  catchUpMs: number;
}

/**
 * How long a request waits for a delta in flight rather than answering from SQL: a delta of
 * hundreds of entities takes tens of ms, where SQL full-text over the UI's fields takes hundreds.
 */
export const DELTA_WAIT_MS = 250;

/**
 * How long a bulk write by this process (a location refresh) waits, after committing, for the
 * index to reach its revision before answering. Without it the reads right after an import
 * found the copy stale: the first waited for the delta and then answered from SQL, 1.6 s at
 * 100k entities on the embedded database, whose single connection also ran the delta's read.
 */
export const CATCH_UP_MS = 5_000;

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
export function enableListIndex(
  db: SqlExecutor,
  options: { deltaWaitMs?: number; catchUpMs?: number } = {},
): void {
  if (!slots.has(db))
    slots.set(db, {
      lastEnd: {},
      lastMs: {},
      builds: { delta: 0, full: 0 },
      deltaInFlight: false,
      deltaWaitMs: options.deltaWaitMs ?? DELTA_WAIT_MS,
      catchUpMs: options.catchUpMs ?? CATCH_UP_MS,
    });
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
        slot.deltaInFlight = true;
        result = await timed(slot, "delta", () =>
          updateListIndex(db, base).catch((error: unknown) => {
            if (!(error instanceof DeltaMismatch)) throw error;
            return `mismatch: ${error.message}`;
          }),
        ).finally(() => {
          slot.deltaInFlight = false;
        });
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

/** The build in flight if it ends within `ms`, else undefined. */
async function within(building: Promise<ListIndex | undefined>, ms: number): Promise<ListIndex | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([building, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The index if it is current (one cheap revision read), else undefined: the caller answers
 * from SQL while a rebuild runs in the background. A request waits for a delta in flight (at
 * most deltaWaitMs), never for a full load. An index labelled at or after the revision this
 * request read holds every change the request could see, so it may answer.
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
  if (revision === undefined) return undefined;
  if (slot.index?.revision === revision) return slot.index;
  const building = rebuild(db, slot);
  if (!slot.deltaInFlight || slot.deltaWaitMs <= 0) return undefined;
  const index = await within(building, slot.deltaWaitMs);
  return index && BigInt(index.revision) >= BigInt(revision) ? index : undefined;
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

/**
 * After a bulk write by this process: brings the index up to the new revision before the writer
 * answers, waiting at most the slot's catchUpMs (the build goes on in the background after
 * that). Other replicas catch up on their next read, or within the poll of keepListIndexFresh.
 */
export async function catchUpListIndex(db: SqlExecutor): Promise<void> {
  const slot = slots.get(db);
  if (!slot || slot.catchUpMs <= 0) return;
  await within(
    warmListIndex(db).catch(() => undefined),
    slot.catchUpMs,
  );
}

/**
 * Checks every `ms` whether the catalog moved on (one indexed row) and, if so, starts bringing
 * the index up to date, so a write on another replica does not wait for a reader to notice it.
 * Returns a stop function; the timer does not keep the process alive.
 */
export function keepListIndexFresh(db: SqlExecutor, ms = 2_000): () => void {
  let polling = false;
  const timer = setInterval(async () => {
    const slot = slots.get(db);
    if (polling || !slot?.index || slot.building) return;
    polling = true;
    try {
      // Read here, not through currentListIndex: a poll that finds the database busy (the
      // embedded one during a long import) is skipped quietly instead of logging a warning.
      const revision = await readCatalogRevision(db);
      if (revision !== undefined && revision !== slot.index?.revision) void rebuild(db, slot);
    } catch (error) {
      log.debug({ err: error }, "catalog revision poll failed; the next read or poll retries");
    } finally {
      polling = false;
    }
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
