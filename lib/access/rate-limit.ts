import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPrisma,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { AuthConfig } from "@/lib/config/server-config";
import type { Db } from "@/lib/db/client";

/** Endpoints whose cost (LLM calls, cluster reads, repositories, sign-in attempts) is limited. */
export type RateLimitBucket = "diagnose" | "chat" | "suggest-runbook" | "scaffolder-task" | "sign-in";

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export interface RateLimiterStore {
  consume(key: string, pointsPerMinute: number): Promise<RateDecision>;
}

type Factory = (points: number) => RateLimiterAbstract;

/**
 * One limiter per distinct budget (the default and each per-token override), all
 * in the same shared store, so every replica counts against the same numbers.
 * If the store is unreachable the in-memory insurance limiter keeps limiting
 * per process instead of failing the request.
 */
export function createRateLimiterStore(factory: Factory): RateLimiterStore {
  const limiters = new Map<number, RateLimiterAbstract>();
  return {
    async consume(key, points) {
      let limiter = limiters.get(points);
      if (!limiter) {
        limiter = factory(points);
        limiters.set(points, limiter);
      }
      try {
        await limiter.consume(key, 1);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (result) {
        if (result instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
        }
        throw result;
      }
    },
  };
}

/**
 * Counters in Postgres through Prisma (one upsert with an increment per request).
 * Prisma rather than RateLimiterPostgres: its named prepared statements collide on
 * embedded PGlite, which serves every connection through one session.
 */
export function postgresRateLimiterStore(db: Db): RateLimiterStore {
  return createRateLimiterStore(
    (points) =>
      new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimit",
        keyPrefix: `rl${points}`,
        points,
        duration: 60,
        clearExpiredByTimeout: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
      }),
  );
}

export async function redisRateLimiterStore(redisUrl: string): Promise<RateLimiterStore> {
  // Loaded only when REDIS_URL is set.
  const { Redis } = await import("ioredis");
  // Commands queue until connected; when Redis is down they fail fast and the insurance limiter counts.
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  client.on("error", () => {});
  return createRateLimiterStore(
    (points) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `portico:rl${points}`,
        points,
        duration: 60,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
      }),
  );
}

const holder = globalThis as {
  __porticoRateLimiter?: {
    redis?: Promise<RateLimiterStore>;
    memory?: RateLimiterStore;
    db?: Db;
    pg?: RateLimiterStore;
  };
};

/**
 * Redis when REDIS_URL is set, else Postgres through the app's client. Without any
 * database (diagnose can run stateless) the limits are kept in process memory.
 */
export async function getRateLimiterStore(auth: AuthConfig, db: () => Db): Promise<RateLimiterStore> {
  if (!holder.__porticoRateLimiter) holder.__porticoRateLimiter = {};
  const h = holder.__porticoRateLimiter;
  if (auth.redisUrl) {
    h.redis ??= redisRateLimiterStore(auth.redisUrl);
    return h.redis;
  }
  let client: Db;
  try {
    client = db();
  } catch {
    h.memory ??= createRateLimiterStore((points) => new RateLimiterMemory({ points, duration: 60 }));
    return h.memory;
  }
  if (h.db !== client || !h.pg) {
    h.db = client;
    h.pg = postgresRateLimiterStore(client);
  }
  return h.pg;
}

/** Tests only. */
export function resetRateLimiterStoreForTests(): void {
  holder.__porticoRateLimiter = undefined;
}
