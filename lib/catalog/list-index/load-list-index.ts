import { LIST_FACETS, type ListFacet } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { buildListIndex, type ListIndex, type ListIndexSourceRow } from "./list-index";

/** The catalog's current revision (advanced by triggers on every committed entity change). */
export async function readCatalogRevision(db: SqlExecutor): Promise<string | undefined> {
  const rows = await db.$queryRawUnsafe<Array<{ revision: string }>>(
    "SELECT revision::text AS revision FROM catalog_state WHERE id = 1",
  );
  return rows[0]?.revision;
}

function dictionarySql(facet: ListFacet): string {
  const column = facet === "tags" ? "t" : `e.${facet}`;
  const from = facet === "tags" ? "catalog_entities e, unnest(e.tags) t" : "catalog_entities e";
  return `SELECT DISTINCT ${column} AS v FROM ${from} WHERE ${column} IS NOT NULL ORDER BY 1`;
}

/**
 * Reads the narrow columns of every entity and builds the index. The revision is read first:
 * rows written after it can only make the copy newer than its label, and a copy is used only
 * while its label is the current revision, so it is never older than what it claims.
 */
export async function loadListIndex(db: SqlExecutor): Promise<ListIndex | undefined> {
  const revision = await readCatalogRevision(db);
  if (revision === undefined) return undefined;
  const [rows, ...dictionaries] = await Promise.all([
    db.$queryRawUnsafe<ListIndexSourceRow[]>(
      `SELECT e.id::text AS id, e.kind, e.type, e.owner, e.lifecycle, e.namespace, e.tags, e.orphan,
         (extract(epoch FROM e.updated_at) * 1000)::float8 AS updated,
         (dense_rank() OVER (ORDER BY e.name))::int AS "nameRank",
         coalesce(tsvector_to_array(e.search_vector), '{}') AS lexemes
       FROM catalog_entities e ORDER BY e.ref`,
    ),
    ...LIST_FACETS.map((f) =>
      db.$queryRawUnsafe<Array<{ v: string }>>(dictionarySql(f)).then((r) => r.map((x) => x.v)),
    ),
  ]);
  return buildListIndex({
    revision,
    rows,
    dictionaries: Object.fromEntries(LIST_FACETS.map((f, i) => [f, dictionaries[i]])) as Record<
      ListFacet,
      string[]
    >,
  });
}
