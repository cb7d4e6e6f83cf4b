/**
 * `npm start`: one command from a fresh clone to a running portal. Starts the
 * embedded services the environment does not provide, applies migrations,
 * seeds the demo organisation, builds if needed and serves Next.js. Ctrl-C
 * stops everything it started.
 *   --dev        run `next dev` instead of a production build
 *   --no-seed    skip the demo seed
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { decideBind, defaultBindAddress } from "@/lib/access/bind-policy";
import { importLegacyPastes, legacyPastedDirs } from "@/lib/catalog/pasted/import-legacy-pastes";
import { ConfigError, parseServerConfig } from "@/lib/config/server-config";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { startEmbeddedServices } from "./lib/embedded-services";
import { buildIsStale, prepareStandalone } from "./lib/next-build";
import { seedAll } from "./lib/seed";

const root = path.resolve(__dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const t0 = performance.now();
const say = (line: string) => console.log(`[portico] ${line}`);
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

async function waitForLive(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Next.js exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Portico did not become live within ${timeoutMs / 1000}s (${url})`);
}

async function withDb<T>(url: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(url, { max: 2 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  let config: ReturnType<typeof parseServerConfig>;
  try {
    // Resolved once, here, against the repository root: the standalone server runs with
    // its cwd inside the build output, where a relative data dir would be deleted by the
    // next build.
    process.env.PORTICO_DATA_DIR = path.resolve(root, process.env.PORTICO_DATA_DIR || ".data");
    config = parseServerConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const bindAddress = config.auth.bindAddress ?? defaultBindAddress(config.auth);
  const bind = decideBind(config.auth, bindAddress);
  if (!bind.allowed) {
    console.error(`[portico] ${bind.error}`);
    process.exit(1);
  }
  if (bind.warning) console.warn(`[portico] ${bind.warning}`);

  const services = await startEmbeddedServices(config, { log: say });
  let child: ChildProcess | undefined;
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say("stopping…");
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child?.once("exit", r));
    }
    await services.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const migrated = await applyMigrations({ databaseUrl: services.databaseUrl });
    say(`migrations: ${migrated.applied.length ? migrated.applied.join(", ") : "up to date"} (${elapsed()})`);
    const legacy = await withDb(services.databaseUrl, (db) =>
      importLegacyPastes(db, legacyPastedDirs(config.dataDir, root, process.env.PORTICO_NEXT_DIST_DIR)),
    );
    if (legacy.imported) say(`moved ${legacy.imported} pasted YAML file(s) into the database`);
    for (const target of legacy.missing)
      say(`warning: pasted YAML ${target} is lost (no file left to import)`);
    if (!args.has("--no-seed")) {
      const seeded = await seedAll({
        databaseUrl: services.databaseUrl,
        chromaUrl: services.chromaUrl,
        config,
        log: say,
      });
      say(`seed: ${seeded} (${elapsed()})`);
    }
    if (!dev && buildIsStale(root)) {
      say("building the production bundle (first start only; takes a minute)…");
      const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
      if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
    }
  } catch (error) {
    console.error(`[portico] start failed: ${(error as Error).message}`);
    await shutdown(1);
    return;
  }

  const env = {
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    CHROMA_URL: services.chromaUrl,
    PORTICO_EMBEDDED: services.embedded.join(","),
    PORTICO_DATA_DIR: config.dataDir,
    PORT: String(config.port),
    PORTICO_BIND_ADDRESS: bindAddress,
  };
  // Production runs the same standalone server.js the container image runs.
  const command = dev
    ? [nextBin, "dev", "-p", String(config.port), "-H", bindAddress]
    : [prepareStandalone(root)];
  child = spawn(process.execPath, command, {
    cwd: root,
    env: { ...env, HOSTNAME: bindAddress },
    stdio: "inherit",
  });
  child.once("exit", (code) => {
    if (!shuttingDown) void shutdown(code ?? 1);
  });
  const base = `http://localhost:${config.port}`;
  try {
    await waitForLive(`${base}/api/health?probe=live`, child, dev ? 180_000 : 60_000);
  } catch (error) {
    console.error(`[portico] ${(error as Error).message}`);
    await shutdown(1);
    return;
  }
  say(
    `ready on ${base} in ${elapsed()} (AI: ${config.ai.mode}, Kubernetes: ${config.kubernetes.mode}). Ctrl-C to stop.`,
  );
}

void main();
