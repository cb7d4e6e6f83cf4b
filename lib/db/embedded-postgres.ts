import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { lockProtocolCycles } from "./pglite-cycle-lock";

export interface EmbeddedPostgresOptions {
  /** Directory for persistent data; undefined keeps everything in memory. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 (default) lets the OS pick a free one. */
  port?: number;
  /**
   * Concurrent client connections accepted. PGlite is a single session, so
   * pglite-socket multiplexes connections onto it and keeps a connection that
   * is inside a transaction exclusive until it commits or rolls back.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL usable by pg / @prisma/adapter-pg / the Prisma CLI. */
  url: string;
  port: number;
  /** undefined when running in memory. */
  dataDir: string | undefined;
  stop(): Promise<void>;
}

export const EMBEDDED_DEFAULT_MAX_CONNECTIONS = 32;

export function embeddedDatabaseUrl(port: number): string {
  // PGlite ignores user/database names; these match what Postgres tooling expects.
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * Starts PGlite (Postgres compiled to WASM) behind a real Postgres wire-protocol
 * listener on loopback, so the app and the Prisma CLI use the same adapter-pg
 * code path as against a production server.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();

  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? EMBEDDED_DEFAULT_MAX_CONNECTIONS,
  });
  lockProtocolCycles(server);
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(
      `Embedded Postgres could not listen on 127.0.0.1:${options.port ?? 0}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const port = parsePort(server.getServerConn());

  let stopped: Promise<void> | undefined;
  return {
    url: embeddedDatabaseUrl(port),
    port,
    dataDir,
    stop() {
      // Idempotent: test teardown and signal handlers may both call it.
      stopped ??= (async () => {
        await server.stop();
        await db.close();
      })();
      return stopped;
    },
  };
}

export function parsePort(serverConn: string): number {
  const port = Number(serverConn.slice(serverConn.lastIndexOf(":") + 1));
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`Unexpected embedded Postgres address "${serverConn}"`);
  }
  return port;
}
