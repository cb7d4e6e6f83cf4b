import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../support/postgres";

/**
 * Two server processes (replicas) against one database: a token created on one works
 * on the other, and revoking it on one is refused by the other on the very next request;
 * only its SHA-256 is stored, and once it expires neither replica accepts it.
 */

const root = path.resolve(__dirname, "../..");
const BOOTSTRAP = "bootstrap-secret-for-replica-tests-0123456789";
let db: TestDatabase;
let client: Db;
const children: ChildProcess[] = [];
const ports: number[] = [];

function startReplica(): Promise<number> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "tests/support/access-route-server.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PORTICO_AUTH_MODE: "oidc",
        OIDC_ISSUER_URL: "http://127.0.0.1:9",
        OIDC_CLIENT_ID: "portico",
        OIDC_CLIENT_SECRET: "x",
        PORTICO_AUTH_SECRET: "auth-secret-for-replica-tests-0123456789",
        PORTICO_BOOTSTRAP_TOKEN: BOOTSTRAP,
        PORTICO_LOG_LEVEL: "silent",
        PORTICO_CATALOG_LIST_INDEX: "false",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("replica did not start")), 60_000);
    child.stdout?.on("data", (d: Buffer) => {
      const m = /listening (\d+)/.exec(d.toString());
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`replica exited with ${code}`)));
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  ports.push(...(await Promise.all([startReplica(), startReplica()])));
  client = createDb(db.url, { max: 1 });
});

afterAll(async () => {
  for (const c of children) c.kill("SIGTERM");
  await client?.$disconnect();
  await db?.stop();
});

const call = (port: number, method: string, p: string, token: string, body?: unknown) =>
  fetch(`http://127.0.0.1:${port}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("API tokens across two server processes", () => {
  it("creates on A, works on B, revoked on A is refused by B on the next request", async () => {
    const [a, b] = ports;
    const created = await call(a, "POST", "/api/tokens", BOOTSTRAP, {
      name: "replicas",
      scopes: ["catalog:read"],
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect((await call(b, "GET", "/api/catalog/entities", token)).status).toBe(200);
    expect((await call(a, "GET", "/api/catalog/entities", token)).status).toBe(200);
    expect((await call(a, "DELETE", `/api/tokens/${id}`, BOOTSTRAP)).status).toBe(204);
    expect((await call(b, "GET", "/api/catalog/entities", token)).status).toBe(401);
    expect((await call(a, "GET", "/api/catalog/entities", token)).status).toBe(401);
    // Without credentials at all, both replicas answer 401 in oidc mode.
    expect((await fetch(`http://127.0.0.1:${b}/api/catalog/entities`)).status).toBe(401);
  });

  it("stores only the secret's SHA-256, and an expired token is refused by both replicas", async () => {
    const [a, b] = ports;
    const created = await call(a, "POST", "/api/tokens", BOOTSTRAP, {
      name: "expiring",
      scopes: ["catalog:read"],
      expiresInDays: 1,
    });
    expect(created.status).toBe(201);
    const { id, token, expiresAt } = (await created.json()) as {
      id: string;
      token: string;
      expiresAt: string;
    };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const row = await client.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    // Nothing stored reveals the secret beyond its display prefix.
    const secretPart = token.slice("ptc_".length);
    expect(JSON.stringify(row)).not.toContain(secretPart.slice(4));
    expect((await call(b, "GET", "/api/catalog/entities", token)).status).toBe(200);
    // A day passes: the row's expiry moves into the past, as the clock would take it.
    await client.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await call(a, "GET", "/api/catalog/entities", token)).status).toBe(401);
    expect((await call(b, "GET", "/api/catalog/entities", token)).status).toBe(401);
  });
});
