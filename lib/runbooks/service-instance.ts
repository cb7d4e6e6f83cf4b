import path from "node:path";
import { getServerConfig } from "@/lib/config/server-config";
import { chromaClientFromUrl } from "@/lib/vector/chroma-client";
import { selectEmbedder } from "@/lib/vector/select-embedder";
import { createRunbookService, type RunbookService } from "./service";

/** Vector leg budget for interactive requests; past it, search answers from keywords alone. */
export const RUNBOOK_SEARCH_TIMEOUT_MS = 1_500;

/** The launcher runs the server from the repository root, where `runbooks/` lives. */
export function defaultRunbooksDir(): string {
  return path.join(process.cwd(), "runbooks");
}

// Survives Next dev-mode module reloads so the parsed corpus and BM25 index are built once.
const holder = globalThis as unknown as { __porticoRunbooks?: RunbookService };

/**
 * The process-wide runbook service: same embedder as the seed that indexed the
 * runbooks (Gemini with a key, the local hashing embedder offline), Chroma when
 * CHROMA_URL is configured, keyword-only otherwise.
 */
export function getRunbookService(): RunbookService {
  if (holder.__porticoRunbooks) return holder.__porticoRunbooks;
  const config = getServerConfig();
  holder.__porticoRunbooks = createRunbookService({
    runbooksDir: defaultRunbooksDir(),
    embedder: selectEmbedder({ geminiApiKey: config.ai.apiKey, geminiModelId: config.ai.embeddingModel }),
    chroma: config.vectorStore.url ? chromaClientFromUrl(config.vectorStore.url) : null,
    timeoutMs: RUNBOOK_SEARCH_TIMEOUT_MS,
  });
  return holder.__porticoRunbooks;
}

/** Tests only: forget the instance after changing CHROMA_URL (call resetServerConfigForTests too). */
export function resetRunbookServiceForTests(): void {
  holder.__porticoRunbooks = undefined;
}
