/**
 * The request shapes of issue #14 (what Backstage's UI and catalog-client send), the unpaged
 * list's throughput, the latency in the seconds after a catalog write, and the per-request
 * cost of the app's HTTP layer against a bare Node server. Used by bench/catalog-http.ts.
 */

import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { createDb } from "@/lib/db/client";
import { get } from "./http-shapes";

type Timer = (
  base: string,
  urlFor: (i: number) => string,
  html: boolean,
) => Promise<{ p95: number; example: string }>;

/** The catalog table's full-text field set, exactly as its search box sends it. */
const UI_FIELDS = "metadata.name,metadata.title,spec.profile.displayName,spec.target,spec.targets";

export async function issueShapes(base: string, time: Timer, components: string[]) {
  return {
    byQueryKind: await time(
      base,
      () => "/api/catalog/entities/by-query?limit=20&filter=kind=component",
      false,
    ),
    byQueryFullTextUiFields: await time(
      base,
      (i) =>
        `/api/catalog/entities/by-query?limit=20&filter=kind=component&fullTextFilterTerm=${["paym", "ord", "risk"][i % 3]}` +
        `&fullTextFilterFields=${UI_FIELDS}&orderField=metadata.name,asc`,
      false,
    ),
    facetsUi: await time(base, () => "/api/catalog/entity-facets?facet=spec.type&facet=metadata.tags", false),
    byNameComponent: await time(
      base,
      (i) =>
        `/api/catalog/entities/by-name/component/default/${encodeURIComponent(components[i % components.length])}`,
      false,
    ),
  };
}

/** `GET /entities` without limit, read to the end: ms, bytes, MB/s (a few runs: each is the whole catalog). */
export async function unpagedList(base: string, runs = 3) {
  const samples: Array<{ ms: number; bytes: number; status: number; items: number }> = [];
  for (let i = 0; i < runs + 1; i++) {
    // node:http, not fetch, which caps a loopback download below what the server sends (http-shapes.ts).
    const res = await get(`${base}/api/catalog/entities`);
    if (i === 0) continue; // warm-up
    const items = res.ok ? (JSON.parse(res.body.toString("utf8")) as unknown[]).length : 0;
    samples.push({ ms: Math.round(res.ms), bytes: res.bytes, status: res.ok ? 200 : 0, items });
  }
  const best = samples.reduce((a, b) => (a.ms <= b.ms ? a : b));
  return {
    ...best,
    mbPerSec: Math.round(best.bytes / 1e6 / (best.ms / 1000)),
    runsMs: samples.map((s) => s.ms),
  };
}

/**
 * One committed write (an entity's title changes, as an import does to many), then the same
 * by-query request back to back for `seconds`: the worst latency and p95 in that window show
 * whether reads fall back to SQL while the index catches up.
 */
export async function afterWrite(base: string, databaseUrl: string, seconds = 3) {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    await db.$executeRawUnsafe(
      "UPDATE catalog_entities SET title = coalesce(title, '') || '.' WHERE id = (SELECT id FROM catalog_entities WHERE kind = 'component' ORDER BY ref LIMIT 1)",
    );
  } finally {
    await db.$disconnect();
  }
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const start = performance.now();
    const res = await fetch(`${base}/api/catalog/entities/by-query?limit=20&filter=kind=component`);
    await res.text();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 10) / 10;
  return { requests: samples.length, p50: q(0.5), p95: q(0.95), max: q(1) };
}

/** User + system CPU of a process so far, in ms (/proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * req/s and latency, plus the server's CPU ms per request when its pid is known: on a shared
 * machine req/s follows the load of the moment, CPU per request much less so.
 */
async function cannon(url: string, connections: number, seconds: number, pid?: number) {
  const before = pid ? cpuMs(pid) : 0;
  const r = await autocannon({ url, connections, duration: seconds });
  const cpuMsPerRequest = pid
    ? Math.round(((cpuMs(pid) - before) / r.requests.total) * 100) / 100
    : undefined;
  return {
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    cpuMsPerRequest,
  };
}

/** A bare `node:http` server answering the liveness JSON, in its own process like the app. */
async function bareServer(): Promise<{ url: string; pid?: number; stop(): void }> {
  const code = `require("node:http").createServer((q, s) => { s.writeHead(200, { "content-type": "application/json" }); s.end('{"status":"ok"}'); }).listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once("data", (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid, stop: () => child.kill("SIGTERM") };
}

/**
 * `GET /api/health?probe=live` at 50 connections against a bare server, same run, same client;
 * and a by-name read (the whole stack: proxy.ts, withRoute, access check, one SQL query).
 */
export async function httpOverhead(base: string, pid?: number, byNamePath?: string, seconds = 5) {
  const bare = await bareServer();
  try {
    const bareResult = await cannon(bare.url, 50, seconds, bare.pid);
    const app = await cannon(`${base}/api/health?probe=live`, 50, seconds, pid);
    const byName = byNamePath ? await cannon(`${base}${byNamePath}`, 50, seconds, pid) : undefined;
    const ratio = (r: { reqPerSec: number }) => Math.round((bareResult.reqPerSec / r.reqPerSec) * 10) / 10;
    return {
      connections: 50,
      seconds,
      bare: bareResult,
      app,
      ratio: ratio(app),
      byName: byName && { ...byName, ratio: ratio(byName) },
    };
  } finally {
    bare.stop();
  }
}
