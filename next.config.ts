import { readFileSync } from "node:fs";
import type { NextConfig } from "next";
import { DEFAULT_MAX_BODY_BYTES } from "./lib/config/schema";
import { proxyBufferBytes } from "./lib/http/proxy-buffer";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const { version } = JSON.parse(readFileSync("./package.json", "utf8")) as { version: string };

// Fixed at build time: PORTICO_MAX_BODY_BYTES may be lowered at run time, not raised past this.
const buildMaxBody = Number(process.env.PORTICO_MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
const proxyBodyBuffer = proxyBufferBytes(Math.max(buildMaxBody, DEFAULT_MAX_BODY_BYTES));

const nextConfig: NextConfig = {
  // A separate build dir lets parallel e2e runs (and `npm start` beside them) not overwrite each other.
  distDir: process.env.PORTICO_NEXT_DIST_DIR ?? ".next",
  output: "standalone",
  poweredByHeader: false,
  env: {
    NEXT_PUBLIC_PORTICO_VERSION: version,
    // proxy.ts can measure bodies only up to what Next buffered for it (lib/http/body-limit.ts).
    PORTICO_PROXY_BODY_BUFFER_BYTES: String(proxyBodyBuffer),
  },
  async headers() {
    const headers = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
  // Packages with native/wasm payloads or dynamic requires stay outside the bundle.
  serverExternalPackages: [
    "pino",
    "pg",
    "pg-copy-streams",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "chromadb",
    "@kubernetes/client-node",
    "isomorphic-git",
    "nunjucks",
    "ioredis",
  ],
  experimental: {
    // Bodies are size-limited by lib/http (proxy.ts and per route); this caps Server Actions.
    serverActions: { bodySizeLimit: "1mb" },
    // Next clones each body for proxy.ts; by default up to 10 MiB per request.
    proxyClientMaxBodySize: proxyBodyBuffer,
  },
};

export default nextConfig;
