/**
 * The production standalone server (what `npm start` serves) for HTTP benches: built when
 * sources are newer than the build, started on a given or free port against a database URL,
 * ready once it answers the liveness probe. Its pino debug log is followed for "catalog list
 * index built" so a bench can wait until reads use the in-memory index.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildIsStale, distDir, prepareStandalone } from "../../scripts/lib/next-build";

const root = path.resolve(__dirname, "..", "..");
const say = (line: string) => console.error(`[portico-server] ${line}`);

/** `next build` when sources are newer than the build, as `npm start` does; returns server.js. */
export function standaloneServer(skipBuild: boolean): { server: string; built: boolean; buildMs?: number } {
  if (skipBuild || !buildIsStale(root)) return { server: prepareStandalone(root), built: false };
  say(`building the production bundle into ${distDir(root)} (a few minutes)…`);
  const start = performance.now();
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // Build output goes to stderr so a bench's stdout stays its own.
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`);
  return { server: prepareStandalone(root), built: true, buildMs: Math.round(performance.now() - start) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export const rssMb = (pid: number | undefined) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : undefined;
};

export interface IndexBuilt {
  entities: number;
  buildMs: number;
  builtAfterMs: number;
}

export interface PorticoServer {
  child: ChildProcess;
  base: string;
  readyMs: number;
  /** Resolves with the first list-index build (after `since`) holding at least `minEntities`. */
  indexBuilt(minEntities: number, since?: number, timeoutMs?: number): Promise<IndexBuilt>;
  stop(): Promise<void>;
}

export interface StartOptions {
  serverJs: string;
  databaseUrl: string;
  dataDir: string;
  port?: number;
  /** Extra environment (e.g. the catalog URL allowlist). */
  env?: Record<string, string>;
}

/**
 * Offline AI, no cluster, no Chroma (the catalog needs none), no refresh scheduler (a refresh
 * would invalidate the index mid-run), debug logs for the index events.
 */
export async function startPorticoServer(options: StartOptions): Promise<PorticoServer> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    PORTICO_DATA_DIR: options.dataDir,
    PORTICO_LOG_LEVEL: "debug",
    PORTICO_CATALOG_REFRESH_INTERVAL_S: "0",
    PORTICO_CATALOG_LIST_INDEX: "true",
    ...options.env,
  };
  for (const k of ["GOOGLE_GENERATIVE_AI_API_KEY", "CHROMA_URL", "KUBECONFIG", "KUBERNETES_SERVICE_HOST"])
    delete env[k];
  const t0 = performance.now();
  const child = spawn(process.execPath, [options.serverJs], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const builds: Array<IndexBuilt & { at: number }> = [];
  const waiters = new Set<() => void>();
  let rest = "";
  child.stdout?.setEncoding("utf8");
  // Keeps reading for the whole run: a full pipe would block the server's logging.
  child.stdout?.on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      const entry = JSON.parse(line) as { msg?: string; entities?: number; ms?: number; level?: number };
      if (entry.msg === "catalog list index built") {
        const at = performance.now();
        builds.push({
          entities: entry.entities ?? 0,
          buildMs: entry.ms ?? 0,
          builtAfterMs: Math.round(at - t0),
          at,
        });
        for (const wake of waiters) wake();
      } else if ((entry.level ?? 0) >= 40) say(`server: ${line.slice(0, 500)}`);
    }
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));

  let readyMs = 0;
  while (!readyMs) {
    if (child.exitCode !== null) throw new Error(`server exited early with code ${child.exitCode}`);
    const res = await fetch(`${base}/api/health?probe=live`, { signal: AbortSignal.timeout(1_000) }).catch(
      () => undefined, // not listening yet
    );
    if (res?.ok) readyMs = Math.round(performance.now() - t0);
    else await new Promise((r) => setTimeout(r, 200));
  }

  const indexBuilt = (minEntities: number, since = 0, timeoutMs = 10 * 60_000) =>
    new Promise<IndexBuilt>((resolve, reject) => {
      const check = () => {
        const hit = builds.find((b) => b.at >= since && b.entities >= minEntities);
        if (!hit) return false;
        waiters.delete(check);
        const { at: _at, ...built } = hit;
        resolve(built);
        return true;
      };
      if (check()) return;
      waiters.add(check);
      setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`list index of ≥ ${minEntities} entities not built within ${timeoutMs / 1000}s`));
      }, timeoutMs).unref();
    });

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
  };
  return { child, base, readyMs, indexBuilt, stop };
}
