/**
 * The side-by-side table of bench/catalog-vs-backstage.ts: one row per request shape, p50/p95 in
 * ms per system, and for each Portico column the ratio Backstage p95 / Portico p95 (> 1 means
 * Portico is faster; ingest and MB/s ratios likewise read "times better than Backstage").
 */

import type { Timing, UnfilteredTiming } from "./http-shapes";
import type { IndexBuilt } from "./portico-server";

export interface SystemResult {
  system: string;
  label: string;
  entities: number;
  ingestMs: number;
  readyMs: number;
  rssMb?: number;
  listIndex?: IndexBuilt;
  loadBefore: number[];
  loadAfter: number[];
  steady: Record<string, Timing>;
  unfiltered: UnfilteredTiming;
  afterImport: { refreshMs: number; shapes: Record<string, Timing> };
}

const SHAPE_LABELS: Record<string, string> = {
  byQueryKind: "`by-query?limit=20&filter=kind=component`",
  byQueryFullText: "`by-query` full-text (UI fields, orderField=metadata.name,asc)",
  facets: "`entity-facets?facet=spec.type&facet=metadata.tags`",
  byName: "`by-name/component/default/<name>`",
};

const fmt = (x: number) => (Number.isNaN(x) ? "–" : x >= 100 ? String(Math.round(x)) : x.toFixed(1));
const ratio = (reference: number | undefined, x: number) =>
  reference === undefined || !x || Number.isNaN(x) || Number.isNaN(reference)
    ? ""
    : `${(reference / x).toFixed(2)}×`;
const pair = (t: Timing) => `${fmt(t.p50)} / ${fmt(t.p95)}${t.errors ? ` (${t.errors} err)` : ""}`;

export function renderTable(results: SystemResult[]): string {
  const reference = results.find((r) => r.system === "backstage");
  const others = results.filter((r) => r !== reference);
  const columns = [
    ...(reference ? [`${reference.label} p50 / p95`] : []),
    ...others.flatMap((r) => [`${r.label} p50 / p95`, ...(reference ? ["ratio"] : [])]),
  ];
  const rows: string[][] = [];
  const row = (
    label: string,
    cell: (r: SystemResult) => string,
    num: (r: SystemResult) => number,
    inverse = false,
  ) => {
    const cells = reference ? [cell(reference)] : [];
    for (const r of others) {
      cells.push(cell(r));
      if (reference) cells.push(inverse ? ratio(num(r), num(reference)) : ratio(num(reference), num(r)));
    }
    rows.push([label, ...cells]);
  };
  row(
    "entities",
    (r) => String(r.entities),
    () => NaN,
  );
  row(
    "ingest through a URL location (s)",
    (r) => (r.ingestMs / 1000).toFixed(1),
    (r) => r.ingestMs / r.entities,
  );
  for (const [id, label] of Object.entries(SHAPE_LABELS)) {
    row(
      label,
      (r) => pair(r.steady[id]),
      (r) => r.steady[id].p95,
    );
  }
  row(
    "`GET /entities` unfiltered (ms)",
    (r) => `${pair(r.unfiltered)}`,
    (r) => r.unfiltered.p95,
  );
  row(
    "  … size, items, MB/s at p50",
    (r) =>
      `${(r.unfiltered.bytes / 1e6).toFixed(1)} MB, ${r.unfiltered.items}, ${fmt(r.unfiltered.mbPerSec)}`,
    (r) => r.unfiltered.mbPerSec,
    true,
  );
  row(
    "refresh call after changing every entity (ms)",
    (r) => String(r.afterImport.refreshMs),
    () => NaN,
  );
  for (const [id, label] of Object.entries(SHAPE_LABELS)) {
    row(
      `right after the import: ${label} (max)`,
      (r) => `${pair(r.afterImport.shapes[id])} (${fmt(r.afterImport.shapes[id].max)})`,
      (r) => r.afterImport.shapes[id].p95,
    );
  }
  row(
    "server RSS at the end (MB)",
    (r) => String(r.rssMb ?? "?"),
    () => NaN,
  );
  row(
    "load average before → after",
    (r) => `${r.loadBefore[0]} → ${r.loadAfter[0]}`,
    () => NaN,
  );
  const header = ["request", ...columns];
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return [
    "p50 / p95 in ms, sequential requests with one client; ratio = Backstage ÷ Portico (> 1: Portico faster).",
    ...lines,
  ].join("\n");
}
