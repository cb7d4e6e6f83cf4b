import pg from "pg";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import type { AuthConfig } from "@/lib/config/server-config";

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

export function postgresRateLimiterStore(databaseUrl: string): RateLimiterStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  return createRateLimiterStore(
    (points) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "access_rate_limits",
        tableCreated: true,
        keyPrefix: `rl${points}`,
        points,
        duration: 60,
        clearExpiredByTimeout: false,
        insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
      }),
  );
}

export async function redisRateLimiterStore(redisUrl: string): Promise<RateLimiterStore> {
  // Optional dependency, loaded only when REDIS_URL is set.
  const { default: Redis } = (await import(/* webpackIgnore: true */ "ioredis" as string)) as {
    default: new (url: string, opts: object) => object;
  };
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
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

const holder = globalThis as { __porticoRateLimiter?: Promise<RateLimiterStore> };

export function getRateLimiterStore(
  auth: AuthConfig,
  databaseUrl: string | undefined,
): Promise<RateLimiterStore> {
  holder.__porticoRateLimiter ??= auth.redisUrl
    ? redisRateLimiterStore(auth.redisUrl)
    : Promise.resolve(
        databaseUrl
          ? postgresRateLimiterStore(databaseUrl)
          : createRateLimiterStore((points) => new RateLimiterMemory({ points, duration: 60 })),
      );
  return holder.__porticoRateLimiter;
}

/** Tests only. */
export function resetRateLimiterStoreForTests(): void {
  holder.__porticoRateLimiter = undefined;
}
