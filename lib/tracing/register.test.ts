import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerConfig } from "@/lib/config/server-config";
import { withRoute } from "@/lib/http/with-route";
import type { RegisteredTracing } from "./register";
import { startTracingIfConfigured } from "./start";

/** A loopback stand-in for an OTel collector's OTLP/HTTP receiver. */
interface Export {
  path: string;
  contentType: string | undefined;
  body: Buffer;
}

let server: Server;
let endpoint: string;
const exports: Export[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method === "POST")
        exports.push({
          path: req.url ?? "",
          contentType: req.headers["content-type"],
          body: Buffer.concat(chunks),
        });
      res.writeHead(200, { "content-type": "application/x-protobuf" }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

let tracing: RegisteredTracing | undefined;

afterAll(async () => {
  await tracing?.shutdown();
  trace.disable();
  await new Promise((resolve) => server.close(resolve));
});

// In file order: the "unset" case must run before anything registers a global provider.
describe("tracing", () => {
  it("registers nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset", async () => {
    const config = parseServerConfig({});
    expect(config.tracing).toBeUndefined();
    expect(await startTracingIfConfigured(config.tracing)).toBeUndefined();
    const span = trace.getTracer("t").startSpan("nothing");
    expect(span.isRecording()).toBe(false);
    span.end();
    const res = await withRoute("route.untraced", { public: true }, () => ({ ok: true }))(
      new Request("http://localhost/api/x"),
    );
    expect(res.status).toBe(200);
  });

  it("exports withRoute's span to the OTLP endpoint under the service name", async () => {
    const config = parseServerConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(config.tracing).toMatchObject({ endpoint, protocol: "http/protobuf", serviceName: "portico" });
    tracing = await startTracingIfConfigured(config.tracing);
    expect(tracing).toBeDefined();

    const res = await withRoute("catalog.test-span-route", { public: true }, () => ({ ok: true }))(
      new Request("http://localhost/api/x"),
    );
    expect(res.status).toBe(200);
    await tracing?.flush();

    const traces = exports.filter((e) => e.path === "/v1/traces");
    expect(traces.length).toBeGreaterThan(0);
    expect(traces[0].contentType).toBe("application/x-protobuf");
    // Protobuf carries strings as raw UTF-8, so the span and service names are findable bytes.
    const body = Buffer.concat(traces.map((e) => e.body));
    expect(body.includes("catalog.test-span-route")).toBe(true);
    expect(body.includes("portico")).toBe(true);
    expect(body.includes("route.untraced")).toBe(false);
  });
});

describe("tracing config", () => {
  it("validates the endpoint, protocol and headers, and honours OTEL_SERVICE_NAME", () => {
    expect(() => parseServerConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT: must be an http/,
    );
    expect(() =>
      parseServerConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318",
        OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
    expect(() =>
      parseServerConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://c:4318",
        OTEL_EXPORTER_OTLP_HEADERS: "a=%zz",
      }),
    ).toThrow(/OTEL_EXPORTER_OTLP_HEADERS/);
    const config = parseServerConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: "https://c:4318/",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: "Authorization=Bearer%20abc, x-tenant = t1",
      OTEL_SERVICE_NAME: "portico-dev",
    });
    expect(config.tracing).toEqual({
      endpoint: "https://c:4318/",
      protocol: "http/json",
      headers: { Authorization: "Bearer abc", "x-tenant": "t1" },
      serviceName: "portico-dev",
    });
  });
});
