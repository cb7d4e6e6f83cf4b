import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as registerRoute } from "@/app/api/catalog/register/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { getDb } from "@/lib/db/client";
import { resetMetricsForTests } from "@/lib/metrics/registry";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";

/**
 * GET /api/metrics as Prometheus scrapes it: the text carries the database-backed gauges
 * (catalog entities, scaffolder tasks by state) read at scrape time and the counters the
 * request just recorded, plus every metric family issue #13 asks for.
 */
let app: AppEnvironment;

beforeAll(async () => {
  app = await startAppEnvironment("metrics", { PORTICO_METRICS_TOKEN: undefined });
  resetMetricsForTests();
});
afterAll(async () => {
  await app?.stop();
});

const scrape = async () => {
  const res = await metricsRoute(new Request("http://localhost/api/metrics"));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
};

describe("GET /api/metrics", () => {
  it("reports catalog entities, refreshes, scaffolder tasks by state and the other families", async () => {
    const yaml =
      "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: metered\nspec:\n  type: service\n  lifecycle: production\n  owner: team-m\n";
    const registered = await registerRoute(
      new Request("http://localhost/api/catalog/register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ yaml }),
      }),
    );
    expect(registered.status).toBe(201);
    for (const status of ["open", "open", "failed"]) {
      await getDb().$executeRawUnsafe(
        `INSERT INTO scaffolder_tasks (id, template_ref, spec, "values", status, created_by)
         VALUES (gen_random_uuid(), 'template:default/x', '{}', '{}', $1, 'user:default/m')`,
        status,
      );
    }

    const text = await scrape();
    expect(text).toMatch(/^portico_catalog_entities\{kind="component"\} 1$/m);
    expect(text).toMatch(/^portico_catalog_refresh_duration_seconds_count\{result="ok"\} 1$/m);
    expect(text).toMatch(/^portico_scaffolder_tasks\{state="open"\} 2$/m);
    expect(text).toMatch(/^portico_scaffolder_tasks\{state="failed"\} 1$/m);
    expect(text).toMatch(/^portico_scaffolder_tasks\{state="processing"\} 0$/m);
    expect(text).toMatch(
      /^portico_http_requests_total\{route="catalog.register",method="POST",status="201"\} 1$/m,
    );
    for (const family of [
      "portico_catalog_refresh_failures_total",
      "portico_catalog_scheduler_leader",
      "portico_diagnose_duration_seconds",
      "portico_llm_request_duration_seconds",
      "portico_llm_tokens_total",
      "portico_chat_streams_open",
      "portico_kubernetes_api_errors_total",
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    expect(text).toMatch(/^portico_metrics_source_up\{source="portico_scaffolder_tasks"\} 1$/m);
  });
});
