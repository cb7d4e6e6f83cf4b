import pg from "pg";
import { PROBE_NAMES } from "./hostile";

/**
 * Object.prototype (and the other built-in prototypes a path walker can reach) as it was
 * before fuzzing: own property names and the value/descriptor identity of each.
 */
const GUARDED: [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
];

type Snapshot = Map<string, Map<PropertyKey, PropertyDescriptor>>;

export function snapshotPrototypes(): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, proto] of GUARDED) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (d) props.set(key, d);
    }
    out.set(name, props);
  }
  return out;
}

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  a.value === b.value &&
  a.get === b.get &&
  a.set === b.set &&
  a.writable === b.writable &&
  a.enumerable === b.enumerable &&
  a.configurable === b.configurable;

/** What changed since the snapshot (empty when nothing did), then puts everything back so fuzzing can go on. */
export function checkAndRestorePrototypes(snapshot: Snapshot): string[] {
  const changes: string[] = [];
  for (const [name, proto] of GUARDED) {
    const before = snapshot.get(name) ?? new Map();
    for (const key of Reflect.ownKeys(proto)) {
      const now = Object.getOwnPropertyDescriptor(proto, key);
      const was = before.get(key);
      if (!was) {
        changes.push(`${name}.${String(key)} added (${JSON.stringify(now?.value)?.slice(0, 80)})`);
        delete (proto as Record<PropertyKey, unknown>)[key];
      } else if (now && !sameDescriptor(now, was)) {
        changes.push(`${name}.${String(key)} changed`);
        Object.defineProperty(proto, key, was);
      }
    }
    for (const [key, d] of before) {
      if (!Object.hasOwn(proto, key)) {
        changes.push(`${name}.${String(key)} deleted`);
        Object.defineProperty(proto, key, d);
      }
    }
  }
  // Belt and braces: a plain object must see no inherited enumerable keys and no probe values.
  const plain: Record<string, unknown> = {};
  for (const key in plain) changes.push(`({}).${key} is inherited`);
  for (const probe of PROBE_NAMES) {
    if (probe === "toString" || probe === "valueOf") continue;
    if (plain[probe] !== undefined) changes.push(`({}).${probe} === ${String(plain[probe])}`);
  }
  return [...new Set(changes)];
}

/** Unhandled rejections and uncaught exceptions, attributed to whichever request was running. */
export class ProcessErrorRecorder {
  private errors: string[] = [];
  private readonly onRejection = (reason: unknown) => {
    this.errors.push(`unhandledRejection: ${describeError(reason)}`);
  };
  private readonly onException = (error: unknown) => {
    this.errors.push(`uncaughtException: ${describeError(error)}`);
  };
  start() {
    process.on("unhandledRejection", this.onRejection);
    process.on("uncaughtException", this.onException);
  }
  stop() {
    process.off("unhandledRejection", this.onRejection);
    process.off("uncaughtException", this.onException);
  }
  take(): string[] {
    const out = this.errors;
    this.errors = [];
    return out;
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`.slice(0, 300);
  return String(e).slice(0, 300);
}

/**
 * Per-table write counters kept by triggers installed on every table of the public schema
 * (found at start, so new tables are covered). A row-level trigger counts each inserted,
 * deleted or actually changed row (an UPDATE to identical values is not a change), and a
 * statement trigger counts TRUNCATE; counters roll back with the transaction that wrote them,
 * so a request that failed and rolled back leaves them alone. Reading them is one tiny query,
 * where hashing every table before and after each request was most of the suite's time.
 */
export class TableSnapshots {
  private client: pg.Client;
  private tables: string[] = [];
  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }
  async start(): Promise<string[]> {
    await this.client.connect();
    const rows = await this.client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_prisma%' AND table_name <> 'fuzz_table_writes' ORDER BY 1",
    );
    this.tables = rows.rows.map((r) => r.table_name);
    await this.client.query(`
      CREATE TABLE IF NOT EXISTS fuzz_table_writes (t text PRIMARY KEY, n bigint NOT NULL DEFAULT 0);
      CREATE OR REPLACE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
        END IF;
        UPDATE fuzz_table_writes SET n = n + 1 WHERE t = TG_TABLE_NAME;
        RETURN NULL;
      END $$;`);
    for (const t of this.tables) {
      await this.client.query(`
        INSERT INTO fuzz_table_writes (t) VALUES ('${t}') ON CONFLICT DO NOTHING;
        DROP TRIGGER IF EXISTS fuzz_count_write ON "${t}";
        DROP TRIGGER IF EXISTS fuzz_count_truncate ON "${t}";
        CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_count_write();
        CREATE TRIGGER fuzz_count_truncate AFTER TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION fuzz_count_write();`);
    }
    return this.tables;
  }
  async take(): Promise<Map<string, string>> {
    const res = await this.client.query<{ t: string; n: string }>(
      "SELECT t, n::text AS n FROM fuzz_table_writes",
    );
    return new Map(res.rows.map((r) => [r.t, r.n]));
  }
  async stop() {
    await this.client.end().catch(() => {});
  }
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before.keys()].filter((t) => before.get(t) !== after.get(t));
}

/**
 * Longest event-loop stall while a request ran: how long a liveness probe would have waited.
 * A 10 ms ticker records the largest gap between its ticks (perf_hooks' monitorEventLoopDelay
 * missed a 700 ms synchronous block entirely in a test, so it is not used).
 */
let lastTick = performance.now();
let maxGap = 0;
setInterval(() => {
  const now = performance.now();
  maxGap = Math.max(maxGap, now - lastTick);
  lastTick = now;
}, 10).unref();

export function stallMeter() {
  maxGap = 0;
  lastTick = performance.now();
  return {
    /** Call after one more turn of the loop, so a block that just ended has been seen. */
    stopMs(): number {
      return Math.max(maxGap, performance.now() - lastTick);
    },
  };
}
