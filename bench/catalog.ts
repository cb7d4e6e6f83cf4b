/**
 * Catalog benchmark: `npx tsx bench/catalog.ts [--sizes 1000,10000,100000]`.
 * Generates a realistic org as YAML files, imports it through ingestFromDirectory (the same
 * code path as a location refresh), then times the read paths. Uses TEST_DATABASE_URL's
 * server when set (a throwaway database), otherwise embedded PGlite. Prints JSON.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import type { CatalogDb, SqlExecutor } from "@/lib/catalog/db/sql-client";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { enableListIndex, warmListIndex } from "@/lib/catalog/list-index/index-cache";
import { getEntityFacets } from "@/lib/catalog/queries/entity-facets";
import { parseFilterParams } from "@/lib/catalog/queries/filter";
import { getEntityByName } from "@/lib/catalog/queries/get-entity";
import { getEntityPage } from "@/lib/catalog/queries/get-entity-page";
import { listEntities } from "@/lib/catalog/queries/list-entities";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { createDb } from "@/lib/db/client";
import { startCatalogTestDb } from "@/tests/fixtures/catalog/test-db";

const WORDS = [
  "payments",
  "orders",
  "search",
  "billing",
  "identity",
  "shipping",
  "catalog",
  "pricing",
  "ledger",
  "risk",
  "inventory",
  "notify",
  "routing",
  "reports",
  "gateway",
  "profile",
  "metrics",
  "fraud",
  "checkout",
  "tracking",
];
const TAGS = [
  "java",
  "go",
  "python",
  "typescript",
  "kotlin",
  "rust",
  "grpc",
  "rest",
  "kafka",
  "postgres",
  "redis",
  "pci",
  "gdpr",
  "tier-1",
  "tier-2",
  "tier-3",
  "internal",
  "public",
  "batch",
  "streaming",
];
const LIFECYCLES = ["production", "experimental", "deprecated"];
const TYPES = ["service", "website", "library", "worker"];

// Deterministic PRNG so runs are comparable.
let seed = 42;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
const entity = (
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: "backstage.io/v1alpha1",
  kind,
  metadata: { name, ...extra },
  spec,
});

export function generate(n: number): unknown[] {
  const groups = Array.from({ length: Math.max(2, Math.floor(n / 50)) }, (_, i) => `team-${i}`);
  const systems = Array.from({ length: Math.max(1, Math.floor(n / 100)) }, (_, i) => `system-${i}`);
  const apis = Array.from({ length: Math.floor(n * 0.15) }, (_, i) => `${pick(WORDS)}-api-${i}`);
  const resources = Array.from({ length: Math.floor(n * 0.1) }, (_, i) => `${pick(WORDS)}-db-${i}`);
  const users = Math.floor(n * 0.1);
  const out: unknown[] = [entity("Domain", "core", { owner: groups[0] })];
  groups.forEach((g, i) => {
    out.push(entity("Group", g, { type: "team", children: [], ...(i ? { parent: groups[0] } : {}) }));
  });
  for (let i = 0; i < users; i++) out.push(entity("User", `user-${i}`, { memberOf: [pick(groups)] }));
  for (const s of systems) out.push(entity("System", s, { owner: pick(groups), domain: "core" }));
  for (const a of apis)
    out.push(
      entity("API", a, {
        type: "openapi",
        lifecycle: pick(LIFECYCLES),
        owner: pick(groups),
        system: pick(systems),
        definition: "openapi: 3.0.0",
      }),
    );
  for (const r of resources)
    out.push(entity("Resource", r, { type: "database", owner: pick(groups), system: pick(systems) }));
  const components = n - out.length;
  const names: string[] = [];
  for (let i = 0; i < components; i++) {
    const name = `${pick(WORDS)}-${pick(WORDS)}-${i}`;
    names.push(name);
    out.push(
      entity(
        "Component",
        name,
        {
          type: pick(TYPES),
          lifecycle: pick(LIFECYCLES),
          owner: pick(groups),
          system: pick(systems),
          providesApis: apis.length ? [pick(apis)] : [],
          consumesApis: apis.length ? [pick(apis), pick(apis)] : [],
          dependsOn: [
            `resource:${pick(resources)}`,
            ...(i > 0 ? [`component:${names[Math.floor(rnd() * i)]}`] : []),
          ],
        },
        {
          title: `${name.split("-").slice(0, 2).join(" ")} service`,
          description: `Handles ${pick(WORDS)} for ${pick(WORDS)}.`,
          tags: [pick(TAGS), pick(TAGS)].filter((t, j, a) => a.indexOf(t) === j),
        },
      ),
    );
  }
  return out;
}

export async function writeTree(dir: string, entities: unknown[]): Promise<void> {
  const perFile = 200;
  const files: string[] = [];
  for (let i = 0; i < entities.length; i += perFile) {
    const file = `part-${i / perFile}.yaml`;
    files.push(`./${file}`);
    await writeFile(
      path.join(dir, file),
      entities
        .slice(i, i + perFile)
        .map((e) => stringify(e))
        .join("---\n"),
    );
  }
  await writeFile(
    path.join(dir, "catalog-info.yaml"),
    stringify(entity("Location", "bench", { targets: files })),
  );
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  await fn(0);
  const samples: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] * 10) / 10;
  return { p50: q(0.5), p95: q(0.95) };
}

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const filteredInput = (i: number) => ({
  kind: "component",
  type: TYPES[i % TYPES.length],
  lifecycle: i % 2 ? "production" : undefined,
  page: 1 + (i % 3),
});

/** Read-path timings on an imported catalog (the refresh has already run VACUUM/ANALYZE). */
export async function benchQueries(db: CatalogDb, runs = 40) {
  const loadBefore = load();
  // The SQL path answers while the in-process index is (re)built after a change: time both.
  const sqlOnly = {
    $queryRawUnsafe: db.$queryRawUnsafe.bind(db),
    $executeRawUnsafe: db.$executeRawUnsafe.bind(db),
  } as SqlExecutor;
  const sqlFallback = {
    listFiltered: await time(runs, (i) => listEntities(sqlOnly, filteredInput(i))),
    listSearch: await time(runs, (i) => listEntities(sqlOnly, { q: WORDS[i % WORDS.length] })),
  };
  enableListIndex(db);
  const buildStart = performance.now();
  if (!(await warmListIndex(db))) throw new Error("list index did not build");
  const listIndexBuildMs = Math.round(performance.now() - buildStart);
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
  const results = {
    listFiltered: await time(runs, (i) => listEntities(db, filteredInput(i))),
    listUnfiltered: await time(runs, (i) => listEntities(db, { page: 1 + (i % 3) })),
    listByOwnerAndTag: await time(runs, (i) =>
      listEntities(db, { owner: `team-${i % 20}`, tags: [TAGS[i % TAGS.length]] }),
    ),
    fullTextSearch: await time(runs, (i) =>
      queryEntities(db, { fullTextFilter: { term: WORDS[i % WORDS.length].slice(0, 4) }, limit: 20 }),
    ),
    listSearch: await time(runs, (i) => listEntities(db, { q: WORDS[i % WORDS.length] })),
    facets: await time(runs, (i) =>
      getEntityFacets(db, {
        facets: ["kind", "spec.type", "metadata.tags"],
        filter: i % 2 ? parseFilterParams("kind=component") : [],
      }),
    ),
    byName: await time(runs, (i) => getEntityByName(db, { kind: "Group", name: `team-${i % 2}` })),
    entityPage: await time(runs, (i) =>
      getEntityPage(db, i % 2 ? `group:default/team-${i % 20}` : `system:default/system-${i % 20}`),
    ),
  };
  return {
    loadAverageBefore: loadBefore,
    loadAverageAfter: load(),
    listIndex: { buildMs: listIndexBuildMs, heapUsedMbAfterBuild: heapMb },
    ...results,
    sqlFallback,
  };
}

