import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as actionsRoute } from "@/app/api/scaffolder/v2/actions/route";
import { POST as dryRunRoute } from "@/app/api/scaffolder/v2/dry-run/route";
import { POST as cancelRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/cancel/route";
import { GET as eventsRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/events/route";
import { GET as eventStreamRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/eventstream/route";
import { POST as retryRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/retry/route";
import { GET as taskRoute } from "@/app/api/scaffolder/v2/tasks/[taskId]/route";
import { POST as createTaskRoute, GET as listTasksRoute } from "@/app/api/scaffolder/v2/tasks/route";
import { GET as parameterSchemaRoute } from "@/app/api/scaffolder/v2/templates/[namespace]/[kind]/[name]/parameter-schema/route";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { createLocation } from "@/lib/catalog/service/location-service";
import { stopScaffolderWorker } from "@/lib/scaffolder/service";
import { readDirectoryContents } from "@/lib/scaffolder/workspace/directory-contents";
import { type AppEnvironment, startAppEnvironment } from "../support/app-environment";
import { registerTemplate } from "../support/scaffolder/catalog-templates";

let env: AppEnvironment;

beforeAll(async () => {
  env = await startAppEnvironment("scaffolder-api", {
    PORTICO_SCAFFOLDER_CONCURRENCY: "2",
    PORTICO_SCAFFOLDER_LEASE_MS: "5000",
  });
  await createLocation(
    catalogDeps(),
    { type: "file", target: path.resolve("templates/catalog-info.yaml") },
    { dryRun: false },
  );
});
afterAll(async () => {
  await stopScaffolderWorker();
  await env.stop();
});

const json = (url: string, method: string, body?: unknown) =>
  new Request(`http://localhost${url}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const seg = <P>(params: P) => ({ params: Promise.resolve(params) });

async function readSse(
  res: Response,
): Promise<{ type: string; id: number; data: { body: Record<string, unknown> } }[]> {
  const text = await res.text();
  return text
    .split("\n\n")
    .filter((b) => b.includes("data:"))
    .map((block) => {
      const lines = Object.fromEntries(
        block.split("\n").map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 2)]),
      );
      return { type: lines.event, id: Number(lines.id), data: JSON.parse(lines.data) };
    });
}

describe("/api/scaffolder/v2", () => {
  it("GET actions lists every action with JSON Schemas", async () => {
    const res = await actionsRoute(json("/api/scaffolder/v2/actions", "GET"));
    const actions = (await res.json()) as {
      id: string;
      schema: { input: { properties?: object } };
      supportsDryRun: boolean;
    }[];
    const ids = actions.map((a) => a.id);
    for (const id of [
      "fetch:template",
      "fetch:template:file",
      "fetch:plain",
      "fetch:plain:file",
      "debug:log",
      "debug:wait",
      "fs:delete",
      "fs:rename",
      "catalog:write",
      "catalog:fetch",
      "catalog:register",
      "publish:github",
      "publish:github:pull-request",
      "publish:git",
    ]) {
      expect(ids).toContain(id);
    }
    expect(actions.find((a) => a.id === "fetch:template")?.schema.input.properties).toHaveProperty("url");
  });

  it("GET parameter-schema returns the pages", async () => {
    const res = await parameterSchemaRoute(
      json("/x", "GET"),
      seg({ namespace: "default", kind: "template", name: "typescript-service" }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      title: string;
      steps: { title: string; schema: { properties: object } }[];
    };
    expect(body.title).toBe("TypeScript HTTP service");
    expect(body.steps).toHaveLength(2);
    expect(body.steps[1].schema.properties).toHaveProperty("repoUrl");
    const missing = await parameterSchemaRoute(
      json("/x", "GET"),
      seg({ namespace: "default", kind: "template", name: "nope" }),
    );
    expect(missing.status).toBe(404);
  });

  it("POST tasks answers 400 naming every field, and for unregistered actions", async () => {
    const bad = await createTaskRoute(
      json("/api/scaffolder/v2/tasks", "POST", {
        templateRef: "template:default/typescript-service",
        values: { name: "X!" },
      }),
    );
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { field: string }[]; error: { code: string } };
    expect([...new Set(body.errors.map((e) => e.field))].sort()).toEqual([
      "values.name",
      "values.owner",
      "values.repoUrl",
    ]);
    expect(body.error.code).toBe("invalid_request");
    const ref = await registerTemplate(env.dataDir, "uses-missing", {
      steps: [{ action: "acme:ship", input: {} }],
    });
    const missing = await createTaskRoute(json("/api/scaffolder/v2/tasks", "POST", { templateRef: ref }));
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      "action acme:ship is not registered",
    );
    const shape = await createTaskRoute(json("/api/scaffolder/v2/tasks", "POST", { values: 3 }));
    expect(shape.status).toBe(400);
  });

  it("POST tasks → 201, eventstream to completion, resumable with after, GET task and list", async () => {
    const res = await createTaskRoute(
      json("/api/scaffolder/v2/tasks", "POST", {
        templateRef: "template:default/typescript-service",
        values: {
          name: "api-made",
          owner: "group:default/platform-team",
          repoUrl: "portico.local?owner=api&repo=api-made",
        },
        secrets: { unused: "xyz-secret" },
      }),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stream = await eventStreamRoute(
      json(`/api/scaffolder/v2/tasks/${id}/eventstream`, "GET"),
      seg({ taskId: id }),
    );
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    const events = await readSse(stream);
    expect(events.at(-1)?.type).toBe("completion");
    expect(events.at(-1)?.data.body.status).toBe("completed");
    const resumed = await readSse(
      await eventStreamRoute(
        json(`/api/scaffolder/v2/tasks/${id}/eventstream?after=${events[2].id}`, "GET"),
        seg({ taskId: id }),
      ),
    );
    expect(resumed[0].id).toBe(events[3].id);
    const polled = (await (
      await eventsRoute(json(`/x?after=${events[0].id}`, "GET"), seg({ taskId: id }))
    ).json()) as { id: number }[];
    expect(polled[0].id).toBe(events[1].id);
    const task = (await (await taskRoute(json("/x", "GET"), seg({ taskId: id }))).json()) as {
      status: string;
      output: { links: { entityRef?: string }[] };
    };
    expect(task.status).toBe("completed");
    expect(task.output.links[1].entityRef).toBe("component:default/api-made");
    expect(JSON.stringify(task)).not.toContain("xyz-secret");
    const list = (await (
      await listTasksRoute(json("/api/scaffolder/v2/tasks?limit=1&status=completed", "GET"))
    ).json()) as { tasks: unknown[]; totalTasks: number };
    expect(list.tasks).toHaveLength(1);
    expect(list.totalTasks).toBeGreaterThanOrEqual(1);
    const notFound = await taskRoute(
      json("/x", "GET"),
      seg({ taskId: "00000000-0000-0000-0000-000000000000" }),
    );
    expect(notFound.status).toBe(404);
    const badId = await taskRoute(json("/x", "GET"), seg({ taskId: "nope" }));
    expect(badId.status).toBe(400);
  });

  it("cancel and retry through the API", async () => {
    const ref = await registerTemplate(env.dataDir, "api-slow", {
      steps: [{ id: "w", action: "debug:wait", input: { seconds: 20 } }],
    });
    const { id } = (await (await createTaskRoute(json("/x", "POST", { templateRef: ref }))).json()) as {
      id: string;
    };
    const retryEarly = await retryRoute(json("/x", "POST"), seg({ taskId: id }));
    expect(retryEarly.status).toBe(409);
    const c = await cancelRoute(json("/x", "POST"), seg({ taskId: id }));
    expect(c.status).toBe(200);
    const events = await readSse(await eventStreamRoute(json("/x", "GET"), seg({ taskId: id })));
    expect(events.at(-1)?.type).toBe("cancelled");
    const r = await retryRoute(json("/x", "POST"), seg({ taskId: id }));
    expect(((await r.json()) as { status: string }).status).toBe("open");
    await cancelRoute(json("/x", "POST"), seg({ taskId: id }));
  });

  it("POST dry-run renders uploaded files, fakes publishers and reports lint", async () => {
    const dir = path.resolve("templates/typescript-service");
    const templateYaml = await readFile(path.join(dir, "template.yaml"), "utf8");
    const directoryContents = await readDirectoryContents(dir);
    const res = await dryRunRoute(
      json("/api/scaffolder/v2/dry-run", "POST", {
        template: load(templateYaml),
        values: { name: "dry", owner: "group:default/x", repoUrl: "github.com?owner=o&repo=dry" },
        directoryContents,
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      directoryContents: { path: string; base64Content: string }[];
      steps: { id: string; status: string }[];
      output: { links: { url: string }[] };
      lint: unknown[];
    };
    expect(body.status).toBe("completed");
    expect(body.steps.map((s) => s.status)).toEqual(["completed", "skipped", "completed", "completed"]);
    expect(body.output.links[0].url).toBe("https://github.com/o/dry");
    const idx = body.directoryContents.find((f) => f.path === "src/index.ts");
    expect(Buffer.from(idx?.base64Content ?? "", "base64").toString()).toContain("?? 8080");
    expect(body.lint).toEqual([]);

    const escaping = await dryRunRoute(
      json("/x", "POST", {
        template: load(templateYaml),
        values: {},
        directoryContents: [{ path: "../evil", base64Content: "" }],
      }),
    );
    expect(escaping.status).toBe(400);
    const invalid = await dryRunRoute(json("/x", "POST", { template: { kind: "Template" }, values: {} }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(
      "template.apiVersion",
    );
  });

  it("dry-run lint reports unknown actions, bad literal inputs, undefined variables and broken catalog-info", async () => {
    const template = {
      apiVersion: "scaffolder.backstage.io/v1beta3",
      kind: "Template",
      metadata: { name: "lint-me" },
      spec: {
        parameters: [{ properties: { name: { type: "string" } } }],
        steps: [
          {
            id: "f",
            action: "fetch:template",
            input: { url: "./sk", values: { name: "${{ parameters.nmae }}" } },
          },
          { id: "d", action: "fs:delete", input: { files: "not-a-list" } },
          { id: "x", action: "acme:unknown", input: {} },
          { id: "s", action: "debug:log", input: { message: "${{ parameters.name | }}" } },
        ],
      },
    };
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const res = await dryRunRoute(
      json("/x", "POST", {
        template,
        values: { name: "n" },
        directoryContents: [
          {
            path: "sk/catalog-info.yaml",
            base64Content: b64(
              "kind: Component\nmetadata:\n  name: ${{ values.name }}\n  x: [${{ values.undefinedThing }}\n",
            ),
          },
          { path: "sk/package.json", base64Content: b64('{"name": ${{ values.name | dump }}}') },
        ],
      }),
    );
    const body = (await res.json()) as {
      lint: { code: string; file: string; line?: number; message: string }[];
    };
    const codes = body.lint.map((l) => `${l.code}:${l.file}:${l.line ?? ""}`);
    expect(codes).toContain("unknown_action:template.yaml:");
    expect(codes).toContain("invalid_input:template.yaml:");
    expect(body.lint.find((l) => l.message.includes("parameters.nmae"))).toBeDefined();
    expect(codes).toContain("undefined_variable:sk/catalog-info.yaml:4");
    expect(
      body.lint.find((l) => l.code === "template_syntax" && l.message.includes("spec.steps.3.input.message")),
    ).toBeDefined();
    expect(
      body.lint.find((l) => l.code === "unparseable_output" && l.file === "catalog-info.yaml"),
    ).toBeDefined();
  });
});
