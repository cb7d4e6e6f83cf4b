import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export interface ChromaServerOptions {
  dataDir: string;
  /** 0 or undefined picks a free loopback port. */
  port?: number;
  host?: string;
  /** How long to wait for the heartbeat before giving up. */
  startTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL on stop(). */
  stopTimeoutMs?: number;
  /** Override the CLI entry point (defaults to the one shipped by the chromadb package). */
  cliPath?: string;
}

export interface ChromaServerHandle {
  url: string;
  host: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const MAX_LOG_CHARS = 8_000;

export function resolveChromaCli(): string {
  // chromadb's package.json "exports" hides dist/cli.mjs, so resolve the package
  // root through its main entry and walk to the CLI file.
  try {
    const require = createRequire(import.meta.url);
    const main = require.resolve("chromadb");
    const distIndex = main.lastIndexOf(`${path.sep}dist${path.sep}`);
    if (distIndex >= 0) return path.join(main.slice(0, distIndex), "dist", "cli.mjs");
  } catch {
    // Bundlers (Next.js) may rewrite import.meta.url; fall back to the project root.
  }
  return path.join(process.cwd(), "node_modules", "chromadb", "dist", "cli.mjs");
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("could not allocate a free port"))));
    });
  });
}

async function heartbeatOk(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once("exit", onExit);
  });
}

/**
 * Runs the Chroma server bundled with the `chromadb` npm package as a child
 * process (node + native binding), so no Python or Docker is needed.
 */
export async function startChromaServer(opts: ChromaServerOptions): Promise<ChromaServerHandle> {
  const host = opts.host ?? "127.0.0.1";
  const port = opts.port && opts.port > 0 ? opts.port : await findFreePort(host);
  const startTimeoutMs = opts.startTimeoutMs ?? 30_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 5_000;
  const cli = opts.cliPath ?? resolveChromaCli();
  // A heartbeat from someone else's server on that port would look like success.
  if (opts.port && opts.port > 0 && !(await portIsFree(port, host))) {
    throw new Error(`chroma server port ${host}:${port} is already in use`);
  }
  mkdirSync(opts.dataDir, { recursive: true });

  const child = spawn(
    process.execPath,
    [cli, "run", "--path", opts.dataDir, "--host", host, "--port", String(port)],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  if (child.pid === undefined) {
    throw new Error(`failed to spawn chroma server (${process.execPath} ${cli})`);
  }
  const pid = child.pid;

  let log = "";
  const append = (buf: Buffer) => {
    log = (log + buf.toString("utf8")).slice(-MAX_LOG_CHARS);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let spawnError: Error | undefined;
  child.on("error", (err) => {
    spawnError = err;
  });

  // Never leave an orphaned server behind if the parent exits without stop().
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  process.once("exit", killOnExit);

  const url = `http://${host}:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await waitForExit(child, stopTimeoutMs))) {
      child.kill("SIGKILL");
      await waitForExit(child, stopTimeoutMs);
    }
    child.stdout?.destroy();
    child.stderr?.destroy();
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (spawnError || child.exitCode !== null || child.signalCode !== null) {
      await stop();
      const why = spawnError ? spawnError.message : `exit code ${child.exitCode ?? child.signalCode}`;
      throw new Error(`chroma server exited before becoming ready (${why}):\n${log.trim()}`);
    }
    if (await heartbeatOk(url, 1_000)) {
      return { url, host, port, pid, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(
    `chroma server did not answer ${url}/api/v2/heartbeat within ${startTimeoutMs} ms:\n${log.trim()}`,
  );
}
