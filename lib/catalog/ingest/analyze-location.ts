import type { CatalogDb } from "../db/sql-client";
import type { Entity } from "../model/types";
import { normalizeLocation, parseLocationKey } from "./location-target";
import { findLocation } from "./locations";
import { readLocationTree } from "./read-location-tree";
import type { CatalogReader } from "./reader";
import type { IngestProblem, LocationSpec } from "./types";

/** Backstage's AnalyzeLocationResponse, plus the problems found (Portico extension). */
export interface AnalyzeLocationResult {
  existingEntityFiles: Array<{ location: LocationSpec; isRegistered: boolean; entity: Entity }>;
  generateEntities: [];
  errors: IngestProblem[];
}

/** Parse + validate + preview a location without writing anything. */
export async function analyzeLocation(
  db: CatalogDb,
  input: { type?: string; target: string },
  options: { reader: CatalogReader; maxFiles?: number },
): Promise<AnalyzeLocationResult> {
  const spec = normalizeLocation(input.type, input.target);
  const [tree, registered] = await Promise.all([
    readLocationTree(spec, { reader: options.reader, maxFiles: options.maxFiles }),
    findLocation(db, spec),
  ]);
  const refs = tree.entities.map((e) => e.ref);
  const stored = refs.length
    ? await db.$queryRawUnsafe<Array<{ ref: string }>>(
        `SELECT ref FROM catalog_entities WHERE ref = ANY($1::text[])`,
        refs,
      )
    : [];
  const known = new Set(stored.map((r) => r.ref));
  return {
    existingEntityFiles: tree.entities.map((e) => ({
      location: parseLocationKey(e.file),
      isRegistered: Boolean(registered) || known.has(e.ref),
      entity: e.entity,
    })),
    generateEntities: [],
    errors: tree.problems,
  };
}
