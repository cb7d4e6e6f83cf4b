import path from "node:path";
import { defineConfig } from "prisma/config";
import { engineEnvironment, selectSchemaEngine } from "./lib/db/schema-engine";

// Must happen while the config loads: the CLI checks for (and would otherwise
// try to download) its native schema engine right after reading this file.
const rootDir = path.resolve(__dirname);
const engine = selectSchemaEngine({ rootDir, env: process.env });
Object.assign(process.env, engineEnvironment(engine, process.execPath));
if (process.env.PORTICO_PRISMA_ENGINE_VERBOSE) {
  console.error(`[prisma.config] schema engine: ${engine.kind} (${engine.reason})`);
}

export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/portico",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL || undefined,
  },
});
