import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresRateLimiterStore, redisRateLimiterStore } from "@/lib/access/rate-limit";
import { createDb } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../support/postgres";

/** Two limiter instances stand for two replicas: they must share one budget. */

const redisUp = await new Promise<boolean>((resolve) => {
  const s = net.connect(6379, "127.0.0.1");
  s.once("connect", () => {
    s.destroy();
    resolve(true);
  });
  s.once("error", () => resolve(false));
});
const hasClient = await import("ioredis").then(
  () => true,
  () => false,
);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

async function exhaust(
  a: { consume: (k: string, p: number) => Promise<{ allowed: boolean; retryAfterSeconds: number }> },
  b: typeof a,
) {
  const key = `test:${randomUUID()}`;
  const results = [
    await a.consume(key, 3),
    await b.consume(key, 3),
    await a.consume(key, 3),
    await b.consume(key, 3),
  ];
  return results;
}

describe("shared rate-limit counters", () => {
  it("Postgres: the fourth request across two replicas is refused with a retry time", async () => {
    const results = await exhaust(
      postgresRateLimiterStore(createDb(db.url)),
      postgresRateLimiterStore(createDb(db.url)),
    );
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(results[3].retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it.skipIf(!redisUp || !hasClient)("Redis (REDIS_URL): the same across two replicas", async () => {
    const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const results = await exhaust(await redisRateLimiterStore(url), await redisRateLimiterStore(url));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
  });
});
