import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { getServerConfig } from "@/lib/config/server-config";
import { DatabaseNotConfiguredError } from "./database-not-configured";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** Pool size; PGlite serialises queries anyway, so the launcher keeps it small there. */
  max?: number;
  connectionTimeoutMillis?: number;
}

/** The only place a PrismaClient is constructed: always the pg driver adapter, for Postgres and PGlite alike. */
export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3_000,
  });
  return new PrismaClient({ adapter });
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
