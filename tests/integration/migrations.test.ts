import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations, MigrationError, migrationStatus, runPrismaCli } from "@/lib/db/migrate";
import { selectSchemaEngine } from "@/lib/db/schema-engine";
import { createTestDatabase, type TestDatabase } from "@/tests/support/postgres";

const ROOT = path.resolve(__dirname, "../..");
const LOCAL_PG = "postgresql://postgres@127.0.0.1:5432/postgres";

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const realServer = process.env.TEST_DATABASE_URL || ((await portOpen(5432)) ? LOCAL_PG : "");
const targets = [
  { name: "PGlite", serverUrl: "" },
  ...(realServer ? [{ name: "PostgreSQL", serverUrl: realServer }] : []),
];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function repoMigrations(): Promise<{ names: string[]; tables: string[] }> {
  const dir = path.join(ROOT, "prisma/migrations");
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const tables: string[] = [];
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
    for (const m of sql.matchAll(/CREATE TABLE "([^"]+)"/g)) tables.push(m[1]);
  }
  return { names, tables };
}

/** A throwaway copy of the project layout with its own schema and migrations. */
async function scratchProject(migrations: Record<string, string>, extraSchema = ""): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "portico-migrate-"));
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  await symlink(path.join(ROOT, "scripts"), path.join(dir, "scripts"));
  await symlink(path.join(ROOT, "lib"), path.join(dir, "lib"));
  await writeFile(path.join(dir, "prisma.config.ts"), await readFile(path.join(ROOT, "prisma.config.ts")));
  await mkdir(path.join(dir, "prisma/schema"), { recursive: true });
  for (const f of ["base.prisma", "system.prisma"]) {
    await writeFile(path.join(dir, "prisma/schema", f), await readFile(path.join(ROOT, "prisma/schema", f)));
  }
  if (extraSchema) await writeFile(path.join(dir, "prisma/schema/extra.prisma"), extraSchema);
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(dir, "prisma/migrations", name), { recursive: true });
    await writeFile(path.join(dir, "prisma/migrations", name, "migration.sql"), sql);
  }
  return dir;
}

const INIT = "20261126215900_init";
const initSql = await readFile(path.join(ROOT, "prisma/migrations", INIT, "migration.sql"), "utf8");

beforeAll(() => {
  // Exercise the air-gapped path even on a machine that has a native engine.
  process.env.PORTICO_PRISMA_ENGINE = "wasm";
});

