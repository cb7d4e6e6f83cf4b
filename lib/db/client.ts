import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getServerConfig } from "@/lib/config/server-config";
import { logger } from "@/lib/log/logger";
import { DatabaseNotConfiguredError } from "./database-not-configured";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** Pool size; PGlite serialises queries anyway, so the launcher keeps it small there. */
  max?: number;
  connectionTimeoutMillis?: number;
}

// The raw pg pool beside each client, made on first use (see rawPoolOf). A property under a
// global symbol, not a module-level map: Next's bundles can hold several instances of this
// module, and the client in globalThis.__porticoDb may have been made by another one.
const RAW_POOL = Symbol.for("portico.rawPool");
type WithRawPool = { [RAW_POOL]?: () => pg.Pool };

/** The only place a PrismaClient is constructed: always the pg driver adapter, for Postgres and PGlite alike. */
export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const config = {
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3_000,
  };
  const client = new PrismaClient({ adapter: new PrismaPg(config) });
  let raw: pg.Pool | undefined;
  (client as WithRawPool)[RAW_POOL] = () => {
    if (!raw) {
      // As many as Prisma's: under concurrent reads a smaller pool would queue them.
      raw = new pg.Pool({ ...config, idleTimeoutMillis: 10_000 });
      raw.on("error", (err) => logger.warn({ err }, "idle raw database connection failed"));
    }
    return raw;
  };
  const disconnect = client.$disconnect.bind(client);
  // Ends the raw pool too; a later raw read opens a new one, as Prisma reconnects on use.
  client.$disconnect = async () => {
    const ending = raw;
    raw = undefined;
    await Promise.all([disconnect(), ending?.end()]);
  };
  return client;
}

/**
 * A plain pg pool on the same database as `db` (a client made by createDb), for the few hot
 * reads whose answer the database can print as the response body: Prisma's raw queries parse
 * every row into objects, which those reads would only serialise again. undefined for any
 * other executor (a transaction client, a test double): callers keep their Prisma path.
 */
export function rawPoolOf(db: unknown): pg.Pool | undefined {
  return typeof db === "object" && db !== null ? (db as WithRawPool)[RAW_POOL]?.() : undefined;
}

// Survives Next dev-mode module reloads, which would otherwise leak a pool per edit.
const holder = globalThis as unknown as { __porticoDb?: Db };

export function getDb(): Db {
  if (holder.__porticoDb) return holder.__porticoDb;
  const { url } = getServerConfig().database;
  if (!url) throw new DatabaseNotConfiguredError();
  holder.__porticoDb = createDb(url);
  return holder.__porticoDb;
}
