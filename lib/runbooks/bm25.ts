import { tokenize } from "@/lib/vector/tokenize";

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1?: number;
  /** Length normalisation strength (0 = none, 1 = full). */
  b?: number;
  tokenizer?: (text: string) => string[];
}

export interface Bm25Hit {
  id: string;
  score: number;
}

/** Okapi BM25 over an in-memory corpus (runbooks are small, so no persistence). */
export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  private readonly tokenizer: (text: string) => string[];
  private readonly ids: string[] = [];
  private readonly termFreqs: Array<Map<string, number>> = [];
  private readonly lengths: number[] = [];
  private readonly docFreq = new Map<string, number>();
  private avgLength = 0;

  constructor(docs: Array<{ id: string; text: string }>, opts: Bm25Options = {}) {
    this.k1 = opts.k1 ?? 1.2;
    this.b = opts.b ?? 0.75;
    this.tokenizer = opts.tokenizer ?? tokenize;
    let total = 0;
    for (const doc of docs) {
      const tf = new Map<string, number>();
      const terms = this.tokenizer(doc.text);
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
      this.ids.push(doc.id);
      this.termFreqs.push(tf);
      this.lengths.push(terms.length);
      total += terms.length;
    }
    this.avgLength = docs.length > 0 ? total / docs.length : 0;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Lucene-style IDF: always positive, so very common terms still count a little. */
  idf(term: string): number {
    const n = this.ids.length;
    const df = this.docFreq.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Scores every document with at least one query term; sorted best first, ties by id. */
  search(query: string, topK = Number.POSITIVE_INFINITY): Bm25Hit[] {
    const qTerms = [...new Set(this.tokenizer(query))];
    if (qTerms.length === 0 || this.ids.length === 0) return [];
    const idfs = qTerms.map((t) => this.idf(t));
    const hits: Bm25Hit[] = [];
    for (let d = 0; d < this.ids.length; d++) {
      const tf = this.termFreqs[d];
      const norm = this.k1 * (1 - this.b + (this.b * this.lengths[d]) / (this.avgLength || 1));
      let score = 0;
      for (let q = 0; q < qTerms.length; q++) {
        const f = tf.get(qTerms[q]);
        if (!f) continue;
        score += (idfs[q] * (f * (this.k1 + 1))) / (f + norm);
      }
      if (score > 0) hits.push({ id: this.ids[d], score });
    }
    hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    return hits.slice(0, topK);
  }
}
