/**
 * Scaffolder benchmark: `npx tsx bench/scaffolder.ts [--runs 30]`.
 * 1. Dry-run (POST v2/dry-run's code path: upload written to a temp dir, lint, every step, workspace
 *    read back) of a 25-file and a 500-file template: p50/p95 (targets: p50 ≤ 150 ms, ≤ 1.5 s).
 * 2. Sandbox cost per rendered file (nunjitsu, ~1.5 KB with 12 expressions and a loop).
 * 3. POST v2/tasks → first stored event, with the worker in this process (target ≤ 100 ms).
 * Uses TEST_DATABASE_URL's server when set (a throwaway database), otherwise embedded PGlite.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { dump } from "js-yaml";
import { POST as createTaskRoute } from "@/app/api/scaffolder/v2/tasks/route";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { getDb } from "@/lib/db/client";
import { createActionRegistry } from "@/lib/scaffolder/actions/registry";
import { dryRunWithContents } from "@/lib/scaffolder/dry-run";
import { renderString, toTemplateValue } from "@/lib/scaffolder/engine/renderer";
import { taskSignals } from "@/lib/scaffolder/tasks/task-store";
import { TaskWorker } from "@/lib/scaffolder/tasks/worker";
import type { DirectoryEntry } from "@/lib/scaffolder/workspace/directory-contents";
import { createTestDatabase } from "@/tests/support/test-database";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 30);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round = (n: number) => Math.round(n * 100) / 100;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    max: round(s[s.length - 1]),
  };
};

const FILE = `# \${{ values.name }}

\${{ values.description }}

| key | value |
| --- | --- |
| owner | \${{ values.owner }} |
| port | \${{ values.port }} |
| slug | \${{ values.repoSlug | upper }} |
{% for tag in values.tags %}| tag | \${{ tag }} |
{% endfor %}
{% if values.port > 1024 %}Unprivileged port \${{ values.port }}.{% endif %}
export const config = { name: \${{ values.name | dump }}, owner: \${{ values.owner | dump }}, port: \${{ values.port }} };
${"Plain text line that needs no rendering, as most of a skeleton file is.\n".repeat(16)}`;

function templateFiles(n: number): { template: Record<string, unknown>; contents: DirectoryEntry[] } {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  const contents: DirectoryEntry[] = [];
  for (let i = 0; i < n - 1; i++) {
    contents.push({
      path: `skeleton/src/dir-${i % 20}/\${{ values.name }}-${i}.md`,
      base64Content: b64(FILE),
    });
  }
  contents.push({
    path: "skeleton/catalog-info.yaml",
    base64Content: b64(
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${{ values.name | dump }}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: ${{ values.owner | dump }}\n",
    ),
  });
  const template = {
    apiVersion: "scaffolder.backstage.io/v1beta3",
    kind: "Template",
    metadata: { name: `bench-${n}` },
    spec: {
      type: "service",
      parameters: [
        {
          required: ["name"],
          properties: {
            name: { type: "string" },
            owner: { type: "string", default: "group:default/platform" },
          },
        },
        { properties: { repoUrl: { type: "string", default: "portico.local?owner=bench&repo=x" } } },
      ],
      steps: [
        {
          id: "fetch",
          action: "fetch:template",
          input: {
            url: "./skeleton",
            values: {
              name: "${{ parameters.name }}",
              description: "A service",
              owner: "${{ parameters.owner }}",
              port: 8080,
              tags: ["a", "b", "c"],
              repoSlug: "${{ parameters.repoUrl | projectSlug }}",
            },
          },
        },
        { id: "publish", action: "publish:git", input: { repoUrl: "${{ parameters.repoUrl }}" } },
        {
          id: "register",
          action: "catalog:register",
          input: { repoContentsUrl: "${{ steps.publish.output.repoContentsUrl }}" },
        },
      ],
    },
  };
  return { template, contents };
}

async function benchDryRun(files: number, runs: number) {
  const { template, contents } = templateFiles(files);
  const registry = createActionRegistry();
  const times: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const r = await dryRunWithContents({
      template,
      values: { name: `svc${i}` },
      directoryContents: contents,
      registry,
      services: { dataDir: tmpdir() },
    });
    const ms = performance.now() - t0;
    if (r.status !== "completed" || r.directoryContents.length !== files)
      throw new Error(`dry-run failed: ${r.error}`);
    if (i >= 2) times.push(ms);
  }
  return stats(times);
}

function benchSandbox() {
  const ctx = toTemplateValue({
    values: {
      name: "svc",
      description: "d",
      owner: "group:default/x",
      port: 8080,
      tags: ["a", "b", "c"],
      repoSlug: "o/r",
    },
  }) as Record<string, never>;
  for (let i = 0; i < 200; i++) renderString(FILE, ctx);
  const n = 3000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) renderString(FILE, ctx);
  const perFileUs = ((performance.now() - t0) / n) * 1000;
  const plain = "no expressions here\n".repeat(80);
  const t1 = performance.now();
  for (let i = 0; i < n; i++) renderString(plain, ctx);
  const plainUs = ((performance.now() - t1) / n) * 1000;
  return {
    file_bytes: FILE.length,
    expressions: 12,
    us_per_rendered_file: round(perFileUs),
    us_per_plain_file_fast_path: round(plainUs),
  };
}

async function benchFirstEvent(runs: number) {
  const store = await createTestDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), "bench-scaffolder-"));
  process.env.DATABASE_URL = store.url;
  process.env.PORTICO_DATA_DIR = dataDir;
  process.env.PORTICO_SCAFFOLDER_CONCURRENCY = "0";
  resetServerConfigForTests();
  const dir = path.join(dataDir, "catalog", "bench");
  const fs = await import("node:fs/promises");
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(
    path.join(dir, "template.yaml"),
    dump({
      apiVersion: "scaffolder.backstage.io/v1beta3",
      kind: "Template",
      metadata: { name: "bench-first-event" },
      spec: { type: "service", steps: [{ id: "log", action: "debug:log", input: { message: "hello" } }] },
    }),
  );
  await createLocation(
    catalogDeps(),
    { type: "file", target: path.join(dir, "template.yaml") },
    { dryRun: false },
  );
  const worker = new TaskWorker({
    db: getDb(),
    registry: createActionRegistry(),
    services: { dataDir },
    workerId: "bench",
    concurrency: 4,
    leaseMs: 30_000,
  });
  worker.start();
  const times: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    let first: Promise<void> | undefined;
    const res = await createTaskRoute(
      new Request("http://localhost/api/scaffolder/v2/tasks", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ templateRef: "template:default/bench-first-event" }),
      }),
    );
    const { id } = (await res.json()) as { id: string };
    first = new Promise<void>((resolve) => {
      const check = async () => {
        if ((await getDb().scaffolderTaskEvent.count({ where: { taskId: id } })) > 0) {
          taskSignals.off(`events:${id}`, check);
          resolve();
        }
      };
      taskSignals.on(`events:${id}`, check);
      void check();
    });
    await first;
    if (i >= 3) times.push(performance.now() - t0);
    // Let the task finish so runs do not overlap.
    for (;;) {
      const t = await getDb().scaffolderTask.findUnique({ where: { id }, select: { status: true } });
      if (t?.status === "completed" || t?.status === "failed") break;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  await worker.stop();
  await getDb().$disconnect();
  await store.stop();
  await rm(dataDir, { recursive: true, force: true });
  return { database: store.kind, ...stats(times) };
}

async function main() {
  const dry25 = await benchDryRun(25, RUNS);
  const dry500 = await benchDryRun(500, Math.max(5, Math.floor(RUNS / 3)));
  const sandbox = benchSandbox();
  const firstEvent = await benchFirstEvent(RUNS);
  console.log(
    JSON.stringify(
      {
        bench: "scaffolder",
        loadavg: os.loadavg().map(round),
        cpus: os.cpus().length,
        dry_run_25_files_ms: { ...dry25, target_p50: 150 },
        dry_run_500_files_ms: { ...dry500, target_p50: 1500 },
        sandbox_render: sandbox,
        post_task_to_first_event_ms: { ...firstEvent, target_p50: 100 },
      },
      null,
      2,
    ),
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
