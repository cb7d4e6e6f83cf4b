import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  DEFAULT_NAMESPACE,
} from "../model/constants";
import { stringifyEntityRef } from "../model/entity-ref";
import type { Entity } from "../model/types";
import { validateEntity } from "../validation/validate-entity";
import { IngestError } from "./ingest-error";
import { locationKey, resolveRelative, sourceLocationOf } from "./location-target";
import { parseCatalogYaml } from "./parse-yaml";
import { resolvePlaceholders } from "./placeholders";
import type { CatalogReader } from "./reader";
import { lintTemplateDocument } from "./template-lint";
import {
  budgetedReader,
  DEFAULT_TREE_LIMITS,
  TreeBudget,
  TreeLimitError,
  type TreeLimits,
} from "./tree-budget";
import type { IngestProblem, LocationSpec, LocationTree } from "./types";

export interface ReadTreeOptions {
  reader: CatalogReader;
  /** Location key recorded as managed-by-origin-location; defaults to the root's own key. */
  originKey?: string;
  /** Upper bound on files per tree so a fan-out of Locations cannot run forever. */
  maxFiles?: number;
  /** Defaults to the reader's configured limits, then DEFAULT_TREE_LIMITS. */
  limits?: TreeLimits;
}

/** Best-effort ref of an invalid document, so its previously stored version is not orphaned. */
function refOfRaw(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const r = raw as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof r.kind !== "string" || typeof r.metadata?.name !== "string") return undefined;
  const namespace = typeof r.metadata.namespace === "string" ? r.metadata.namespace : DEFAULT_NAMESPACE;
  return stringifyEntityRef({ kind: r.kind, namespace, name: r.metadata.name });
}

function locationTargets(entity: Entity): string[] {
  const spec = (entity.spec ?? {}) as { target?: string; targets?: string[] };
  return [...(spec.target ? [spec.target] : []), ...(spec.targets ?? [])];
}

/**
 * Reads a location and every Location it (transitively) references, validating each document.
 * Nothing here writes to the database: analyze and refresh share it.
 */
export async function readLocationTree(root: LocationSpec, options: ReadTreeOptions): Promise<LocationTree> {
  const originKey = options.originKey ?? locationKey(root);
  const maxFiles = options.maxFiles ?? 1000;
  const tree: LocationTree = { entities: [], problems: [], filesRead: [], filesFailed: [], invalidRefs: [] };
  const visited = new Set<string>();
  const refs = new Map<string, string>();
  const problem = (p: IngestProblem) => tree.problems.push(p);
  const budget = new TreeBudget(options.limits ?? options.reader.limits ?? DEFAULT_TREE_LIMITS);
  const reader = budgetedReader(options.reader, budget);

  async function visit(spec: LocationSpec, ancestors: string[]): Promise<void> {
    const key = locationKey(spec);
    if (ancestors.includes(key)) {
      problem({
        code: "LOCATION_CYCLE",
        file: ancestors[ancestors.length - 1],
        message: `Location cycle detected: ${[...ancestors, key].join(" -> ")}`,
      });
      return;
    }
    if (visited.has(key)) return;
    if (visited.size >= maxFiles) {
      problem({ code: "READ_FAILED", file: key, message: `More than ${maxFiles} files under one location` });
      tree.filesFailed.push(key);
      return;
    }
    visited.add(key);

    let docs: ReturnType<typeof parseCatalogYaml>;
    let text: string;
    try {
      text = await reader.read(spec);
      docs = parseCatalogYaml(text);
    } catch (error) {
      if (error instanceof TreeLimitError) throw error;
      const e =
        error instanceof IngestError ? error : new IngestError("READ_FAILED", (error as Error).message);
      problem({
        code: e.code,
        file: key,
        message: e.message,
        line: e.details.line,
        column: e.details.column,
      });
      tree.filesFailed.push(key);
      return;
    }
    tree.filesRead.push(key);

    for (const { documentIndex, value: raw } of docs) {
      const rawRef = refOfRaw(raw);
      const resolved = await resolvePlaceholders(raw, spec, reader, budget);
      for (const p of resolved.problems) {
        problem({
          code: "PLACEHOLDER",
          file: key,
          documentIndex,
          path: p.path,
          message: p.message,
          entityRef: rawRef,
        });
      }
      const { entity, violations } = validateEntity(resolved.value, { documentIndex, file: key });
      for (const v of violations) {
        problem({
          code: "VALIDATION",
          file: key,
          documentIndex,
          path: v.path,
          message: v.message,
          entityRef: rawRef,
        });
      }
      if (!entity || resolved.problems.length > 0) {
        if (rawRef) tree.invalidRefs.push(rawRef);
        continue;
      }
      const ref = stringifyEntityRef(entity);
      const firstFile = refs.get(ref);
      if (firstFile) {
        problem({
          code: "DUPLICATE",
          file: key,
          documentIndex,
          entityRef: ref,
          message: `Entity ${ref} is already defined in ${firstFile}; this definition is ignored`,
        });
        continue;
      }
      budget.addEntity();
      refs.set(ref, key);
      entity.metadata.annotations = {
        [ANNOTATION_SOURCE_LOCATION]: sourceLocationOf(spec),
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: key,
        [ANNOTATION_ORIGIN_LOCATION]: originKey,
      };
      tree.entities.push({ entity, ref, file: key, documentIndex });
      for (const p of await lintTemplateDocument(entity, { spec, text, documentIndex, ref })) problem(p);

      if (entity.kind === "Location") {
        const type = (entity.spec as { type?: string }).type;
        for (const target of locationTargets(entity)) {
          let child: LocationSpec;
          try {
            child = resolveRelative(spec, target, type);
          } catch (error) {
            problem({
              code: "READ_FAILED",
              file: key,
              documentIndex,
              path: "spec.target",
              message: (error as Error).message,
            });
            continue;
          }
          await visit(child, [...ancestors, key]);
        }
      }
    }
  }

  try {
    await visit(root, []);
  } catch (error) {
    if (!(error instanceof TreeLimitError)) throw error;
    // Partial trees are never applied: the entities past the limit would otherwise be orphaned.
    tree.aborted = { code: error.code, file: locationKey(root), message: error.message };
    tree.entities = [];
    tree.problems.push(tree.aborted);
  }
  return tree;
}
