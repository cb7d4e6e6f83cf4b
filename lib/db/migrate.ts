import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { engineEnvironment, selectSchemaEngine } from "./schema-engine";

export interface MigrateOptions {
  databaseUrl: string;
  /** Only used by commands that need a shadow database (not by deploy). */
  shadowDatabaseUrl?: string;
  /** Repository root holding prisma.config.ts, prisma/ and node_modules/. */
  rootDir?: string;
  /** Node executable for the Prisma CLI; defaults to the current one. */
  nodePath?: string;
  timeoutMs?: number;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly result: CliResult,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * Runs the Prisma CLI (`prisma <args>`) with this repo's config, so it uses the
 * same engine selection as a developer's `npx prisma ...` (native engine when
 * present, otherwise the WASM bridge).
 */
export function runPrismaCli(args: string[], options: MigrateOptions): Promise<CliResult> {
  const rootDir = options.rootDir ?? process.cwd();
  const nodePath = options.nodePath ?? process.execPath;
  const engine = selectSchemaEngine({ rootDir, env: process.env });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...engineEnvironment(engine, nodePath),
    DATABASE_URL: options.databaseUrl,
    SHADOW_DATABASE_URL: options.shadowDatabaseUrl ?? "",
    // Keep the CLI quiet and non-interactive when run from the app or tests.
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    CI: "1",
  };
  const cli = path.join(rootDir, "node_modules", "prisma", "build", "index.js");
  const configFile = path.join(rootDir, "prisma.config.ts");
  return new Promise((resolve) => {
    execFile(
      nodePath,
      [cli, ...args, "--config", configFile],
      { cwd: rootDir, env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ exitCode: code, stdout, stderr: stderr || (error && !stdout ? error.message : "") });
      },
    );
  });
}

// Missing database (3D000, deploy creates it) or missing table (42P01) both mean
// "nothing applied yet".
const NOTHING_APPLIED_CODES = new Set(["3D000", "42P01"]);

async function finishedMigrations(databaseUrl: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    if (NOTHING_APPLIED_CODES.has((error as { code?: string }).code ?? "")) return new Set();
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Short, log-friendly tail of the CLI's output for error messages. */
export function summarizeCliFailure(result: CliResult): string {
  const text = `${result.stdout}\n${result.stderr}`
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l && !l.startsWith("Loaded Prisma config") && !l.startsWith("Prisma schema loaded"));
  return text.slice(-25).join("\n");
}

/**
 * Applies pending migrations (`prisma migrate deploy`). Returns the names of
 * the migrations this call applied; throws MigrationError when the CLI fails.
 */
export async function applyMigrations(options: MigrateOptions): Promise<{ applied: string[] }> {
  const before = await finishedMigrations(options.databaseUrl);
  const result = await runPrismaCli(["migrate", "deploy"], options);
  if (result.exitCode !== 0) {
    throw new MigrationError(
      `prisma migrate deploy failed (exit ${result.exitCode}):\n${summarizeCliFailure(result)}`,
      result,
    );
  }
  // Ask the database rather than parse CLI prose: it is the source of truth.
  const after = await finishedMigrations(options.databaseUrl);
  return { applied: [...after].filter((name) => !before.has(name)).sort() };
}

export interface MigrationStatus {
  upToDate: boolean;
  pending: string[];
  output: string;
}

/** `prisma migrate status`: exit 0 means the database matches prisma/migrations. */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  const result = await runPrismaCli(["migrate", "status"], options);
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.exitCode === 0 && /Database schema is up to date/.test(output)) {
    return { upToDate: true, pending: [], output };
  }
  const pendingBlock = output.split(/have not yet been applied:/)[1] ?? "";
  const pending = parsePendingMigrations(pendingBlock);
  if (pending.length === 0 && result.exitCode !== 0) {
    throw new MigrationError(`prisma migrate status failed:\n${summarizeCliFailure(result)}`, result);
  }
  return { upToDate: false, pending, output };
}

/** Migration names listed one per line (as `migrate status` prints pending ones). */
export function parsePendingMigrations(block: string): string[] {
  // The list ends at the first blank line; later sections list other migrations.
  const list = block.replace(/^\s*\n/, "").split(/\n\s*\n/)[0] ?? "";
  return [...list.matchAll(/^\s*(\d{14}_[\w-]+)\s*$/gm)].map((m) => m[1]);
}
