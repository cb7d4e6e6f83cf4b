import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

/** One statement on the server's maintenance database. */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Whether a PostgreSQL server answers at `url` (tests that need a real server skip without one). */
export async function postgresReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Drops a test database, letting sessions that are closing finish first: pools resolve end()
 * before their sockets close, and FORCE would kill such a session, whose client then emits an
 * uncaught 57P01 that fails the whole run. Without FORCE, Postgres waits up to 5 s for them;
 * only sessions that never close are forced.
 */
export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== "55006") throw error; // object_in_use
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

export interface TestDatabase {
  /** postgresql:// URL of a fresh database with all prisma/migrations applied. */
  url: string;
  kind: "pglite" | "postgres";
  /** Stops PGlite / drops the per-test database. Idempotent. */
  stop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default true). */
  migrate?: boolean;
  /** Defaults to process.env.TEST_DATABASE_URL; empty means embedded PGlite. */
  serverUrl?: string;
  /** Prefix of the database's name on a real server (default `portico_test_`). */
  namePrefix?: string;
}

const ROOT_DIR = path.resolve(__dirname, "../..");

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh, migrated database: in-memory PGlite by default, or a uniquely named
 * database on the server in TEST_DATABASE_URL (e.g.
 * postgresql://postgres@127.0.0.1:5432/postgres), dropped again by stop().
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL ?? "";
  const migrate = options.migrate ?? true;
  let db: TestDatabase;
  if (serverUrl) {
    const name = `${options.namePrefix ?? "portico_test_"}${randomUUID().replaceAll("-", "").slice(0, 16)}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    let dropped: Promise<void> | undefined;
    db = {
      url: withDatabase(serverUrl, name),
      kind: "postgres",
      stop: () => {
        dropped ??= dropTestDatabase(serverUrl, name);
        return dropped;
      },
    };
  } else {
    const embedded = await startEmbeddedPostgres();
    db = { url: embedded.url, kind: "pglite", stop: () => embedded.stop() };
  }
  if (migrate) {
    try {
      await applyMigrations({ databaseUrl: db.url, rootDir: ROOT_DIR });
    } catch (error) {
      await db.stop();
      throw error;
    }
  }
  return db;
}
