import { describe, expect, it } from "vitest";
import { z } from "zod";
import { resetServerConfigForTests } from "@/lib/config/server-config";
import { DatabaseNotConfiguredError } from "@/lib/db/database-not-configured";
import { ApiError } from "./api-error";
import { parseJsonBody, parseQuery } from "./parse";
import { withRoute } from "./with-route";

const post = (
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) => new Request("http://localhost/api/x", { method: "POST", body, headers });

describe("withRoute", () => {
  it("serialises returned objects as JSON and sets a request id", async () => {
    const res = await withRoute("t", { public: true }, () => ({ ok: true }))(
      new Request("http://localhost/api/x"),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gives every answer the API's deny-all CSP, errors and immutable responses too", async () => {
    // The health probe bypasses proxy.ts, which sets this header for the other /api routes.
    const ok = await withRoute("t", { public: true }, () => ({ ok: true }))(new Request("http://l/"));
    const failed = await withRoute("t", { public: true }, () => {
      throw new ApiError(400, "invalid_request", "bad");
    })(new Request("http://l/"));
    const redirect = await withRoute("t", { public: true }, () => Response.redirect("http://l/x"))(
      new Request("http://l/"),
    );
    for (const res of [ok, failed, redirect]) {
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    // A route that sets its own policy keeps it.
    const own = await withRoute("t", { public: true }, () =>
      Response.json({}, { headers: { "Content-Security-Policy": "default-src 'self'" } }),
    )(new Request("http://l/"));
    expect(own.headers.get("content-security-policy")).toBe("default-src 'self'");
  });

  it("honours a safe incoming X-Request-Id and replaces an unsafe one", async () => {
    const h = withRoute("t", { public: true }, () => ({}));
    const ok = await h(new Request("http://l/", { headers: { "x-request-id": "abc-123" } }));
    expect(ok.headers.get("x-request-id")).toBe("abc-123");
    const bad = await h(new Request("http://l/", { headers: { "x-request-id": "a b<script>" } }));
    expect(bad.headers.get("x-request-id")).not.toBe("a b<script>");
  });

  it("maps ApiError to its status and JSON body", async () => {
    const res = await withRoute("t", { public: true }, () => {
      throw new ApiError(404, "not_found", "no such thing", { id: 1 });
    })(new Request("http://l/"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "no such thing", details: { id: 1 } },
    });
  });

  it("hides unexpected errors behind a 500 without internals", async () => {
    const res = await withRoute("t", { public: true }, () => {
      throw new Error("secret stack detail");
    })(new Request("http://l/"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret stack detail");
    expect(JSON.parse(text).error.code).toBe("internal_error");
  });

  it("maps the database-not-configured domain error to 503", async () => {
    const res = await withRoute("t", { public: true }, () => {
      throw new DatabaseNotConfiguredError();
    })(new Request("http://localhost/api/x"));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("service_unavailable");
  });

  it("passes awaited route params to the handler", async () => {
    const h = withRoute<{ id: string }>("t", { public: true }, ({ params }) => ({ id: params.id }));
    const res = await h(new Request("http://l/"), { params: Promise.resolve({ id: "42" }) });
    expect(await res.json()).toEqual({ id: "42" });
  });
});

describe("parseJsonBody", () => {
  const schema = z.object({ name: z.string().min(1), n: z.number().optional() });
  const parse = (req: Request, max = 1000) => parseJsonBody(req, schema, max);

  it("names the failing field", async () => {
    const err = await parse(post(JSON.stringify({ n: "x" }))).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(["n", "name"]);
  });

  it("rejects non-JSON with 400 and wrong content type with 415", async () => {
    expect((await parse(post("{nope")).catch((e) => e)).status).toBe(400);
    expect((await parse(post("{}", { "content-type": "text/plain" })).catch((e) => e)).status).toBe(415);
  });

  it("rejects an empty body with 400", async () => {
    expect((await parse(post("")).catch((e) => e)).status).toBe(400);
  });

  it("refuses bodies over the limit with 413 even without Content-Length", async () => {
    const big = JSON.stringify({ name: "x".repeat(5000) });
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const req = new Request("http://l/", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect((await parse(req).catch((e) => e)).status).toBe(413);
  });

  it("applies PORTICO_MAX_BODY_BYTES as the default and as a ceiling over route limits", async () => {
    const saved = process.env.PORTICO_MAX_BODY_BYTES;
    process.env.PORTICO_MAX_BODY_BYTES = "2048";
    resetServerConfigForTests();
    try {
      const body = () => post(JSON.stringify({ name: "x".repeat(3000) }));
      const schema = z.object({ name: z.string() });
      expect((await parseJsonBody(body(), schema).catch((e) => e)).status).toBe(413);
      expect((await parseJsonBody(body(), schema, 1024 * 1024).catch((e) => e)).status).toBe(413);
      expect(await parseJsonBody(post(JSON.stringify({ name: "ok" })), schema)).toEqual({ name: "ok" });
    } finally {
      if (saved === undefined) delete process.env.PORTICO_MAX_BODY_BYTES;
      else process.env.PORTICO_MAX_BODY_BYTES = saved;
      resetServerConfigForTests();
    }
  });

  it("returns typed data for a valid body", async () => {
    expect(await parse(post(JSON.stringify({ name: "a", n: 2 })))).toEqual({ name: "a", n: 2 });
  });
});

describe("parseQuery", () => {
  it("keeps repeated keys as arrays", () => {
    const q = parseQuery(
      "http://l/?tag=a&tag=b&kind=x",
      z.object({ tag: z.array(z.string()), kind: z.string() }),
    );
    expect(q).toEqual({ tag: ["a", "b"], kind: "x" });
  });
});
