import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIsStale, distDir } from "@/scripts/lib/next-build";
import { startTempChroma, type TempChroma } from "@/tests/support/chroma";
import { createTestDatabase, postgresReachable, type TestDatabase } from "@/tests/support/test-database";
import { gate, inCi, ROOT, walk, which } from "./support/tools";

// The container's runtime contract, proved without Docker: the standalone server, laid out
// as the Dockerfile's final stage lays out /app, runs as UID 10001 in a mount namespace
// whose whole root filesystem is read-only except a /tmp, against a real database and Chroma.

const APP_USER = 10001;
const STAGE = path.join("/var/tmp", `portico-runtime-contract-${process.pid}`);
const STAGED_NODE = path.join(STAGE, "node");
const METRICS_TOKEN = "runtime-contract-token-0123456789";
const canIsolate =
  process.getuid?.() === 0 &&
  Boolean(which("unshare")) &&
  Boolean(which("setpriv")) &&
  process.platform === "linux";
const isolation = gate(
  "unshare/setpriv as root",
  canIsolate,
  "needs Linux, root, util-linux unshare and setpriv",
);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The same layout and pruning as the Dockerfile's `assemble` stage. */
function assembleApp(target: string): string {
  const dist = distDir(ROOT);
  const app = path.join(target, "app");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(path.join(dist, "standalone"), app, { recursive: true, verbatimSymlinks: true });
  const relDist = path.relative(ROOT, dist);
  cpSync(path.join(dist, "static"), path.join(app, relDist, "static"), { recursive: true });
  if (existsSync(path.join(ROOT, "public")))
    cpSync(path.join(ROOT, "public"), path.join(app, "public"), { recursive: true });
  for (const file of walk(app)) if (file.endsWith(".map")) rmSync(path.join(app, file));
  rmSync(path.join(app, relDist, "cache"), { recursive: true, force: true });
  symlinkSync("/tmp/next-cache", path.join(app, relDist, "cache"));
  for (const dir of ["tests", "bench", "docs"]) rmSync(path.join(app, dir), { recursive: true, force: true });
  return app;
}

// Runs as root inside `unshare -m`: read-only bind of / over itself, a writable /tmp, then
// drop to 10001 with no supplementary groups and a clean environment.
const RUN_SCRIPT = `set -eu
mount --bind / /
mount -o remount,bind,ro /
mount --bind "$HOST_TMP" /tmp
cd "$APP_DIR"
exec setpriv --reuid=${APP_USER} --regid=${APP_USER} --clear-groups --reset-env \\
  env PATH=/usr/bin:/bin HOME=/tmp NODE_ENV=production HOSTNAME=127.0.0.1 PORT="$PORT" \\
  DATABASE_URL="$DATABASE_URL" CHROMA_URL="$CHROMA_URL" PORTICO_METRICS_TOKEN="$PORTICO_METRICS_TOKEN" \\
  PORTICO_CATALOG_REFRESH_INTERVAL_S=5 "$NODE_BIN" server.js`;

