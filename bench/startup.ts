/**
 * Cold start of `npm start` until ready (fresh data dir: PGlite + Chroma start,
 * migrations from zero, demo seed, runbook indexing; an existing production
 * build is reused), then /api/health?probe=live throughput with autocannon.
 * Prints one JSON object.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const root = path.resolve(__dirname, "..");
const port = Number(process.env.BENCH_PORT ?? 3077);

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portico-bench-start-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PORTICO_DATA_DIR: dataDir,
    PORTICO_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  delete env.CHROMA_URL;
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const phases: Record<string, number> = {};
  let readyMs = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("not ready within 10 minutes")), 600_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        const at = Math.round(performance.now() - t0);
        if (line.includes("[portico] embedded Chroma")) phases.services_started_ms = at;
        if (line.includes("[portico] migrations:")) phases.migrated_ms = at;
        if (line.includes("[portico] seed:")) phases.seeded_ms = at;
        if (line.includes("[portico] ready on")) {
          readyMs = at;
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.once("exit", (code) => reject(new Error(`launcher exited early with ${code}`)));
  });

  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/health?probe=live`,
    connections: 50,
    duration: 10,
  });
  child.kill("SIGINT");
  await new Promise((r) => child.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    JSON.stringify(
      {
        benchmark: "startup-and-liveness",
        cold_start_ready_ms: readyMs,
        phases,
        liveness: {
          connections: 50,
          duration_s: 10,
          requests_per_s_avg: result.requests.average,
          latency_ms_p50: result.latency.p50,
          latency_ms_p99: result.latency.p99,
          non_2xx: result.non2xx,
          errors: result.errors,
        },
      },
      null,
      2,
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
