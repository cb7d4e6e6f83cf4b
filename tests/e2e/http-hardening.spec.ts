import net from "node:net";
import { expect, test } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);

/** One raw HTTP/1.1 exchange, so Host, Content-Length and chunking are exactly what we say. */
function raw(request: string | Buffer[], timeoutMs = 20_000): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: ${data.slice(0, 200)}`));
    }, timeoutMs);
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
    });
    socket.on("error", () => {}); // the server may close while we still write
    socket.on("close", () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, text: data });
    });
    socket.on("connect", async () => {
      const parts = typeof request === "string" ? [Buffer.from(request, "latin1")] : request;
      for (const part of parts) {
        if (socket.destroyed) break;
        socket.write(part);
        await new Promise((r) => setTimeout(r, 1));
      }
    });
  });
}

const head = (method: string, path: string, headers: Record<string, string>) =>
  `${method} ${path} HTTP/1.1\r\n${Object.entries({ connection: "close", ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;

test.describe("host check (DNS rebinding)", () => {
  test("a foreign Host gets 421 on pages and APIs; the health probe is exempt", async () => {
    for (const path of ["/", "/catalog", "/api/catalog/entities"]) {
      const res = await raw(head("GET", path, { host: `rebind.example:${port}` }));
      expect(res.status, path).toBe(421);
      expect(res.text).toContain("misdirected_request");
    }
    const probe = await raw(head("GET", "/api/health?probe=live", { host: `10.1.2.3:${port}` }));
    expect(probe.status).toBe(200);
    const ok = await raw(head("GET", "/api/health?probe=live", { host: `127.0.0.1:${port}` }));
    expect(ok.status).toBe(200);
  });

  test("X-Forwarded-Host is not trusted without PORTICO_TRUST_PROXY", async () => {
    const res = await raw(
      head("GET", "/api/health?probe=live", { host: `localhost:${port}`, "x-forwarded-host": "evil" }),
    );
    expect(res.status).toBe(200);
  });

  test("a write from a rebinding page's Origin is refused even when Host matches it", async ({ request }) => {
    const body = JSON.stringify({ entityRef: "component:default/none" });
    const res = await raw(
      head("POST", "/api/catalog/refresh", {
        host: `localhost:${port}`,
        origin: `http://rebind.example:${port}`,
        "content-type": "application/json",
        "content-length": String(body.length),
      }) + body,
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain("origin_not_allowed");
    // The same-origin page is fine (404 for the unknown entity, not 403).
    const same = await request.post("/api/catalog/refresh", {
      headers: { origin: `http://localhost:${port}` },
      data: { entityRef: "component:default/none" },
    });
    expect(same.status()).toBe(404);
  });

  test("without PORTICO_TRUST_PROXY the client address is the socket's, whatever X-Forwarded-For says", async ({
    request,
  }) => {
    // proxy.ts drops the client's X-Forwarded-For and Next.js sets it to the socket address;
    // the audit log shows the address the per-IP rate limit keys on (lib/access/client-ip.ts).
    const created = await request.post("/api/tokens", {
      headers: { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" },
      data: { name: "client-ip-probe", scopes: ["catalog:read"] },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const audit = await request.get("/api/audit-log?action=token.create&limit=50");
    const { items } = (await audit.json()) as { items: { target: string; ip: string }[] };
    const entry = items.find((i) => i.target === `token:${id}`);
    expect(entry?.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
    expect((await request.delete(`/api/tokens/${id}`)).status()).toBe(204);
  });
});

test.describe("request bodies", () => {
  const limit = 4 * 1024 * 1024;

  test("a declared body over the ceiling gets 413 before any route reads it", async () => {
    const res = await raw(
      [
        Buffer.from(
          head("POST", "/api/catalog/entities/by-refs", {
            host: `localhost:${port}`,
            "content-type": "application/json",
            "content-length": String(limit + 1),
          }),
        ),
        Buffer.alloc(limit + 1, " "),
      ],
      60_000,
    );
    expect(res.status).toBe(413);
    expect(res.text).toContain("payload_too_large");
  });

  test("a chunked body over the ceiling is cut off with 413", async () => {
    const chunk = Buffer.alloc(64 * 1024, " ");
    const parts = [
      Buffer.from(
        head("POST", "/api/catalog/entities/by-refs", {
          host: `localhost:${port}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        }),
      ),
      Buffer.from(`1\r\n{\r\n`),
    ];
    for (let sent = 0; sent <= limit + 512 * 1024; sent += chunk.length) {
      parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n"));
    }
    parts.push(Buffer.from(`1\r\n}\r\n0\r\n\r\n`));
    const res = await raw(parts, 60_000);
    expect(res.status).toBe(413);
  });

  test("a chunked body under the ceiling reaches the route whole", async () => {
    const body = JSON.stringify({ entityRefs: ["component:default/none"], pad: " ".repeat(200_000) });
    const parts = [
      Buffer.from(
        head("POST", "/api/catalog/entities/by-refs", {
          host: `localhost:${port}`,
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        }),
      ),
    ];
    for (let i = 0; i < body.length; i += 50_000) {
      const piece = Buffer.from(body.slice(i, i + 50_000));
      parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n"));
    }
    parts.push(Buffer.from("0\r\n\r\n"));
    const res = await raw(parts);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"items":[null]');
  });

  test("a Content-Length that lies short is cut at the declared length (400, not parsed further)", async () => {
    const body = JSON.stringify({ entityRefs: ["component:default/a"] });
    const res = await raw(
      head("POST", "/api/catalog/entities/by-refs", {
        host: `localhost:${port}`,
        "content-type": "application/json",
        "content-length": "5",
      }) + body,
    );
    expect(res.status).toBe(400);
  });

  test("a route's own tighter limit still applies (413)", async ({ request }) => {
    const res = await request.post("/api/catalog/refresh", {
      data: { entityRef: "x".repeat(20 * 1024) },
    });
    expect(res.status()).toBe(413);
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce CSP without unsafe-eval, and the app runs with no CSP violations", async ({
    page,
  }) => {
    const violations: string[] = [];
    let current = "/";
    page.on("console", (msg) => {
      if (msg.type() === "error" && /Content Security Policy|Refused to/i.test(msg.text()))
        violations.push(`${current}: ${msg.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const res = await page.goto("/");
    const headers = res?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined();

    await expect(page.getByRole("heading", { name: "Welcome to Portico" })).toBeVisible();
    for (const path of ["/catalog", "/diagnose", "/chat", "/runbooks", "/cluster", "/catalog/register"]) {
      current = path;
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // Hydrated: a client-side interaction works.
    await page.getByTestId("theme-toggle").first().click();
    expect(violations).toEqual([]);
  });

  test("API responses carry nosniff and a deny-all CSP", async ({ request }) => {
    const res = await request.get("/api/health?probe=live");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
  });
});
