import path from "node:path";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import type { ServerConfig } from "@/lib/config/server-config";
import { createDb } from "@/lib/db/client";
import { indexRunbooks } from "@/lib/runbooks/index-runbooks";
import { loadRunbooks } from "@/lib/runbooks/load";
import { chromaClientFromUrl } from "@/lib/vector/chroma-client";
import { selectEmbedder } from "@/lib/vector/select-embedder";

const root = path.resolve(__dirname, "..", "..");

export interface SeedOptions {
  databaseUrl: string;
  chromaUrl: string;
  config: ServerConfig;
  log?: (line: string) => void;
}

/** The Larkspur Freight catalog and the software templates as catalog locations (re-runs refresh in place). */
export async function seedCatalog(databaseUrl: string, log?: (line: string) => void): Promise<string[]> {
  const db = createDb(databaseUrl, { max: 4 });
  try {
    const parts: string[] = [];
    for (const dir of ["prisma/seed/demo-org", "templates"]) {
      const { result } = await ingestFromDirectory(db, path.join(root, dir));
      if (!result.ok) throw new Error(`seeding ${dir} failed: ${result.error.message}`);
      parts.push(`${dir}: +${result.added} ~${result.updated} =${result.unchanged}`);
      for (const p of result.problems) log?.(`seed problem in ${p.file ?? dir}: ${p.message}`);
    }
    return parts;
  } finally {
    await db.$disconnect();
  }
}

/** Runbooks into the vector store (only changed chunks are re-embedded). */
export async function seedRunbooks(chromaUrl: string, config: ServerConfig): Promise<string> {
  const runbooks = await loadRunbooks(path.join(root, "runbooks"));
  const stats = await indexRunbooks({
    chroma: chromaClientFromUrl(chromaUrl),
    embedder: selectEmbedder({ geminiApiKey: config.ai.apiKey, geminiModelId: config.ai.embeddingModel }),
    runbooks,
  });
  return `runbooks: ${runbooks.length} (+${stats.added} ~${stats.updated} -${stats.removed})`;
}

/** Idempotent demo seed: the catalog, then the runbooks. */
export async function seedAll(options: SeedOptions): Promise<string> {
  const parts = await seedCatalog(options.databaseUrl, options.log);
  parts.push(await seedRunbooks(options.chromaUrl, options.config));
  return parts.join("; ");
}
