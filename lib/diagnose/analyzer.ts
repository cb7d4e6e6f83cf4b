import { RE2JS, RE2Set } from "re2js";
import {
  CATEGORY_RANK,
  type Category,
  FOLLOWING_LINES_ABSORB,
  SAME_LINE_ABSORBS,
  SEVERITY_WEIGHT,
  type Severity,
} from "./categories";
import { type LogPattern, PATTERNS } from "./patterns";
import { PATTERN_CONTEXTS, type PatternContext } from "./patterns/contexts";
import { iterateSegments, type Segment } from "./segments";

export interface Classification {
  category: Category;
  severity: Severity;
  pattern_id: string;
  /** 1-based line number in the analysed input. */
  line: number;
  excerpt: string;
}

export interface AnalysisResult {
  /** Root-cause category chosen by the precedence model (see categories.ts). */
  category: Category;
  severity: Severity;
  /** Root-cause hits first, then other evidence by rank; bounded in size. */
  classifications: Classification[];
  /** Every category seen, strongest first. */
  categories: Category[];
  stats: { bytes: number; lines: number; segments: number; hits: number };
}

export interface AnalyzeOptions {
  /** Upper bound on classifications returned (evidence, not an exhaustive list). */
  maxClassifications?: number;
  /** Per-pattern cap on recorded hits so one noisy line type cannot crowd out others. */
  maxHitsPerPattern?: number;
}

const EXCERPT_CHARS = 240;
// Patterns are matched through RE2Sets (DFA, no backtracking) of
// PATTERNS_PER_SET patterns each. One set of every pattern looks cheaper (a
// single scan) but its DFA has too many states for the cache: on error-dense
// logs the cache thrashes and re2js falls back to the NFA, whose cost grows
// with the whole library's size. Measured (2 CPUs, load 5-6) on the bench's
// 1 MiB realistic mix: one set of 65 patterns about 30-70 s; sets of 32 p50
// 140 ms; sets of 16 p50 330 ms, and inputs without matches pay per set scan
// (a_bang 29 ms with 32, 91 ms with 16). The 32 MiB cache budget per set still
// matters. If a set outgrows RE2's program-size cap, compile falls back to smaller sets.
const SET_MAX_MEM = 32 * 1024 * 1024;
const PATTERNS_PER_SET = 32;
const FALLBACK_PATTERNS_PER_SET = 4;

interface CompiledLibrary {
  patterns: readonly LogPattern[];
  sets: { set: RE2Set; offset: number }[];
  single: RE2JS[];
}

const contextRegexes = new Map<PatternContext, RE2JS>();
function contextRegex(context: PatternContext): RE2JS {
  let re = contextRegexes.get(context);
  if (!re) {
    re = RE2JS.compile(PATTERN_CONTEXTS[context]);
    contextRegexes.set(context, re);
  }
  return re;
}

// Context-bound hits wait until the end of the scan; bounded so a huge log of
// them cannot grow memory (the evidence needs a few, not all).
const MAX_PENDING_CONTEXT_HITS = 256;

const cache = new WeakMap<readonly LogPattern[], CompiledLibrary>();

export function compilePatterns(patterns: readonly LogPattern[]): CompiledLibrary {
  const cached = cache.get(patterns);
  if (cached) return cached;
  let sets: CompiledLibrary["sets"];
  try {
    sets = buildSets(patterns, PATTERNS_PER_SET);
  } catch {
    sets = buildSets(patterns, FALLBACK_PATTERNS_PER_SET);
  }
  const compiled = { patterns, sets, single: patterns.map((p) => RE2JS.compile(p.regex)) };
  cache.set(patterns, compiled);
  return compiled;
}

function buildSets(patterns: readonly LogPattern[], perSet: number): CompiledLibrary["sets"] {
  const sets: CompiledLibrary["sets"] = [];
  for (let offset = 0; offset < patterns.length; offset += Math.max(1, perSet)) {
    const set = new RE2Set(RE2Set.UNANCHORED, 0, SET_MAX_MEM);
    for (const p of patterns.slice(offset, offset + perSet)) set.add(p.regex);
    set.compile();
    sets.push({ set, offset });
  }
  return sets;
}

interface CategoryEvidence {
  category: Category;
  firstLine: number;
  count: number;
  maxSeverity: Severity;
}

/**
 * Classifies a log in time linear to its size: each bounded segment runs once
 * through RE2 sets (DFA, no backtracking); only the few segments that matched
 * are re-scanned by the individual pattern to cut an excerpt.
 */
