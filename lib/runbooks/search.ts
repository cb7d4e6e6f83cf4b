import { withTimeout } from "@/lib/async/with-timeout";
import type { Embedder } from "@/lib/vector/embeddings";
import { Bm25Index } from "./bm25";
import { classifyFailureText } from "./categories";
import { chunkRunbooks, type RunbookChunk } from "./chunk";
import { type ChromaLike, collectionNameFor } from "./index-runbooks";
import type { Runbook } from "./load";
import { makeSnippet } from "./snippet";

export interface RunbookSearchInput {
  query: string;
  topK?: number;
  /** Restrict results to runbooks tagged with any of these categories. */
  categories?: string[];
  /**
   * Category to boost, when the caller already classified the text (the log
   * analyzer is more precise than the keyword classifier on raw logs). Omit to
   * classify the query; null disables the boost.
   */
  category?: string | null;
  /**
   * Categories the caller's own diagnosis found, strongest first (its root
   * cause, then the runner-up). The best-scoring runbook of each leads the
   * results in that order, even with no keyword or vector hit; the blended
   * ranking fills the rest. So a near-miss root cause still surfaces the right
   * runbook among the first few, which a single category boost cannot do.
   */
  preferCategories?: string[];
}

export interface RunbookSearchResult {
  id: string;
  title: string;
  url: string;
  /** Blended relevance in [0, 1]. */
  score: number;
  snippet: string;
  heading: string;
  categories: string[];
}

export interface RunbookSearchResponse {
  results: RunbookSearchResult[];
  /** Subsystems that were unavailable: "vector_store", "embeddings". */
  degraded: string[];
  /** Category the query was classified as (drives the boost), if any. */
  category: string | null;
}

export interface RunbookSearchDeps {
  chroma?: ChromaLike | null;
  embedder: Embedder;
  runbooks: Runbook[];
  collectionName?: string;
  /** Budget for the vector leg (embed + Chroma query) before falling back to keywords. */
  timeoutMs?: number;
  classify?: (query: string) => string | null;
  weights?: { vector?: number; keyword?: number; categoryBoost?: number };
}

interface Corpus {
  chunks: RunbookChunk[];
  chunkById: Map<string, RunbookChunk>;
  runbookById: Map<string, Runbook>;
  bm25: Bm25Index;
}

// Runbook arrays are loaded once and reused, so cache the derived index per array.
const corpusCache = new WeakMap<Runbook[], Corpus>();

function corpusFor(runbooks: Runbook[]): Corpus {
  let corpus = corpusCache.get(runbooks);
  if (!corpus) {
    const chunks = chunkRunbooks(runbooks);
    corpus = {
      chunks,
      chunkById: new Map(chunks.map((c) => [c.id, c])),
      runbookById: new Map(runbooks.map((r) => [r.id, r])),
      bm25: new Bm25Index(chunks.map((c) => ({ id: c.id, text: c.text }))),
    };
    corpusCache.set(runbooks, corpus);
  }
  return corpus;
}

type VectorOutcome = { scores: Map<string, number> } | { degraded: "vector_store" | "embeddings" };

async function vectorLeg(query: string, deps: RunbookSearchDeps, nResults: number): Promise<VectorOutcome> {
  if (!deps.chroma) return { degraded: "vector_store" };
  const name = deps.collectionName ?? collectionNameFor(deps.embedder);
  const started = Date.now();
  const budget = deps.timeoutMs ?? 1500;
  const remaining = () => Math.max(1, budget - (Date.now() - started));
  // Start the Chroma lookup concurrently with embedding; both share one budget.
  const collectionP = withTimeout(deps.chroma.getCollection({ name }), budget, "chroma getCollection");
  collectionP.catch(() => undefined);
  let vector: number[];
  try {
    [vector] = await withTimeout(deps.embedder.embed([query], { purpose: "query" }), budget, "embedding");
  } catch {
    return { degraded: "embeddings" };
  }
  try {
    const collection = await collectionP;
    const res = await withTimeout(
      collection.query({ queryEmbeddings: [vector], nResults, include: ["distances"] }),
      remaining(),
      "chroma query",
    );
    const scores = new Map<string, number>();
    const ids = res.ids[0] ?? [];
    const distances = res.distances?.[0] ?? [];
    ids.forEach((id, i) => {
      // cosine distance → similarity
      scores.set(id, Math.max(0, 1 - (distances[i] ?? 1)));
    });
    return { scores };
  } catch {
    return { degraded: "vector_store" };
  }
}

/** Max score per runbook plus the chunk that produced it. */
function perRunbook(
  scores: Map<string, number>,
  corpus: Corpus,
): Map<string, { score: number; chunkId: string }> {
  const out = new Map<string, { score: number; chunkId: string }>();
  for (const [chunkId, score] of scores) {
    const chunk = corpus.chunkById.get(chunkId);
    if (!chunk) continue; // stale vector from an older index
    const prev = out.get(chunk.runbookId);
    if (!prev || score > prev.score) out.set(chunk.runbookId, { score, chunkId });
  }
  return out;
}

function normalise(m: Map<string, { score: number; chunkId: string }>): Map<string, number> {
  let max = 0;
  for (const v of m.values()) max = Math.max(max, v.score);
  const out = new Map<string, number>();
  for (const [k, v] of m) out.set(k, max > 0 ? v.score / max : 0);
  return out;
}

