import os from "node:os";
import { z } from "zod";
import { getServerConfig } from "@/lib/config/server-config";

const int = (min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? fallback : Number(v)))
    .pipe(z.number().int().min(min).max(max));

const schema = z.object({
  PORTICO_SCAFFOLDER_SECRETS_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  PORTICO_SCAFFOLDER_CONCURRENCY: int(0, 64, 4),
  PORTICO_SCAFFOLDER_LEASE_MS: int(2_000, 600_000, 30_000),
  PORTICO_SCAFFOLDER_GITHUB_TOKEN: z.string().optional(),
  PORTICO_SCAFFOLDER_GITHUB_API_URL: z.string().url().optional(),
});

export interface ScaffolderConfig {
  dataDir: string;
  secretsKey?: string;
  concurrency: number;
  leaseMs: number;
  githubToken?: string;
  githubApiUrl?: string;
  workerId: string;
}

/**
 * Scaffolder settings. Parsed from the environment next to the server config (which owns the
 * data dir); kept here so the scaffolder's variables live with the code that reads them.
 */
export function getScaffolderConfig(env: NodeJS.ProcessEnv = process.env): ScaffolderConfig {
  const e = schema.parse({
    ...env,
    PORTICO_SCAFFOLDER_SECRETS_KEY: env.PORTICO_SCAFFOLDER_SECRETS_KEY || undefined,
    PORTICO_SCAFFOLDER_GITHUB_TOKEN: env.PORTICO_SCAFFOLDER_GITHUB_TOKEN || undefined,
    PORTICO_SCAFFOLDER_GITHUB_API_URL: env.PORTICO_SCAFFOLDER_GITHUB_API_URL || undefined,
  });
  return {
    dataDir: getServerConfig().dataDir,
    secretsKey: e.PORTICO_SCAFFOLDER_SECRETS_KEY,
    concurrency: e.PORTICO_SCAFFOLDER_CONCURRENCY,
    leaseMs: e.PORTICO_SCAFFOLDER_LEASE_MS,
    githubToken: e.PORTICO_SCAFFOLDER_GITHUB_TOKEN,
    githubApiUrl: e.PORTICO_SCAFFOLDER_GITHUB_API_URL,
    workerId: `${os.hostname()}:${process.pid}`,
  };
}
