// Child process of pglite-process.ts: an in-memory, migrated PGlite on a loopback port until stdin closes.
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrate";

async function main() {
  const root = path.resolve(__dirname, "../../..");
  const db = await startEmbeddedPostgres();
  await applyMigrations({ databaseUrl: db.url, rootDir: root });
  process.stdout.write(`READY ${db.url}\n`);
  process.stdin.resume();
  process.stdin.on("end", async () => {
    await db.stop();
    process.exit(0);
  });
}

void main();
