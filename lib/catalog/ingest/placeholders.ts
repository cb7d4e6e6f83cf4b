import { parse as parseYaml } from "yaml";
import { setOwn } from "../model/safe-keys";
import { IngestError } from "./ingest-error";
import { resolveRelative } from "./location-target";
import type { CatalogReader } from "./reader";
import { type TreeBudget, TreeLimitError } from "./tree-budget";
import type { LocationSpec } from "./types";

const KEYS = ["$text", "$json", "$yaml"] as const;
type PlaceholderKey = (typeof KEYS)[number];

export interface PlaceholderProblem {
  path: string;
  message: string;
}

function placeholderOf(value: unknown): { key: PlaceholderKey; target: unknown } | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const key = keys.find((k): k is PlaceholderKey => (KEYS as readonly string[]).includes(k));
  if (!key) return undefined;
  return { key, target: keys.length === 1 ? (value as Record<string, unknown>)[key] : Symbol.for("invalid") };
}

/** Synchronous scan: almost no document has placeholders, and the async walk below copies everything. */
function hasPlaceholder(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  if (Array.isArray(node)) return node.some(hasPlaceholder);
  for (const key of Object.keys(node)) {
    if (key === "$text" || key === "$json" || key === "$yaml") return true;
    if (hasPlaceholder((node as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/**
 * Replaces `{ $text | $json | $yaml: <target> }` objects with the referenced content, resolved
 * relative to the file that holds them (Backstage's PlaceholderProcessor semantics).
 */
export async function resolvePlaceholders(
  value: unknown,
  base: LocationSpec,
  reader: CatalogReader,
  budget?: TreeBudget,
): Promise<{ value: unknown; problems: PlaceholderProblem[] }> {
  const problems: PlaceholderProblem[] = [];
  if (!hasPlaceholder(value)) return { value, problems };

  async function walk(node: unknown, path: string): Promise<unknown> {
    const placeholder = placeholderOf(node);
    if (placeholder) {
      if (typeof placeholder.target !== "string" || placeholder.target.length === 0) {
        problems.push({
          path,
          message: `Placeholder ${placeholder.key} must be the only key and have a non-empty string value`,
        });
        return node;
      }
      budget?.addPlaceholder();
      try {
        const spec = resolveRelative(base, placeholder.target);
        const text = await reader.read(spec);
        if (placeholder.key === "$text") return text;
        if (placeholder.key === "$json") return JSON.parse(text);
        return parseYaml(text);
      } catch (error) {
        if (error instanceof TreeLimitError) throw error;
        const reason =
          error instanceof IngestError ? `${error.code}: ${error.message}` : (error as Error).message;
        problems.push({
          path,
          message: `Placeholder ${placeholder.key} "${placeholder.target}" could not be resolved: ${reason}`,
        });
        return node;
      }
    }
    if (Array.isArray(node))
      return Promise.all(node.map((item, i) => walk(item, path ? `${path}.${i}` : String(i))));
    if (typeof node === "object" && node !== null) {
      const out: Record<string, unknown> = {};
      // setOwn: a `__proto__` key must stay a key (validation then rejects it), not become the prototype.
      for (const [k, v] of Object.entries(node)) setOwn(out, k, await walk(v, path ? `${path}.${k}` : k));
      return out;
    }
    return node;
  }

  return { value: await walk(value, ""), problems };
}
