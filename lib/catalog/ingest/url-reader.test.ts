import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHostAllowed, isPrivateAddress } from "./network-guard";
import { createUrlReader } from "./url-reader";

let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/big") {
      res.write("x".repeat(2048));
      res.end("y".repeat(2048));
    } else if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 1000);
    } else if (req.url === "/redirect") {
      res.writeHead(302, { location: "/ok" }).end();
    } else if (req.url === "/ok") {
      res.end("kind: Component\n");
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const read = (target: string, opts: Partial<Parameters<typeof createUrlReader>[0]> = {}) =>
  createUrlReader({ allowedHosts: ["127.0.0.1", "localhost"], allowPrivateNetwork: true, ...opts }).read({
    type: "url",
    target,
  });

describe("url reader", () => {
  it("reads from an allowed loopback host when private networking is allowed", async () => {
    await expect(read(`${base}/ok`)).resolves.toBe("kind: Component\n");
    await expect(read(`${base}/redirect`)).resolves.toBe("kind: Component\n");
  });

  it("refuses loopback addresses by default, also via DNS names", async () => {
    await expect(read(`${base}/ok`, { allowPrivateNetwork: false })).rejects.toMatchObject({
      code: "FORBIDDEN_HOST",
    });
    await expect(
      read(`http://localhost:${port}/ok`, {
        allowPrivateNetwork: false,
        lookup: ((_h: string, _o: unknown, cb: (e: null, a: unknown) => void) =>
          cb(null, [{ address: "127.0.0.1", family: 4 }])) as never,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN_HOST" });
  });

  it("refuses hosts outside the allowlist and non-http schemes", async () => {
    await expect(read(`${base}/ok`, { allowedHosts: ["example.com"] })).rejects.toMatchObject({
      code: "FORBIDDEN_HOST",
    });
    await expect(read("ftp://127.0.0.1/x")).rejects.toMatchObject({ code: "FORBIDDEN_HOST" });
  });

  it("enforces size limits and timeouts, and maps 404", async () => {
    await expect(read(`${base}/big`, { maxBytes: 3000 })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(read(`${base}/slow`, { timeoutMs: 100 })).rejects.toMatchObject({ code: "TIMEOUT" });
    await expect(read(`${base}/missing`)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("network guard", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["::1", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["8.8.8.8", false],
    ["2001:4860:4860::8888", false],
  ])("isPrivateAddress(%s) = %s", (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it("matches allowlist entries", () => {
    expect(isHostAllowed(new URL("https://a.example.com/x"), ["*.example.com"])).toBe(true);
    expect(isHostAllowed(new URL("https://example.com/x"), ["*.example.com"])).toBe(false);
    expect(isHostAllowed(new URL("https://evil-example.com/x"), ["*.example.com"])).toBe(false);
    expect(isHostAllowed(new URL("http://h:8080/x"), ["h:8080"])).toBe(true);
    expect(isHostAllowed(new URL("http://h:8081/x"), ["h:8080"])).toBe(false);
  });
});
