import { tokenize, wordSequence } from "./tokenize";

export type EmbedPurpose = "document" | "query";

export interface Embedder {
  /** Stable identifier; vectors from different ids must never be mixed in one collection. */
  id: string;
  dimensions: number;
  embed(texts: string[], opts?: { purpose?: EmbedPurpose }): Promise<number[][]>;
}

/** 32-bit FNV-1a over UTF-8 bytes: platform independent, no native deps. */
export function fnv1a32(input: string): number {
  let hash = 0x811c9dc5;
  // Encode UTF-8 inline: this runs for every feature of every chunk, and
  // allocating a TextEncoder buffer per key dominated embedding time.
  for (let i = 0; i < input.length; i++) {
    let cp = input.charCodeAt(i);
    if (cp < 0x80) {
      hash = Math.imul(hash ^ cp, 0x01000193);
      continue;
    }
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < input.length) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const bytes =
      cp < 0x800
        ? [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)]
        : cp < 0x10000
          ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
          : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
    for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193);
  }
  return hash >>> 0;
}

export function l2Normalize(vec: number[]): number[] {
  let norm = 0;
  for (const v of vec) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm === 0) return vec;
  return vec.map((v) => v / norm);
}

export function cosineSimilarity(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

export interface HashingEmbedderOptions {
  dimensions?: number;
  /** Relative weights of the feature families. */
  weights?: { unigram?: number; bigram?: number; trigram?: number };
}

/**
 * Deterministic lexical embedder (feature hashing, signed buckets, sublinear
 * TF). No model weights are available offline, so this is what we ship as the
 * default; it captures term overlap and spelling variants via char trigrams.
 */
export function createHashingEmbedder(opts: HashingEmbedderOptions = {}): Embedder {
  const dimensions = opts.dimensions ?? 512;
  const w = { unigram: 1, bigram: 0.6, trigram: 0.35, ...opts.weights };

  const embedOne = (text: string): number[] => {
    const counts = new Map<string, number>();
    const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const terms = tokenize(text);
    for (const t of terms) {
      bump(`u:${t}`);
      const padded = `^${t}$`;
      for (let i = 0; i + 3 <= padded.length; i++) bump(`c:${padded.slice(i, i + 3)}`);
    }
    const seq = wordSequence(text);
    for (let i = 0; i + 1 < seq.length; i++) bump(`b:${seq[i]} ${seq[i + 1]}`);

    const vec = new Array<number>(dimensions).fill(0);
    for (const [key, tf] of counts) {
      const family = key[0] === "u" ? w.unigram : key[0] === "b" ? w.bigram : w.trigram;
      const h = fnv1a32(key);
      const sign = (h & 0x80000000) === 0 ? 1 : -1;
      vec[h % dimensions] += sign * family * (1 + Math.log(tf));
    }
    return l2Normalize(vec);
  };

  return {
    id: `local-hash-${dimensions}`,
    dimensions,
    async embed(texts) {
      return texts.map(embedOne);
    },
  };
}