export function analyzeLog(
  input: string,
  options: AnalyzeOptions = {},
  patterns: readonly LogPattern[] = PATTERNS,
): AnalysisResult {
  const maxClassifications = options.maxClassifications ?? 50;
  const maxHitsPerPattern = options.maxHitsPerPattern ?? 3;
  const lib = compilePatterns(patterns);
  const recorded = new Map<number, number>();
  const evidence = new Map<Category, CategoryEvidence>();
  const hits: Classification[] = [];
  let segments = 0;
  let totalHits = 0;
  let lastLine = 0;
  const lastSeen = new Map<Category, number>();
  const pending: { idx: number; seg: Segment }[] = [];

  const record = (idx: number, seg: Segment): void => {
    const pattern = patterns[idx];
    totalHits++;
    noteEvidence(evidence, pattern, seg.line);
    const seen = recorded.get(idx) ?? 0;
    if (seen >= maxHitsPerPattern) return;
    recorded.set(idx, seen + 1);
    hits.push({
      category: pattern.category,
      severity: pattern.severity,
      pattern_id: pattern.id,
      line: seg.line,
      excerpt: excerptAround(seg.text, lib.single[idx]),
    });
  };

  for (const seg of iterateSegments(input)) {
    segments++;
    lastLine = seg.line;
    const matched: number[] = [];
    for (const { set, offset } of lib.sets) {
      for (const i of set.match(seg.text)) matched.push(offset + i);
    }
    if (matched.length === 0) continue;
    const absorbed = absorbedCategories(matched.map((i) => patterns[i].category));
    for (const [by, rule] of Object.entries(FOLLOWING_LINES_ABSORB) as [
      Category,
      { absorbs: Category[]; lines: number },
    ][]) {
      const at = lastSeen.get(by);
      if (at !== undefined && seg.line - at <= rule.lines) for (const a of rule.absorbs) absorbed.add(a);
    }
    for (const idx of matched)
      if (!absorbed.has(patterns[idx].category)) lastSeen.set(patterns[idx].category, seg.line);
    for (const idx of matched) {
      if (absorbed.has(patterns[idx].category)) continue;
      if (patterns[idx].context) {
        if (pending.length < MAX_PENDING_CONTEXT_HITS) pending.push({ idx, seg });
        continue;
      }
      record(idx, seg);
    }
  }
  // Only inputs with a context-bound hit pay for the context scan.
  const needed = new Set(pending.map((p) => patterns[p.idx].context as PatternContext));
  const present = contextsIn(input, needed);
  for (const p of pending) if (present.has(patterns[p.idx].context as PatternContext)) record(p.idx, p.seg);

  const ranked = [...evidence.values()].sort(compareEvidence);
  const winner = ranked[0];
  const category: Category = winner?.category ?? "other";
  const severity: Severity = winner?.maxSeverity ?? "low";
  const order = new Map(ranked.map((e, i) => [e.category, i]));
  hits.sort((a, b) => (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0) || a.line - b.line);
  return {
    category,
    severity,
    classifications: hits.slice(0, maxClassifications),
    categories: ranked.map((e) => e.category),
    stats: { bytes: Buffer.byteLength(input, "utf8"), lines: lastLine, segments, hits: totalHits },
  };
}

/** Which of the wanted contexts some segment of the input shows (one linear pass, stops early). */
function contextsIn(input: string, wanted: Set<PatternContext>): Set<PatternContext> {
  const found = new Set<PatternContext>();
  if (wanted.size === 0) return found;
  for (const seg of iterateSegments(input)) {
    for (const c of wanted) if (!found.has(c) && contextRegex(c).test(seg.text)) found.add(c);
    if (found.size === wanted.size) break;
  }
  return found;
}

function absorbedCategories(categories: Category[]): Set<Category> {
  const absorbed = new Set<Category>();
  for (const c of categories) for (const a of SAME_LINE_ABSORBS[c] ?? []) absorbed.add(a);
  return absorbed;
}

function noteEvidence(evidence: Map<Category, CategoryEvidence>, pattern: LogPattern, line: number): void {
  const current = evidence.get(pattern.category);
  if (!current) {
    evidence.set(pattern.category, {
      category: pattern.category,
      firstLine: line,
      count: 1,
      maxSeverity: pattern.severity,
    });
    return;
  }
  current.count++;
  // Context-bound hits are recorded after the scan, so an earlier line can arrive late.
  current.firstLine = Math.min(current.firstLine, line);
  if (SEVERITY_WEIGHT[pattern.severity] > SEVERITY_WEIGHT[current.maxSeverity]) {
    current.maxSeverity = pattern.severity;
  }
}

/** Precedence: causal rank, then severity, then the earliest occurrence. */
function compareEvidence(a: CategoryEvidence, b: CategoryEvidence): number {
  return (
    CATEGORY_RANK[b.category] - CATEGORY_RANK[a.category] ||
    SEVERITY_WEIGHT[b.maxSeverity] - SEVERITY_WEIGHT[a.maxSeverity] ||
    a.firstLine - b.firstLine
  );
}

function excerptAround(text: string, re: RE2JS): string {
  const trimmed = text.trim();
  if (trimmed.length <= EXCERPT_CHARS) return sanitize(trimmed);
  const match = re.exec(text) as (string[] & { index?: number }) | null;
  const at = match?.index ?? 0;
  const start = Math.max(0, Math.min(at - 60, text.length - EXCERPT_CHARS));
  return sanitize(text.slice(start, start + EXCERPT_CHARS).trim());
}

// Control characters from binary input would corrupt JSON consumers' terminals.
function sanitize(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    out += (code < 0x20 && ch !== "\t") || code === 0x7f ? "\uFFFD" : ch;
  }
  return out;
}
