/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (what the PreSync Job runs).
 * `npm run db:seed`: seeds the demo catalog into DATABASE_URL, like `npm start` does, and
 * indexes the runbooks when CHROMA_URL is set. Both are idempotent.
 */
import { ConfigError, parseServerConfig } from "@/lib/config/server-config";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { seedCatalog, seedRunbooks } from "./lib/seed";

const usage = "usage: tsx scripts/db.ts migrate|seed   (DATABASE_URL must be set)";

async function main(command: string | undefined): Promise<number> {
  if (command !== "migrate" && command !== "seed") {
    console.error(usage);
    return 2;
  }
  const config = parseServerConfig(process.env);
  const databaseUrl = config.database.url;
  if (!databaseUrl) {
    console.error(`DATABASE_URL is not set. ${usage}`);
    return 2;
  }
  if (command === "migrate") {
    const { applied } = await applyMigrations({ databaseUrl });
    console.log(`[db] migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
    return 0;
  }
  const parts = await seedCatalog(databaseUrl, (line) => console.log(`[db] ${line}`));
  if (config.vectorStore.url) parts.push(await seedRunbooks(config.vectorStore.url, config));
  else parts.push("runbooks: skipped (no CHROMA_URL)");
  console.log(`[db] seed: ${parts.join("; ")}`);
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof MigrationError) console.error(error.message);
    else console.error(`[db] failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
