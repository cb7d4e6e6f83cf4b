-- Covering index for the catalog table (listEntities): every filter column in the order the UI
-- narrows by, plus tags and name, so totals and facet counts are index-only scans of a ~13 MB
-- index instead of reading the wide heap. Rows carry the entity JSON inline because Postgres
-- only TOASTs rows over about 2 kB, whatever toast_tuple_target says. Index-only scans need the
-- visibility map, which refreshes maintain with VACUUM (ANALYZE) after large writes.
CREATE INDEX "catalog_entities_list_idx" ON "catalog_entities" ("orphan", "kind", "type", "lifecycle", "namespace", "owner") INCLUDE ("tags", "name");

-- Low-cardinality single-column indexes that the list index now serves, dropped so that
-- imports maintain fewer indexes.
DROP INDEX IF EXISTS "catalog_entities_lifecycle_idx";
DROP INDEX IF EXISTS "catalog_entities_namespace_idx";
