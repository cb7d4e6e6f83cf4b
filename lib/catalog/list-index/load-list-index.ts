import { LIST_FACETS, type ListFacet } from "../db/list-cache";
import type { SqlExecutor } from "../db/sql-client";
import { COLUMN_FIELDS, jsonLeavesSql, jsonPathOf } from "../queries/full-text";
import { TEXT_FIELDS } from "./field-text";
import { buildListIndex, type ListIndex, type ListIndexSourceRow } from "./list-index";

/** The catalog's current revision (advanced by triggers on every committed entity change). */
export async function readCatalogRevision(db: SqlExecutor): Promise<string | undefined> {
  const rows = await db.$queryRawUnsafe<Array<{ revision: string }>>(
    "SELECT revision::text AS revision FROM catalog_state WHERE id = 1",
  );
  return rows[0]?.revision;
}

export type SourceTuple = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string,
  string[] | null,
  boolean,
  number,
  number,
  string[],
  ...Array<string[] | null>,
];

/**
 * A TEXT_FIELDS field's values as the SQL path matches them (full-text.ts fieldMatch): the
 * column expression, or the lower-cased scalar leaves at its JSON path.
 */
function textFieldSql(field: string): string {
  const column = COLUMN_FIELDS.get(field.toLowerCase());
  if (column) return `CASE WHEN ${column} IS NULL THEN NULL ELSE ARRAY[${column}] END`;
  const path = `'${jsonPathOf(field).replace(/'/g, "''")}'`;
  return `ARRAY(SELECT lower(v #>> '{}') FROM ${jsonLeavesSql(path)})`;
}

/**
 * The narrow columns of one entity row `e`, as the index holds them (name rank aside: the full
 * load ranks every name, a delta places changed names by their neighbours).
 */
export const ROW_COLUMNS_SQL = `e.id, e.kind, e.type, e.owner, e.lifecycle, e.namespace, e.tags, e.orphan,
  (extract(epoch FROM e.updated_at) * 1000)::float8 AS updated,
  coalesce(tsvector_to_array(e.search_vector), '{}') AS lexemes,
  ${TEXT_FIELDS.map((f, i) => `${textFieldSql(f)} AS t${i}`).join(", ")}`;

/** ROW_COLUMNS_SQL of a subquery `x` (with name_rank) as one JSON array per row, read by sourceRowOf. */
export const ROW_TUPLE_SQL = `x.id, x.kind, x.type, x.owner, x.lifecycle, x.namespace, x.tags, x.orphan,
  x.updated, x.name_rank, x.lexemes, ${TEXT_FIELDS.map((_, i) => `x.t${i}`).join(", ")}`;

export function sourceRowOf(tuple: SourceTuple): ListIndexSourceRow {
  const [id, kind, type, owner, lifecycle, namespace, tags, orphan, updated, nameRank, lexemes, ...texts] =
    tuple;
  return {
    id,
    kind,
    type,
    owner,
    lifecycle,
    namespace,
    tags: tags ?? [],
    orphan,
    updated,
    nameRank,
    lexemes,
    texts,
  };
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
  // One JSON value instead of 100k rows: row-by-row result mapping costs ~4 s at 100k
  // entities, parsing one JSON text ~0.3 s.
  const [json, ...dictionaries] = await Promise.all([
    db.$queryRawUnsafe<Array<{ rows: string | null }>>(
      `SELECT json_agg(json_build_array(${ROW_TUPLE_SQL}) ORDER BY x.ref)::text AS rows
       FROM (SELECT e.ref, ${ROW_COLUMNS_SQL}, dense_rank() OVER (ORDER BY e.name) AS name_rank
         FROM catalog_entities e) x`,
    ),
    ...LIST_FACETS.map((f) =>
      db.$queryRawUnsafe<Array<{ v: string }>>(dictionarySql(f)).then((r) => r.map((x) => x.v)),
    ),
  ]);
  const rows = (JSON.parse(json[0]?.rows ?? "[]") as SourceTuple[]).map(sourceRowOf);
  return buildListIndex({
    revision,
    rows,
    dictionaries: Object.fromEntries(LIST_FACETS.map((f, i) => [f, dictionaries[i]])) as Record<
      ListFacet,
      string[]
    >,
  });
}