describe.skipIf(!isolation.available && !inCi)(
  "runtime contract: standalone server, UID 10001, read-only root",
  () => {
    let database: TestDatabase | undefined;
    let chroma: TempChroma | undefined;
    let server: ChildProcess | undefined;
    let hostTmp = "";
    let base = "";
    let app = "";
    let log = "";

    beforeAll(async () => {
      if (!isolation.available) throw new Error(isolation.line);
      if (buildIsStale(ROOT)) {
        const build = spawnSync(
          process.execPath,
          [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"],
          {
            cwd: ROOT,
            stdio: "inherit",
            env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
          },
        );
        if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
      }
      // The namespace mounts a fresh /tmp over the host's, which hides a checkout under /tmp
      // (CI clones there): stage the app and the Node binary on the root filesystem instead.
      app = assembleApp(STAGE);
      copyFileSync(process.execPath, STAGED_NODE);
      chmodSync(STAGED_NODE, 0o755);
      const pgServer = "postgresql://postgres@127.0.0.1:5432/postgres";
      const usePostgres = await postgresReachable(pgServer);
      [database, chroma] = await Promise.all([
        createTestDatabase({ serverUrl: usePostgres ? pgServer : "" }),
        startTempChroma(),
      ]);
      console.log(`runtime contract: database ${database.kind}`);
      hostTmp = mkdtempSync(path.join(os.tmpdir(), "portico-rt-tmp-"));
      chmodSync(hostTmp, 0o1777);
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const child = spawn("unshare", ["-m", "--propagation", "private", "sh", "-c", RUN_SCRIPT], {
        env: {
          NODE_ENV: "production",
          PATH: process.env.PATH,
          HOST_TMP: hostTmp,
          APP_DIR: app,
          PORT: String(port),
          DATABASE_URL: database.url,
          CHROMA_URL: chroma.url,
          PORTICO_METRICS_TOKEN: METRICS_TOKEN,
          NODE_BIN: STAGED_NODE,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      server = child;
      child.stdout.on("data", (d) => (log += d));
      child.stderr.on("data", (d) => (log += d));
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
        try {
          if ((await fetch(`${base}/api/health?probe=live`)).ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`server not live in 60 s:\n${log}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }, 900_000);

    afterAll(async () => {
      if (server && server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server?.once("exit", r));
      }
      await Promise.allSettled([database?.stop(), chroma?.dispose()]);
      rmSync(STAGE, { recursive: true, force: true });
      if (hostTmp) rmSync(hostTmp, { recursive: true, force: true });
    });

    it("runs as UID/GID 10001 with no supplementary groups", () => {
      const status = readFileSync(`/proc/${server?.pid}/status`, "utf8");
      expect(status).toMatch(
        new RegExp(`^Uid:\\s+${APP_USER}\\s+${APP_USER}\\s+${APP_USER}\\s+${APP_USER}$`, "m"),
      );
      expect(status).toMatch(
        new RegExp(`^Gid:\\s+${APP_USER}\\s+${APP_USER}\\s+${APP_USER}\\s+${APP_USER}$`, "m"),
      );
      expect(status).toMatch(/^Groups:\s*$/m);
    });

    it("is ready against the real database and Chroma", async () => {
      const res = await fetch(`${base}/api/health`);
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe("ready");
      expect(body.checks.database.status).toBe("up");
      expect(body.checks.vector_store.status).toBe("up");
    });

    it("serves pages and the API without writing outside /tmp", async () => {
      for (const route of [
        "/",
        "/catalog",
        "/create",
        "/diagnose",
        "/api/openapi.json",
        "/api/catalog/entities",
      ]) {
        const res = await fetch(`${base}${route}`);
        expect(res.status, route).toBe(200);
        await res.arrayBuffer();
      }
      const diagnose = await fetch(`${base}/api/diagnose`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ error_message: "OOMKilled exit code 137 in pod api-1" }),
      });
      expect(diagnose.status).toBe(200);
      // Give the refresh scheduler (every 5 s here) a pass, then look for write failures.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(log).not.toMatch(/EROFS|EACCES|read-only file system|permission denied/i);
      expect(server?.exitCode).toBeNull();
    });

    it("protects /api/metrics with the bearer token and counts requests per route", async () => {
      expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
      const res = await fetch(`${base}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/^portico_http_requests_total\{route="health",method="GET",status="200"\} \d+$/m);
      expect(text).toMatch(
        /^portico_diagnose_duration_seconds_count\{engine="offline",degraded="(true|false)"\} 1$/m,
      );
      expect(text).toContain('portico_metrics_source_up{source="portico_catalog_entities"} 1');
    });

    it("ships no source maps or dev dependencies in the app directory", () => {
      const files = walk(app);
      expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
      const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        devDependencies: Record<string, string>;
      };
      const modules = path.join(app, "node_modules");
      const shipped = new Set<string>();
      for (const name of readdirSync(modules)) {
        if (name.startsWith("@"))
          for (const sub of readdirSync(path.join(modules, name))) shipped.add(`${name}/${sub}`);
        else shipped.add(name);
      }
      expect(Object.keys(pkg.devDependencies).filter((d) => shipped.has(d))).toEqual([]);
    });

    it("wrote only to the writable /tmp", () => {
      // Anything here was written by the server; it must stay small scratch data (Next's cache).
      const written = walk(hostTmp);
      console.log(
        `runtime contract: files written under /tmp: ${written.length ? written.join(", ") : "none"}`,
      );
      for (const file of written)
        expect(file.startsWith("next-cache/") || file.startsWith(".npm/")).toBe(true);
    });
  },
);
