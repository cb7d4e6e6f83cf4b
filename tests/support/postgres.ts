import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";
import { adminQuery, dropTestDatabase } from "./drop-test-database";

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
    const name = `portico_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
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

/**
 * Vitest helper: creates the database in beforeAll and removes it in afterAll.
 *
 *   const db = withTestDatabase();
 *   it("...", async () => { const prisma = makeClient(db.url); ... });
 */
export function withTestDatabase(options: CreateTestDatabaseOptions = {}): {
  readonly url: string;
  readonly kind: TestDatabase["kind"];
} {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(options);
  });
  afterAll(async () => {
    await current?.stop();
  });
  const get = () => {
    if (!current) throw new Error("withTestDatabase(): database is only available inside tests/hooks");
    return current;
  };
  return {
    get url() {
      return get().url;
    },
    get kind() {
      return get().kind;
    },
  };
}
