import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./test-database";

const holder = globalThis as { __porticoDb?: Db };

export interface AppEnvironment {
  testDb: TestDatabase;
  /** A fresh PORTICO_DATA_DIR. */
  dataDir: string;
  /** Changes environment variables (undefined unsets) and re-reads the server config. */
  setEnv(values: Record<string, string | undefined>): void;
  /** Disconnects the app's client, restores every variable it set, drops the database and data dir. */
  stop(): Promise<void>;
}

/**
 * Points the app, as route handlers see it (getServerConfig, getDb), at a fresh migrated
 * database and data dir, plus any extra variables.
 */
export async function startAppEnvironment(
  name: string,
  env: Record<string, string | undefined> = {},
  /** A database started elsewhere (e.g. PGlite in a child process); stop() stops it too. */
  database?: TestDatabase,
): Promise<AppEnvironment> {
  const testDb = database ?? (await createTestDatabase());
  const dataDir = await mkdtemp(path.join(tmpdir(), `portico-${name}-`));
  const initial = { DATABASE_URL: testDb.url, PORTICO_DATA_DIR: dataDir, ...env };
  const saved = Object.fromEntries(Object.keys(initial).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (!(k in saved)) saved[k] = process.env[k];
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetServerConfigForTests();
  };
  holder.__porticoDb = undefined;
  setEnv(initial);
  return {
    testDb,
    dataDir,
    setEnv,
    async stop() {
      await holder.__porticoDb?.$disconnect();
      holder.__porticoDb = undefined;
      setEnv(saved);
      await testDb.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
