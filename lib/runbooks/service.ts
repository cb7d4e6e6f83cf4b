import type { Embedder } from "@/lib/vector/embeddings";
import { type ChromaLike, type IndexStats, indexRunbooks } from "./index-runbooks";
import { loadRunbooks, type Runbook } from "./load";
import { type RunbookSearchInput, type RunbookSearchResponse, searchRunbooks } from "./search";

export interface RunbookServiceDeps {
  runbooksDir: string;
  embedder: Embedder;
  /** null when no vector store is configured; search then runs keyword-only. */
  chroma: ChromaLike | null;
  timeoutMs?: number;
}

export interface RunbookService {
  list(): Promise<Runbook[]>;
  get(id: string): Promise<Runbook | undefined>;
  search(input: RunbookSearchInput): Promise<RunbookSearchResponse>;
  /** Reloads files from disk and syncs the vector index (no-op when nothing changed). */
  reindex(): Promise<IndexStats>;
}

/**
 * Caches the parsed runbooks (the search corpus cache is keyed on the array),
 * so API routes can share one instance per process.
 */
export function createRunbookService(deps: RunbookServiceDeps): RunbookService {
  let loaded: Promise<Runbook[]> | undefined;
  const list = () => {
    loaded ??= loadRunbooks(deps.runbooksDir).catch((err) => {
      loaded = undefined;
      throw err;
    });
    return loaded;
  };
  return {
    list,
    async get(id) {
      return (await list()).find((r) => r.id === id);
    },
    async search(input) {
      return searchRunbooks(input, {
        chroma: deps.chroma,
        embedder: deps.embedder,
        runbooks: await list(),
        timeoutMs: deps.timeoutMs,
      });
    },
    async reindex() {
      if (!deps.chroma) throw new Error("no vector store configured");
      loaded = undefined;
      return indexRunbooks({ chroma: deps.chroma, embedder: deps.embedder, runbooks: await list() });
    },
  };
}
