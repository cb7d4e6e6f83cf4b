import { createHash, randomUUID } from "node:crypto";
import { tryCanonicalRef } from "../model/entity-ref";
import type { Entity } from "../model/types";

// Quoted JSON of object keys seen so far: entities repeat the same few dozen keys.
const QUOTED_KEYS = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < 10_000) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}

/**
 * Key-sorted JSON so equal entities hash equally whatever the YAML key order. Hand-rolled
 * (no entries/filter/map arrays): it runs for every entity on every refresh. Keys that are
 * already in order (most YAML) are not sorted again.
 */
export function stableStringify(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Default sort compares UTF-16 code units, the same order as `<` on strings.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  let out = "{";
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${quoteKey(key)}:${stableStringify(v)}`;
    first = false;
  }
  return `${out}}`;
}

export function contentHash(entity: Entity): string {
  const { uid: _uid, etag: _etag, generation: _generation, ...metadata } = entity.metadata;
  const { relations: _relations, ...rest } = entity;
  return createHash("sha1")
    .update(stableStringify({ ...rest, metadata }))
    .digest("hex");
}

export function newEtag(): string {
  return randomUUID().replace(/-/g, "");
}

export interface EntityRow {
  id: string;
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner: string | null;
  system: string | null;
  tags: string[];
  entity: Entity;
  etag: string;
  generation: number;
  hash: string;
  search_text: string;
}

const lower = (v: unknown) => (typeof v === "string" && v.length > 0 ? v.toLowerCase() : null);

/** Words a person might search by; the DB turns this into a tsvector. */
export function searchTextOf(entity: Entity, owner: string | null): string {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const parts = [
    entity.metadata.name,
    entity.metadata.title,
    entity.metadata.description,
    entity.kind,
    spec.type,
    spec.lifecycle,
    owner?.replace(/^[^:]+:[^/]+\//, ""),
    ...(entity.metadata.tags ?? []),
  ];
  return parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .join(" ")
    .toLowerCase()
    .slice(0, 4000);
}

/**
 * Columns are lower-cased copies (Backstage filters case-insensitively); the JSON keeps
 * the entity exactly as written plus uid/etag/generation.
 */
export function toEntityRow(
  entity: Entity,
  ref: string,
  state: { id: string; etag: string; generation: number; hash: string },
): EntityRow {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? "default";
  const owner =
    typeof spec.owner === "string"
      ? (tryCanonicalRef(spec.owner, { defaultKind: "Group", defaultNamespace: namespace }) ?? null)
      : null;
  const system =
    typeof spec.system === "string"
      ? (tryCanonicalRef(spec.system, { defaultKind: "System", defaultNamespace: namespace }) ?? null)
      : null;
  const stored: Entity = {
    ...entity,
    metadata: { ...entity.metadata, uid: state.id, etag: state.etag, generation: state.generation },
  };
  delete stored.relations;
  return {
    id: state.id,
    ref,
    kind: entity.kind.toLowerCase(),
    namespace: namespace.toLowerCase(),
    name: entity.metadata.name.toLowerCase(),
    title: typeof entity.metadata.title === "string" ? entity.metadata.title : null,
    type: lower(spec.type),
    lifecycle: lower(spec.lifecycle),
    owner,
    system,
    tags: (entity.metadata.tags ?? []).map((t) => t.toLowerCase()),
    entity: stored,
    etag: state.etag,
    generation: state.generation,
    hash: state.hash,
    search_text: searchTextOf(entity, owner),
  };
}
