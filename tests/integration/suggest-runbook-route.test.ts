import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getRunbook } from "@/app/api/runbooks/[id]/route";
import { GET as listRunbooks } from "@/app/api/runbooks/route";
import { POST as suggest } from "@/app/api/suggest-runbook/route";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { MAX_ERROR_MESSAGE_BYTES } from "@/lib/diagnose/schema";
import {
  runbookDetailSchema,
  runbookListResponseSchema,
  suggestRunbookResponseSchema,
} from "@/lib/runbooks/api-schema";
import { getRunbookService, resetRunbookServiceForTests } from "@/lib/runbooks/service-instance";
import { startTempChroma, type TempChroma } from "@/tests/support/chroma";

const saved = { CHROMA_URL: process.env.CHROMA_URL, KEY: process.env.GOOGLE_GENERATIVE_AI_API_KEY };

function useChroma(url: string | undefined) {
  if (url) process.env.CHROMA_URL = url;
  else delete process.env.CHROMA_URL;
  resetServerConfigForTests();
  resetRunbookServiceForTests();
}

const post = (body: unknown) =>
  suggest(
    new Request("http://localhost/api/suggest-runbook", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

async function ok(res: Response) {
  expect(res.status).toBe(200);
  return suggestRunbookResponseSchema.parse(await res.json());
}

let chroma: TempChroma;

beforeAll(async () => {
  delete process.env.GOOGLE_GENERATIVE_AI_API_KEY;
  chroma = await startTempChroma();
  useChroma(chroma.url);
  await getRunbookService().reindex();
});

afterAll(async () => {
  if (saved.KEY !== undefined) process.env.GOOGLE_GENERATIVE_AI_API_KEY = saved.KEY;
  useChroma(saved.CHROMA_URL);
  await chroma?.dispose();
});

describe("POST /api/suggest-runbook", () => {
  it.each([
    ["pod keeps restarting with back-off", "crashloopbackoff"],
    ["terraform Error acquiring the state lock", "terraform-state-lock"],
    ["x509: certificate signed by unknown authority", "tls-certificate"],
    ["helm upgrade failed: another operation is in progress", "helm-release"],
  ])("query %j → %s first, through the vector store", async (query, id) => {
    const body = await ok(await post({ query }));
    expect(body.degraded).toEqual([]);
    expect(body.results[0]).toMatchObject({ id, url: `/runbooks/${id}` });
    expect(body.results[0].snippet.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(5);
  });

  it("classifies error_message with the log analyzer so the cause's runbook wins over the symptom's", async () => {
    const log = [
      "NAME        READY   STATUS             RESTARTS   AGE",
      "api-7d9f    0/1     CrashLoopBackOff   6          9m",
      "    Last State:     Terminated",
      "      Reason:       OOMKilled",
      "      Exit Code:    137",
    ].join("\n");
    const body = await ok(await post({ error_message: log, top_k: 3 }));
    expect(body.category).toBe("oomkilled");
    expect(body.results[0].id).toBe("oomkilled");
    expect(body.results).toHaveLength(3);
  });

  it("answers a JVM heap error in a crash-looping pod with the JVM runbook", async () => {
    const log = `Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
\tat com.example.Report.load(Report.java:88)
Back-off restarting failed container app in pod reports-0`;
    const body = await ok(await post({ error_message: log }));
    expect(body.category).toBe("jvm_oom");
    expect(body.results[0].id).toBe("jvm-oom");
  });

  it("respects top_k and combines query with error_message", async () => {
    const body = await ok(
      await post({
        query: "why can't my pod resolve the database host",
        error_message: "dial tcp: lookup db on 10.96.0.10:53: no such host",
        top_k: 1,
      }),
    );
    expect(body.results).toHaveLength(1);
    expect(body.results[0].id).toBe("dns-resolution");
    expect(body.category).toBe("dns_resolution");
  });

  it("400 naming query and error_message when neither is given", async () => {
    for (const input of [{}, { query: "" }, { query: "  ", error_message: "" }, { top_k: 3 }]) {
      const res = await post(input);
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as {
        error: { message: string; details: { fields: { field: string }[] } };
      };
      expect(error.details.fields.map((f) => f.field).sort()).toEqual(["error_message", "query"]);
    }
  });

  it("400 for top_k outside 1..20 or not an integer, wrong types and non-JSON; 413 for a huge log", async () => {
    for (const top_k of [0, 21, 2.5, "5"]) {
      const res = await post({ query: "oom", top_k });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain("top_k");
    }
    expect((await post({ query: 12 })).status).toBe(400);
    expect((await post("not json")).status).toBe(400);
    expect((await post({ error_message: "x".repeat(MAX_ERROR_MESSAGE_BYTES + 1) })).status).toBe(413);
  });

  it("falls back to keywords with degraded vector_store when Chroma is stopped", async () => {
    const down = await startTempChroma();
    await down.dispose();
    useChroma(down.url);
    try {
      const started = performance.now();
      const body = await ok(await post({ query: "Error acquiring the state lock" }));
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(body.degraded).toEqual(["vector_store"]);
      expect(body.results[0].id).toBe("terraform-state-lock");
    } finally {
      useChroma(chroma.url);
    }
  });
});

describe("GET /api/runbooks", () => {
  const get = (query = "") => listRunbooks(new Request(`http://localhost/api/runbooks${query}`));

  it("lists every runbook with categories, tags and a summary", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    const body = runbookListResponseSchema.parse(await res.json());
    expect(body.query).toBeNull();
    expect(body.total).toBe((await getRunbookService().list()).length);
    const oom = body.items.find((r) => r.id === "oomkilled");
    expect(oom).toMatchObject({ url: "/runbooks/oomkilled", categories: ["oomkilled"] });
    expect(oom?.summary).toMatch(/OOM killer/);
    expect(oom?.snippet).toBeUndefined();
  });

  it("searches with ?q= and returns scored items with snippets", async () => {
    const body = runbookListResponseSchema.parse(
      await (await get("?q=ImagePullBackOff%20manifest%20unknown&limit=3")).json(),
    );
    expect(body.query).toBe("ImagePullBackOff manifest unknown");
    expect(body.items.length).toBeLessThanOrEqual(3);
    expect(body.items[0]).toMatchObject({ id: "imagepullbackoff" });
    expect(body.items[0].score).toBeGreaterThan(0);
    expect(body.items[0].snippet).toBeTruthy();
  });

  it("400 for a bad limit", async () => {
    expect((await get("?q=x&limit=0")).status).toBe(400);
  });
});

describe("GET /api/runbooks/:id", () => {
  const get = (id: string) =>
    getRunbook(new Request(`http://localhost/api/runbooks/${encodeURIComponent(id)}`), {
      params: Promise.resolve({ id }),
    });

  it("returns markdown and front matter", async () => {
    const res = await get("oomkilled");
    expect(res.status).toBe(200);
    const body = runbookDetailSchema.parse(await res.json());
    expect(body.front_matter).toMatchObject({ id: "oomkilled", categories: ["oomkilled"] });
    expect(body.markdown).toContain("## Symptoms");
    expect(body.markdown).not.toMatch(/^---/);
  });

  it("404 for unknown or malformed ids", async () => {
    for (const id of ["no-such-runbook", "../etc/passwd", "UPPER"]) {
      const res = await get(id);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});
