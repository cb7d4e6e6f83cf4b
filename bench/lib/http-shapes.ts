/**
 * The catalog requests Backstage's UI and @backstage/catalog-client send (issue #14), timed
 * with one client (Node's fetch) against any server with Backstage's /api/catalog: sequential,
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

async function get(url: string): Promise<{ ok: boolean; ms: number; bytes: number; body?: Buffer }> {
  const start = performance.now();
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - start;
  if (res.status !== 200)
    console.error(`[http-shapes] GET ${url} → ${res.status}: ${body.toString("utf8", 0, 300)}`);
  return { ok: res.status === 200, ms, bytes: body.length, body };
}

/** `warmup` untimed rounds, then `runs` timed rounds over every shape in turn. */
export async function timeShapes(
  base: string,
  shapes: Shape[],
  options: { warmup: number; runs: number },
): Promise<Record<string, Timing>> {
  for (let i = 0; i < options.warmup; i++) for (const s of shapes) await get(base + s.path(i));
  const samples = new Map(shapes.map((s) => [s.id, [] as number[]]));
  const errors = new Map(shapes.map((s) => [s.id, 0]));
  const bytes = new Map(shapes.map((s) => [s.id, 0]));
  for (let i = 0; i < options.runs; i++) {
    for (const s of shapes) {
      const r = await get(base + s.path(options.warmup + i));
      if (r.ok) samples.get(s.id)?.push(r.ms);
      else errors.set(s.id, (errors.get(s.id) ?? 0) + 1);
      bytes.set(s.id, Math.max(bytes.get(s.id) ?? 0, r.bytes));
    }
  }
  return Object.fromEntries(
    shapes.map((s) => [
      s.id,
      summarize(samples.get(s.id) ?? [], errors.get(s.id) ?? 0, bytes.get(s.id) ?? 0),
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