it("selects the WASM bridge in air-gapped mode and ignores no-op engine binaries", () => {
  expect(selectSchemaEngine({ rootDir: ROOT, env: process.env }).kind).toBe("wasm-bridge");
  const noop = selectSchemaEngine({ rootDir: ROOT, env: { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" } });
  expect(noop.kind).toBe("wasm-bridge");
});

it("migrate diff from empty to the schema produces SQL without any database", {
  timeout: 120_000,
}, async () => {
  const result = await runPrismaCli(
    ["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema", "--script"],
    {
      databaseUrl: "postgresql://postgres@127.0.0.1:1/unreachable",
      rootDir: ROOT,
    },
  );
  expect(result.exitCode, result.stderr).toBe(0);
  expect(result.stdout).toContain('CREATE TABLE "system_settings"');
});

describe.each(targets)("migrations on $name", ({ serverUrl }) => {
  let db: TestDatabase;
  const scratchDirs: string[] = [];
  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl, migrate: false });
  });
  afterAll(async () => {
    await db?.stop();
    await Promise.all(scratchDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it("applies every migration and creates its tables", async () => {
    const expected = await repoMigrations();
    const { applied } = await applyMigrations({ databaseUrl: db.url, rootDir: ROOT });
    expect(applied).toEqual(expected.names);
    const rows = await query<{ table_name: string }>(
      db.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = rows.map((r) => r.table_name);
    expect(tables).toContain("_prisma_migrations");
    for (const table of expected.tables) expect(tables).toContain(table);
  });

  it("reports up to date, and a second deploy is a no-op", async () => {
    const status = await migrationStatus({ databaseUrl: db.url, rootDir: ROOT });
    expect(status.upToDate, status.output).toBe(true);
    const before = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations");
    const again = await applyMigrations({ databaseUrl: db.url, rootDir: ROOT });
    expect(again.applied).toEqual([]);
    const after = await query<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations");
    expect(after[0].n).toBe(before[0].n);
  });

  it("introspects the migrated database (db pull)", async () => {
    const result = await runPrismaCli(["db", "pull", "--print"], { databaseUrl: db.url, rootDir: ROOT });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/model SystemSetting|model system_settings/);
  });

  it("fails loudly when a migration's SQL is broken", async () => {
    const broken = await createTestDatabase({ serverUrl, migrate: false });
    const dir = await scratchProject({
      [INIT]: initSql,
      "20261126230000_broken": "CREATE TABLE oops (id int;\n",
    });
    scratchDirs.push(dir);
    try {
      const error = await applyMigrations({ databaseUrl: broken.url, rootDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect((error as Error).message).toMatch(/20261126230000_broken/);
      expect((error as Error).message).toMatch(/P3018|syntax error/);
      const status = await migrationStatus({ databaseUrl: broken.url, rootDir: dir }).catch((e: Error) => e);
      expect(status instanceof Error || !status.upToDate).toBe(true);
    } finally {
      await broken.stop();
    }
  });

  it("applies SQL with semicolons inside comments, strings and function bodies", async () => {
    const target = await createTestDatabase({ serverUrl, migrate: false });
    const dir = await scratchProject({
      [INIT]: initSql,
      "20261126230100_semicolons": [
        "-- keep this; it is only a comment",
        "CREATE TABLE notes (id int PRIMARY KEY, body text DEFAULT 'a;b');",
        "CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM notes; $$;",
        "INSERT INTO notes (id) VALUES (1);",
        "",
      ].join("\n"),
    });
    scratchDirs.push(dir);
    try {
      const { applied } = await applyMigrations({ databaseUrl: target.url, rootDir: dir });
      expect(applied).toContain("20261126230100_semicolons");
      const rows = await query<{ body: string; n: string }>(
        target.url,
        "SELECT body, note_count()::text AS n FROM notes",
      );
      expect(rows).toEqual([{ body: "a;b", n: "1" }]);
    } finally {
      await target.stop();
    }
  });

  // Several CLI round trips plus a shadow database: slow on a busy 2-core machine.
  it("migrate dev creates the next migration through a shadow database", { timeout: 240_000 }, async () => {
    const target = await createTestDatabase({ serverUrl, migrate: false });
    const dir = await scratchProject(
      { [INIT]: initSql },
      'model Widget {\n  id   Int    @id\n  name String\n\n  @@map("widgets")\n}\n',
    );
    scratchDirs.push(dir);
    try {
      const result = await runPrismaCli(["migrate", "dev", "--name", "widgets"], {
        databaseUrl: target.url,
        rootDir: dir,
      });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
      const created = (await readdir(path.join(dir, "prisma/migrations"))).find((n) =>
        n.endsWith("_widgets"),
      );
      expect(created).toBeDefined();
      const sql = await readFile(
        path.join(dir, "prisma/migrations", created as string, "migration.sql"),
        "utf8",
      );
      expect(sql).toContain('CREATE TABLE "widgets"');
      expect(sql).not.toContain('CREATE TABLE "system_settings"');
      const rows = await query<{ n: number }>(target.url, "SELECT count(*)::int AS n FROM widgets");
      expect(rows[0].n).toBe(0);
      if (serverUrl) {
        const leaked = await query(
          serverUrl,
          "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
        );
        expect(leaked).toEqual([]);
      }
    } finally {
      await target.stop();
    }
  });
});

describe("embedded Postgres", () => {
  it("serves a pg Pool with concurrent connections and transactions correctly", async () => {
    const embedded = await startEmbeddedPostgres();
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    try {
      await pool.query("CREATE TABLE t (id int PRIMARY KEY)");
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          pool.query<{ a: number; b: string }>("SELECT $1::int AS a, $2::text AS b", [i, `v${i}`]),
        ),
      );
      expect(results.map((r) => r.rows[0])).toEqual(
        Array.from({ length: 200 }, (_, i) => ({ a: i, b: `v${i}` })),
      );
      await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO t VALUES ($1)", [i]);
            await new Promise((r) => setTimeout(r, 5));
            await client.query(i % 2 ? "ROLLBACK" : "COMMIT");
          } finally {
            client.release();
          }
        }),
      );
      const count = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM t");
      expect(count.rows[0].n).toBe(6);
    } finally {
      await pool.end();
      await embedded.stop();
    }
  });
});
