import type { ChromaClient, Collection, Metadata } from "chromadb";
import type { Embedder } from "@/lib/vector/embeddings";
import { chunkRunbooks, type RunbookChunk } from "./chunk";
import type { Runbook } from "./load";

export type ChromaLike = Pick<ChromaClient, "getOrCreateCollection" | "getCollection">;

export interface IndexStats {
  /** Runbook-level counts: a runbook is "updated" if any of its chunks changed. */
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  chunks: { upserted: number; deleted: number; total: number };
  collection: string;
}

/** One collection per embedder: vectors of different models/dimensions must not mix. */
export function collectionNameFor(embedder: Pick<Embedder, "id">, prefix = "runbooks"): string {
  const name = `${prefix}__${embedder.id}`.replace(/[^a-zA-Z0-9._-]/g, "-").replace(/^[^a-zA-Z0-9]+/, "");
  return name.slice(0, 512).replace(/[^a-zA-Z0-9]+$/, "");
}

export async function openRunbookCollection(
  chroma: ChromaLike,
  embedder: Embedder,
  name = collectionNameFor(embedder),
): Promise<Collection> {
  return chroma.getOrCreateCollection({
    name,
    // null = "we pass embeddings ourselves"; undefined would make the client
    // try to load @chroma-core/default-embed.
    embeddingFunction: null,
    configuration: { hnsw: { space: "cosine" } },
    metadata: { embedder: embedder.id, dimensions: embedder.dimensions },
  });
}

function chunkMetadata(chunk: RunbookChunk, runbook: Runbook): Metadata {
  return {
    runbookId: chunk.runbookId,
    title: chunk.title,
    heading: chunk.heading,
    headingPath: chunk.headingPath.join(" > "),
    categories: runbook.categories.join(","),
    hash: chunk.hash,
    runbookHash: chunk.runbookHash,
  };
}

async function existingHashes(
  collection: Collection,
): Promise<Map<string, { hash: string; runbookId: string }>> {
  const out = new Map<string, { hash: string; runbookId: string }>();
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await collection.get({ limit: pageSize, offset, include: ["metadatas"] });
    page.ids.forEach((id, i) => {
      const meta = page.metadatas[i] ?? {};
      out.set(id, { hash: String(meta.hash ?? ""), runbookId: String(meta.runbookId ?? "") });
    });
    if (page.ids.length < pageSize) break;
  }
  return out;
}

export interface IndexRunbooksArgs {
  chroma: ChromaLike;
  embedder: Embedder;
  runbooks: Runbook[];
  collectionName?: string;
  /** Texts per embed() call, to stay under provider request limits. */
  batchSize?: number;
}

/**
 * Brings the collection in line with `runbooks`: embeds only chunks whose
 * content hash changed, deletes chunks that no longer exist. Idempotent.
 */
export async function indexRunbooks(args: IndexRunbooksArgs): Promise<IndexStats> {
  const { embedder, runbooks } = args;
  const name = args.collectionName ?? collectionNameFor(embedder);
  const batchSize = args.batchSize ?? 64;
  const collection = await openRunbookCollection(args.chroma, embedder, name);
  const existing = await existingHashes(collection);
  const byId = new Map(runbooks.map((r) => [r.id, r]));
  const chunks = chunkRunbooks(runbooks);

  const changed = chunks.filter((c) => existing.get(c.id)?.hash !== c.hash);
  const currentIds = new Set(chunks.map((c) => c.id));
  const stale = [...existing.keys()].filter((id) => !currentIds.has(id));

  for (let i = 0; i < changed.length; i += batchSize) {
    const batch = changed.slice(i, i + batchSize);
    const embeddings = await embedder.embed(
      batch.map((c) => c.text),
      { purpose: "document" },
    );
    await collection.upsert({
      ids: batch.map((c) => c.id),
      embeddings,
      documents: batch.map((c) => c.text),
      metadatas: batch.map((c) => chunkMetadata(c, byId.get(c.runbookId)!)),
    });
  }
  if (stale.length > 0) await collection.delete({ ids: stale });

  const previousRunbooks = new Set([...existing.values()].map((v) => v.runbookId));
  const touched = new Set([
    ...changed.map((c) => c.runbookId),
    ...stale.map((id) => existing.get(id)!.runbookId),
  ]);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const r of runbooks) {
    if (!previousRunbooks.has(r.id)) added++;
    else if (touched.has(r.id)) updated++;
    else unchanged++;
  }
  const removed = [...previousRunbooks].filter((id) => !byId.has(id)).length;
  return {
    added,
    updated,
    removed,
    unchanged,
    chunks: { upserted: changed.length, deleted: stale.length, total: chunks.length },
    collection: name,
  };
}
