import { readFileSync } from "node:fs";
import type { NextConfig } from "next";

const { version } = JSON.parse(readFileSync("./package.json", "utf8")) as { version: string };

const nextConfig: NextConfig = {
  // A separate build dir lets parallel e2e runs (and `npm start` beside them) not overwrite each other.
  distDir: process.env.PORTICO_NEXT_DIST_DIR ?? ".next",
  output: "standalone",
  poweredByHeader: false,
  // Type errors fail `npm run typecheck` (part of `npm test`); skipping the duplicate pass halves build time on CI.
  typescript: { ignoreBuildErrors: true },
  env: { NEXT_PUBLIC_PORTICO_VERSION: version },
  // Packages with native/wasm payloads or dynamic requires stay outside the bundle.
  serverExternalPackages: [
    "pino",
    "pg",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "chromadb",
    "@kubernetes/client-node",
    "isomorphic-git",
    "nunjucks",
    "ioredis",
  ],
  // Bodies are size-limited by lib/http per route; this only caps Server Actions.
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
};

export default nextConfig;
