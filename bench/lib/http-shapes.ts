import http from "node:http";

/**
 * The catalog requests Backstage's UI and @backstage/catalog-client send (issue #14), timed
 * with one client (node:http) against any server with Backstage's /api/catalog: sequential,
 * each until its whole body has arrived. Shapes are interleaved round-robin, so in the seconds
 * after an import every shape samples the same window instead of the first one taking it all.
 */

export interface Shape {
  id: string;
  label: string;
  path(i: number): string;
}

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** The three slowest requests: ms, and when they started (ms after the first timed request). */
  slowest?: Array<{ ms: number; at: number }>;
  /** Failed requests (non-200), not in the percentiles. */
  errors: number;
  bytes: number;
}

const FULL_TEXT_FIELDS = "metadata.name,metadata.title,spec.profile.displayName,spec.target,spec.targets";

/** `componentNames`: existing components for by-name; `term`: what a user types in the table. */
export function catalogShapes(componentNames: string[], term: string): Shape[] {
  return [
    {
      id: "byQueryKind",
      label: "by-query?limit=20&filter=kind=component",
      path: () => "/api/catalog/entities/by-query?limit=20&filter=kind=component",
    },
    {
      id: "byQueryFullText",
      label: "by-query full-text, UI fields, orderField=metadata.name,asc",
      path: () =>
        `/api/catalog/entities/by-query?limit=20&filter=kind=component&fullTextFilterTerm=${encodeURIComponent(term)}` +
        `&fullTextFilterFields=${FULL_TEXT_FIELDS}&orderField=metadata.name,asc`,
    },
    {
      id: "facets",
      label: "entity-facets?facet=spec.type&facet=metadata.tags",
      path: () => "/api/catalog/entity-facets?facet=spec.type&facet=metadata.tags",
    },
    {
      id: "byName",
      label: "by-name/component/default/<name>",
      path: (i) =>
        `/api/catalog/entities/by-name/component/default/${encodeURIComponent(componentNames[i % componentNames.length])}`,
    },
  ];
}

const round = (x: number) => Math.round(x * 10) / 10;

function summarize(samples: number[], errors: number, bytes: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p: number) =>
    sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]) : NaN;
  return { p50: q(0.5), p95: q(0.95), max: q(1), errors, bytes };
}

/**
 * One GET with node:http, timed until the last byte. Not fetch: undici's web streams cap a
 * loopback download near 45 MB/s on this machine, below what both servers send (curl and
 * node:http read the same 140 MB answer at ~115 MB/s), so fetch would time the client.
 * A kept-alive socket the server closed while idle (e.g. during a long import) fails at once;
 * that request is sent again on a new socket, as fetch would, and timed from the retry.
 */
export function get(
  url: string,
  retried = false,
): Promise<{ ok: boolean; ms: number; bytes: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        bytes += chunk.length;
      });
      res.on("error", reject);
      res.on("end", () => {
        const ms = performance.now() - start;
        const body = Buffer.concat(chunks, bytes);
        if (res.statusCode !== 200)
          console.error(`[http-shapes] GET ${url} → ${res.statusCode}: ${body.toString("utf8", 0, 300)}`);
        resolve({ ok: res.statusCode === 200, ms, bytes, body });
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !retried && error.code === "ECONNRESET") resolve(get(url, true));
      else reject(error);
    });
  });
}

/** `warmup` untimed rounds, then `runs` timed rounds over every shape in turn. */
export async function timeShapes(
  base: string,
  shapes: Shape[],
  options: { warmup: number; runs: number },
): Promise<Record<string, Timing>> {
  for (let i = 0; i < options.warmup; i++) for (const s of shapes) await get(base + s.path(i));
  const samples = new Map(shapes.map((s) => [s.id, [] as number[]]));
  const starts = new Map(shapes.map((s) => [s.id, [] as number[]]));
  const errors = new Map(shapes.map((s) => [s.id, 0]));
  const bytes = new Map(shapes.map((s) => [s.id, 0]));
  const t0 = performance.now();
  for (let i = 0; i < options.runs; i++) {
    for (const s of shapes) {
      const at = performance.now() - t0;
      const r = await get(base + s.path(options.warmup + i));
      if (r.ok) {
        samples.get(s.id)?.push(r.ms);
        starts.get(s.id)?.push(at);
      } else errors.set(s.id, (errors.get(s.id) ?? 0) + 1);
      bytes.set(s.id, Math.max(bytes.get(s.id) ?? 0, r.bytes));
    }
  }
  const slowest = (id: string) => {
    const ms = samples.get(id) ?? [];
    const at = starts.get(id) ?? [];
    return ms
      .map((m, i) => ({ ms: round(m), at: Math.round(at[i]) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
  };
  return Object.fromEntries(
    shapes.map((s) => [
      s.id,
      {
        ...summarize(samples.get(s.id) ?? [], errors.get(s.id) ?? 0, bytes.get(s.id) ?? 0),
        slowest: slowest(s.id),
      },
    ]),
  );
}

export interface UnfilteredTiming extends Timing {
  /** Entities in the answer: fewer than the catalog holds means a truncated list. */
  items: number;
  mbPerSec: number;
}

/** `GET /entities` without limit or filter, as catalog-client's getEntities() sends it. */
export async function timeUnfiltered(
  base: string,
  options: { warmup: number; runs: number },
): Promise<UnfilteredTiming> {
  const url = `${base}/api/catalog/entities`;
  for (let i = 0; i < options.warmup; i++) await get(url);
  const samples: number[] = [];
  let errors = 0;
  let last: Buffer | undefined;
  for (let i = 0; i < options.runs; i++) {
    const r = await get(url);
    if (r.ok) {
      samples.push(r.ms);
      last = r.body;
    } else errors++;
  }
  const bytes = last?.length ?? 0;
  const items = last ? (JSON.parse(last.toString("utf8")) as unknown[]).length : 0;
  const t = summarize(samples, errors, bytes);
  return { ...t, items, mbPerSec: round(bytes / 1e6 / (t.p50 / 1000)) };
}
