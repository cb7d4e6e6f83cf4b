import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromaClientFromUrl } from "./chroma-client";

const seen: string[] = [];
let server: http.Server;
let port = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.headers.host} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" }).end('{"nanosecond heartbeat":42}');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe("chromaClientFromUrl", () => {
  it("talks to the host and port of the URL it was given", async () => {
    const client = chromaClientFromUrl(`http://127.0.0.1:${port}`);
    expect(await client.heartbeat()).toBe(42);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(new RegExp(`^GET 127\\.0\\.0\\.1:${port} /api/v\\d+/heartbeat$`));
  });

  it("refuses something that is not a URL", () => {
    expect(() => chromaClientFromUrl("not a url")).toThrow();
  });
});