/**
 * Hybrid retrieval: blends normalised vector similarity and BM25 at runbook
 * level, boosts runbooks whose category matches the classified query, and
 * falls back to keywords only when the vector leg is unavailable.
 */
export async function searchRunbooks(
  input: RunbookSearchInput,
  deps: RunbookSearchDeps,
): Promise<RunbookSearchResponse> {
  const topK = input.topK ?? 5;
  const query = input.query.trim();
  const classify = deps.classify ?? classifyFailureText;
  const category = input.category !== undefined ? input.category : query ? classify(query) : null;
  if (!query) return { results: [], degraded: [], category };

  const corpus = corpusFor(deps.runbooks);
  const nResults = Math.min(corpus.chunks.length, 50);
  const [vector, keywordHits] = await Promise.all([
    nResults > 0 ? vectorLeg(query, deps, nResults) : Promise.resolve({ scores: new Map<string, number>() }),
    Promise.resolve(corpus.bm25.search(query)),
  ]);
  const degraded = "degraded" in vector ? [vector.degraded] : [];
  const vectorByRunbook = "scores" in vector ? perRunbook(vector.scores, corpus) : new Map();
  const keywordByRunbook = perRunbook(new Map(keywordHits.map((h) => [h.id, h.score])), corpus);
  const vNorm = normalise(vectorByRunbook);
  const kNorm = normalise(keywordByRunbook);

  const wv = degraded.length > 0 ? 0 : (deps.weights?.vector ?? 0.5);
  const wk = degraded.length > 0 ? 1 : (deps.weights?.keyword ?? 0.5);
  const boost = deps.weights?.categoryBoost ?? 0.3;
  const maxScore = wv + wk + boost;
  const filter = input.categories?.length ? new Set(input.categories) : null;

  const candidates = new Set([...vNorm.keys(), ...kNorm.keys()]);
  const scored: Array<{ runbook: Runbook; score: number; chunkId: string | undefined }> = [];
  for (const id of candidates) {
    const runbook = corpus.runbookById.get(id);
    if (!runbook) continue;
    if (filter && !runbook.categories.some((c) => filter.has(c))) continue;
    const categoryMatch = category !== null && (runbook.categories as string[]).includes(category);
    const raw = wv * (vNorm.get(id) ?? 0) + wk * (kNorm.get(id) ?? 0) + (categoryMatch ? boost : 0);
    // Prefer the keyword chunk for the snippet: it contains the query's words.
    const chunkId = keywordByRunbook.get(id)?.chunkId ?? vectorByRunbook.get(id)?.chunkId;
    scored.push({ runbook, score: Math.round((raw / maxScore) * 10_000) / 10_000, chunkId });
  }
  scored.sort((a, b) => b.score - a.score || a.runbook.id.localeCompare(b.runbook.id));
  const ranked = pinPreferred(scored, input.preferCategories ?? [], deps.runbooks, filter, (runbook) => {
    const categoryMatch = category !== null && (runbook.categories as string[]).includes(category);
    return Math.round(((categoryMatch ? boost : 0) / maxScore) * 10_000) / 10_000;
  });
  // Snippets only for what is returned: building one costs about as much as the whole ranking.
  const results: RunbookSearchResult[] = ranked.slice(0, topK).map(({ runbook, score, chunkId }) => {
    const chunk = chunkId ? corpus.chunkById.get(chunkId) : undefined;
    return {
      id: runbook.id,
      title: runbook.title,
      url: `/runbooks/${runbook.id}`,
      score,
      snippet: chunk ? makeSnippet(chunk.content, query) : "",
      heading: chunk ? chunk.headingPath.join(" > ") : "",
      categories: [...runbook.categories],
    };
  });
  return { results, degraded, category };
}

type Scored = { runbook: Runbook; score: number; chunkId: string | undefined };

/**
 * Moves the best runbook of each preferred category to the front, in the
 * preference order. A category whose runbooks had no hit still gets one (the
 * first by id; scored by the boost alone), since the diagnosis named it.
 */
function pinPreferred(
  scored: Scored[],
  prefer: string[],
  runbooks: Runbook[],
  filter: Set<string> | null,
  unscored: (runbook: Runbook) => number,
): Scored[] {
  const pinned: Scored[] = [];
  const taken = new Set<string>();
  for (const category of prefer) {
    if (pinned.some((p) => (p.runbook.categories as string[]).includes(category))) continue;
    const hit = scored.find(
      (s) => !taken.has(s.runbook.id) && (s.runbook.categories as string[]).includes(category),
    );
    const fallback = hit
      ? undefined
      : [...runbooks]
          .filter((r) => !taken.has(r.id) && (r.categories as string[]).includes(category))
          .filter((r) => !filter || r.categories.some((c) => filter.has(c)))
          .sort((a, b) => a.id.localeCompare(b.id))[0];
    const chosen =
      hit ?? (fallback ? { runbook: fallback, score: unscored(fallback), chunkId: undefined } : undefined);
    if (!chosen) continue;
    pinned.push(chosen);
    taken.add(chosen.runbook.id);
  }
  return [...pinned, ...scored.filter((s) => !taken.has(s.runbook.id))];
}
