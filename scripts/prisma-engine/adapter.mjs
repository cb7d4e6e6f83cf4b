// Driver-adapter factory handed to the WASM schema engine: the main database via
// @prisma/adapter-pg, plus a shadow database chosen the way the native engine would.
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import pg from "pg";

// adapter-pg 7.10 has no column type for `"char"` (oid 18) and does not parse
// `name[]` (oid 1003), which breaks introspection (prisma/orm#27403). The pg
// client relabels those fields so adapter-pg accepts them, and remembers which
// result columns were `"char"` so the adapter wrapper can report them to the
// engine as Character (it reads e.g. pg_constraint.contype as a char).
const charColumnsByRows = new WeakMap();
const parseTextArray = pg.types.getTypeParser(1009, "text");

function relabelFields(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (res?.fields ?? []).forEach((field, index) => {
      const key = (row) => (Array.isArray(row) ? index : field.name);
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        charColumns.push(index);
      } else if (field.dataTypeID === 1003) {
        field.dataTypeID = 1009;
        for (const row of res.rows) {
          const value = row[key(row)];
          if (typeof value === "string") row[key(row)] = parseTextArray(value);
        }
      }
    });
    if (charColumns.length && res.rows) charColumnsByRows.set(res.rows, charColumns);
  }
  return result;
}

function reportCharColumns(resultSet) {
  const charColumns = charColumnsByRows.get(resultSet.rows);
  for (const index of charColumns ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  return resultSet;
}

function patchQueryable(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => reportCharColumns(await queryRaw(query));
  return queryable;
}

export class IntrospectionSafeClient extends pg.Client {
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err, res) => callback(err, err ? res : relabelFields(res));
      return super.query(...args);
    }
    const out = super.query(...args);
    return out && typeof out.then === "function" ? out.then(relabelFields) : out;
  }
}

// connectionString would override any field we set (notably `database`), so
// connections are always described by explicit fields.
export function connectionFields(url) {
  const u = new URL(url);
  if (u.protocol !== "postgresql:" && u.protocol !== "postgres:") {
    throw new Error(`Only postgresql:// URLs are supported, got ${u.protocol}//`);
  }
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname || "127.0.0.1").replace(/^\[(.*)\]$/, "$1"),
    port: u.port ? Number(u.port) : 5432,
    user: u.username ? decodeURIComponent(u.username) : "postgres",
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
  };
}

async function connectAdapter(fields, release) {
  const factory = new PrismaPg({ ...fields, max: 4, Client: IntrospectionSafeClient });
  const adapter = patchQueryable(await factory.connect());
  // adapter-pg splits scripts on every ";" (even inside comments, strings and
  // $$ bodies). The native engine sends a migration as one simple-protocol
  // query; do the same so both engines apply identical SQL identically.
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => patchQueryable(await startTransaction(...args));
  if (!release) return adapter;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await release();
  };
  return adapter;
}

async function withClient(fields, fn) {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function isPglite(fields) {
  return withClient(fields, async (c) => {
    const { rows } = await c.query("select version() as v");
    return /PGlite/i.test(rows[0].v);
  });
}

// PGlite accepts CREATE DATABASE but serves every database name from the same
// single database, so a "separate" shadow there would be the main database.
async function startPgliteShadow() {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    fields: { host: "127.0.0.1", port, user: "postgres", database: "postgres" },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

// Starting PGlite costs seconds, and one `migrate dev` asks for a shadow
// database several times, so the bridge keeps one and empties it per use.
let sharedPglite;
async function pgliteShadowFields() {
  sharedPglite ??= startPgliteShadow();
  const embedded = await sharedPglite;
  await wipeShadow(embedded.fields);
  return embedded.fields;
}

async function wipeShadow(fields) {
  // The native engine resets a user-provided shadow database before use.
  await withClient(fields, (c) => c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"));
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string, log: (msg: string) => void }} opts
 * @returns {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory}
 */
export function createMigrationAdapterFactory({ url, shadowDatabaseUrl, log }) {
  const main = connectionFields(url);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectAdapter(main),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const shadow = connectionFields(shadowDatabaseUrl);
        if (shadow.host === main.host && shadow.port === main.port && shadow.database === main.database) {
          throw new Error("The shadow database URL points at the main database; refusing to wipe it.");
        }
        log(`shadow database: wiping and using ${shadow.host}:${shadow.port}/${shadow.database}`);
        await wipeShadow(shadow);
        return connectAdapter(shadow);
      }
      if (await isPglite(main)) {
        log("shadow database: main database is PGlite, using an in-memory PGlite");
        return connectAdapter(await pgliteShadowFields());
      }
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      log(`shadow database: creating temporary database ${database}`);
      await withClient(main, (c) => c.query(`CREATE DATABASE "${database}"`));
      return connectAdapter({ ...main, database }, () =>
        withClient(main, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
      );
    },
  };
}

/** A factory backed by private in-memory PGlite instances, for database-less requests. */
export function createOfflineAdapterFactory({ log }) {
  const connectEmbedded = async () => {
    log("offline request: using an in-memory PGlite");
    return connectAdapter(await pgliteShadowFields());
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: connectEmbedded,
    connectToShadowDb: connectEmbedded,
  };
}

export function createDatabase(url) {
  const target = connectionFields(url);
  return withClient({ ...target, database: "postgres" }, (c) =>
    c.query(`CREATE DATABASE "${target.database.replaceAll('"', '""')}"`),
  );
}

export function dropDatabase(url) {
  const target = connectionFields(url);
  return withClient({ ...target, database: "postgres" }, (c) =>
    c.query(`DROP DATABASE IF EXISTS "${target.database.replaceAll('"', '""')}" WITH (FORCE)`),
  );
}

export function canConnect(url) {
  return withClient(connectionFields(url), (c) => c.query("SELECT 1"));
}
