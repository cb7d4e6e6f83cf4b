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

/**
 * Idempotent demo seed: the Larkspur Freight catalog and the software templates
 * as catalog locations (a re-run refreshes them in place), and runbooks into the
 * vector store (only changed chunks are re-embedded).
 */
export async function seedAll(options: SeedOptions): Promise<string> {
  const db = createDb(options.databaseUrl, { max: 4 });
  try {
    const parts: string[] = [];
    for (const dir of ["prisma/seed/demo-org", "templates"]) {
      const { result } = await ingestFromDirectory(db, path.join(root, dir));
      if (!result.ok) throw new Error(`seeding ${dir} failed: ${result.error.message}`);
      parts.push(`${dir}: +${result.added} ~${result.updated} =${result.unchanged}`);
      for (const p of result.problems) options.log?.(`seed problem in ${p.file ?? dir}: ${p.message}`);
    }
    const runbooks = await loadRunbooks(path.join(root, "runbooks"));
    const stats = await indexRunbooks({
      chroma: chromaClientFromUrl(options.chromaUrl),
      embedder: selectEmbedder({
        geminiApiKey: options.config.ai.apiKey,
        geminiModelId: options.config.ai.embeddingModel,
      }),
      runbooks,
    });
    parts.push(`runbooks: ${runbooks.length} (+${stats.added} ~${stats.updated} -${stats.removed})`);
    return parts.join("; ");
  } finally {
    await db.$disconnect();
  }
}