async function benchSize(n: number, importOnly: boolean) {
  const t = await startCatalogTestDb();
  const dir = await mkdtemp(path.join(os.tmpdir(), "catalog-bench-"));
  try {
    const entities = generate(n);
    await writeTree(dir, entities);
    const start = performance.now();
    const { result } = await ingestFromDirectory(t.db, dir, { maxBytes: 8 * 1024 * 1024 });
    const importMs = performance.now() - start;
    if (!result.ok) throw new Error(`import failed: ${result.error.message}`);
    return {
      size: n,
      importEntitiesPerSec: Math.round((entities.length / importMs) * 1000),
      importMs: Math.round(importMs),
      loadAverage: load(),
      ...(importOnly ? {} : await benchQueries(t.db)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await t.stop();
  }
}

async function main() {
  const existing = process.argv.indexOf("--existing");
  if (existing > 0) {
    // Re-time the read paths on an already imported database (e.g. one left by a previous run).
    const db = createDb(process.argv[existing + 1], { max: 4 });
    console.log(JSON.stringify({ bench: "catalog", existing: true, ...(await benchQueries(db)) }, null, 2));
    await db.$disconnect();
    return;
  }
  const arg = process.argv.indexOf("--sizes");
  const sizes = (arg > 0 ? process.argv[arg + 1] : "1000,10000").split(",").map(Number);
  const results = [];
  // --import-only skips the read-path timings (for import throughput work).
  const importOnly = process.argv.includes("--import-only");
  for (const n of sizes) results.push(await benchSize(n, importOnly));
  console.log(
    JSON.stringify(
      {
        bench: "catalog",
        database: process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
        targets: { p95Ms: 50, importEntitiesPerSec: 2000 },
        cpus: os.cpus().length,
        results,
      },
      null,
      2,
    ),
  );
}

// Importable (generate/writeTree) without running: only the CLI entry runs main().
if (/bench[\\/]catalog\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
