/**
 * POST /api/diagnose benchmark (offline engine, the default without an API key).
 *
 *   npx tsx bench/diagnose-api.ts                      # in-process route handler
 *   npx tsx bench/diagnose-api.ts --url http://localhost:3000   # + autocannon against a running server
 *   npx tsx bench/diagnose-api.ts --standalone         # + autocannon against the built standalone server
 *
 * In-process: the exported route handler is called with real Request objects,
 * so the numbers include body streaming, JSON parsing, zod validation,
 * redaction, analysis, keyword runbook retrieval (no Chroma: the vector leg is
 * skipped, as when the vector store is down), the offline engine and response
 * serialisation; not the HTTP server. p50/p95 at 1, 64 and 256 KiB, then
 * throughput with 50 concurrent callers. Autocannon adds the real HTTP stack.
 * Prints one JSON object. Target: p50 ≤ 10 ms at 64 KiB.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const KIB = 1024;
const SIZES = [1 * KIB, 64 * KIB, 256 * KIB];
const CONCURRENCY = 50;
const THROUGHPUT_MS = 5_000;
const root = path.resolve(__dirname, "..");

// A realistic paste: mostly ordinary application log lines with the failure
// (CrashLoopBackOff caused by OOMKilled) near the end, like a tail of `kubectl logs` + describe.
function makeLog(bytes: number): string {
  const tail = [
    "    State:          Waiting",
    "      Reason:       CrashLoopBackOff",
    "    Last State:     Terminated",
    "      Reason:       OOMKilled",
    "      Exit Code:    137",
    "  Warning  BackOff  2m (x40 over 19m)  kubelet  Back-off restarting failed container api in pod api-7d9f_shop",
  ].join("\n");
  const lines: string[] = [];
  let size = tail.length + 1;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-11-26T12:${String(i % 60).padStart(2, "0")}:05.${String(i % 1000).padStart(3, "0")}Z INFO http request method=GET path=/api/orders/${i} status=200 duration_ms=${(i * 7) % 97} trace_id=${(i * 2654435761).toString(16)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join("\n")}\n${tail}`.slice(-bytes);
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i] * 100) / 100;
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return {
    n: samples.length,
    p50_ms: percentile(sorted, 50),
    p95_ms: percentile(sorted, 95),
    max_ms: percentile(sorted, 100),
    mean_ms: Math.round(mean * 100) / 100,
  };
}

type Handler = (req: Request) => Promise<Response>;

async function call(handler: Handler, body: string): Promise<void> {
  const res = await handler(
    new Request("http://localhost/api/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
  );
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  await res.text();
}

async function latency(handler: Handler, body: string, runs: number) {
  for (let i = 0; i < 10; i++) await call(handler, body);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call(handler, body);
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

async function throughput(handler: Handler, body: string) {
  const deadline = performance.now() + THROUGHPUT_MS;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        await call(handler, body);
        done++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { concurrency: CONCURRENCY, requests: done, req_per_s: Math.round(done / seconds) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function startStandalone(): Promise<{ url: string; child: ChildProcess }> {
  const dist = path.resolve(root, process.env.PORTICO_NEXT_DIST_DIR ?? ".next");
  const server = path.join(dist, "standalone", "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npx next build\` first`);
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    PORTICO_LOG_LEVEL: "error",
    NODE_ENV: "production",
  };
  for (const k of ["GOOGLE_GENERATIVE_AI_API_KEY", "CHROMA_URL", "DATABASE_URL", "KUBECONFIG"]) delete env[k];
  const child = spawn(process.execPath, [server], { env: env as NodeJS.ProcessEnv, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`standalone server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health?probe=live`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGTERM");
  throw new Error("standalone server did not become live in 30 s");
}

async function overHttp(url: string, bodies: Record<string, string>) {
  const { default: autocannon } = await import("autocannon");
  const out: Record<string, unknown> = {};
  for (const [label, body] of Object.entries(bodies)) {
    const r = await autocannon({
      url: `${url}/api/diagnose`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections: CONCURRENCY,
      duration: 10,
    });
    out[label] = {
      connections: CONCURRENCY,
      req_per_s: Math.round(r.requests.average),
      p50_ms: r.latency.p50,
      p97_5_ms: r.latency.p97_5,
      p99_ms: r.latency.p99,
      non_2xx: r.non2xx,
      errors: r.errors,
    };
  }
  return out;
}

async function main() {
  process.env.PORTICO_LOG_LEVEL = "error";
  for (const k of ["GOOGLE_GENERATIVE_AI_API_KEY", "CHROMA_URL", "KUBECONFIG", "KUBERNETES_SERVICE_HOST"]) {
    delete process.env[k];
  }
  const { POST } = await import("@/app/api/diagnose/route");
  const handler = POST as Handler;
  const bodies = Object.fromEntries(
    SIZES.map((b) => [`${b / KIB}KiB`, JSON.stringify({ error_message: makeLog(b), namespace: "shop" })]),
  );

  const latencyBySize: Record<string, unknown> = {};
  for (const [label, body] of Object.entries(bodies)) {
    latencyBySize[label] = await latency(handler, body, label === "256KiB" ? 100 : 300);
  }
  const throughputBySize = {
    "1KiB": await throughput(handler, bodies["1KiB"]),
    "64KiB": await throughput(handler, bodies["64KiB"]),
  };

  const args = process.argv.slice(2);
  const urlArg = args.indexOf("--url");
  let http: Record<string, unknown> | undefined;
  if (urlArg >= 0 && args[urlArg + 1]) {
    http = { target: args[urlArg + 1], ...(await overHttp(args[urlArg + 1], bodies)) };
  } else if (args.includes("--standalone")) {
    const { url, child } = await startStandalone();
    try {
      http = { target: "standalone server.js (offline, no Chroma)", ...(await overHttp(url, bodies)) };
    } finally {
      child.kill("SIGTERM");
    }
  }

  const p50At64 = (latencyBySize["64KiB"] as { p50_ms: number }).p50_ms;
  console.log(
    JSON.stringify(
      {
        bench: "diagnose-api",
        engine: "offline",
        runbook_retrieval: "keyword (no vector store)",
        host: {
          cpus: os.cpus().length,
          loadavg_1m: Math.round(os.loadavg()[0] * 100) / 100,
          node: process.version,
        },
        in_process: { latency: latencyBySize, throughput: throughputBySize },
        ...(http ? { http } : {}),
        target: { p50_64KiB_ms: 10, met: p50At64 <= 10 },
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
