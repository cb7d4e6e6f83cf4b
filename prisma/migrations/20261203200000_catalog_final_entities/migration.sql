-- Each entity's response body, stored: the entity as written plus its relations in both
-- directions (Backstage's "final entity", kept current at write time like its stitcher), so
-- by-name and the unpaged list send stored bytes instead of assembling relations and
-- re-serialising per request. `body` is compact JSON: the entity as PostgreSQL prints it
-- (`entity::text`, jsonb key order) with the whitespace outside strings removed and
-- `"relations":[...]` as the last key: the value of the entity read from the jsonb column with
-- its relations appended, in the bytes JSON.stringify prints for it, except numbers PostgreSQL
-- prints as stored (1.0, 1e100 in full) and integer-like keys it orders as text (the integration
-- test catalog-final-entities compares the two for every entity after every kind of write).
-- Writes that bypass triggers (session_replication_role = replica, pg_restore
-- --disable-triggers) leave bodies stale: queue every ref and run catalog_stitch_pending_refs(),
-- as the end of this migration does.
CREATE TABLE "catalog_final_entities" (
    "ref" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "catalog_final_entities_pkey" PRIMARY KEY ("ref")
);

-- Refs whose body must be rebuilt before this transaction commits. Rows live only inside
-- a writing transaction: the commit-time stitch deletes them, so other transactions never
-- see any (writers hold the catalog write lock, lib/catalog/db/write-lock.ts).
CREATE TABLE "catalog_stitch_pending" (
    "ref" TEXT NOT NULL,

    CONSTRAINT "catalog_stitch_pending_pkey" PRIMARY KEY ("ref")
);

-- One row per writing transaction, carrying the deferred trigger that stitches at commit:
-- a statement that writes 2,000 entities and the next one that replaces their relations are
-- stitched once, at the end, and a group that owns a thousand components written in fifty
-- batches is rebuilt once, not fifty times.
CREATE TABLE "catalog_stitch_requests" (
    "txid" BIGINT NOT NULL,

    CONSTRAINT "catalog_stitch_requests_pkey" PRIMARY KEY ("txid")
);

-- The relation rows of the pending refs in both directions. Relations are stored once, in the
-- stated direction; the inverse is derived here exactly as lib/catalog/queries/relations-sql.ts
-- derives it on read (the pairs of lib/catalog/model/relations.ts RELATION_PAIRS; the
-- catalog-final-entities integration test compares the two for every pair).
CREATE FUNCTION "catalog_inverse_relation"(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE t
    WHEN 'ownedBy' THEN 'ownerOf' WHEN 'ownerOf' THEN 'ownedBy'
    WHEN 'providesApi' THEN 'apiProvidedBy' WHEN 'apiProvidedBy' THEN 'providesApi'
    WHEN 'consumesApi' THEN 'apiConsumedBy' WHEN 'apiConsumedBy' THEN 'consumesApi'
    WHEN 'dependsOn' THEN 'dependencyOf' WHEN 'dependencyOf' THEN 'dependsOn'
    WHEN 'partOf' THEN 'hasPart' WHEN 'hasPart' THEN 'partOf'
    WHEN 'parentOf' THEN 'childOf' WHEN 'childOf' THEN 'parentOf'
    WHEN 'memberOf' THEN 'hasMember' WHEN 'hasMember' THEN 'memberOf'
  END
$$;

-- The body of each entity among `refs` (a subquery yielding refs), with
-- the whitespace between tokens of `entity::text` removed: a JSON string is copied whole (first
-- branch), whitespace outside strings is dropped. Shared by both plans below.
CREATE FUNCTION "catalog_stitch_sql"(refs TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $f$
  SELECT format($q$
  INSERT INTO "catalog_final_entities" ("ref", "body")
  SELECT e."ref",
    left(regexp_replace(e."entity"::text, '("(?:[^"\\]|\\.)*")|[ \n\r\t]+', '\1', 'g'), -1)
      || ',"relations":[' || coalesce(rl.list, '') || ']}'
  FROM "catalog_entities" e
  LEFT JOIN (
    SELECT x.source_ref,
      string_agg('{"type":' || to_json(x.type)::text || ',"targetRef":' || to_json(x.target_ref)::text || '}', ','
        ORDER BY x.type, x.target_ref) AS list
    FROM (
      SELECT r."source_ref", r."type", r."target_ref" FROM "catalog_relations" r WHERE r."source_ref" IN (%1$s)
      UNION
      SELECT r."target_ref", "catalog_inverse_relation"(r."type"), r."source_ref" FROM "catalog_relations" r
        WHERE r."target_ref" IN (%1$s) AND "catalog_inverse_relation"(r."type") IS NOT NULL
    ) x
    GROUP BY x.source_ref
  ) rl ON rl.source_ref = e."ref"
  WHERE e."ref" IN (%1$s)
  ON CONFLICT ("ref") DO UPDATE SET "body" = excluded."body"$q$, refs)
$f$;

-- Rebuilds the bodies of every pending ref (and drops those whose entity is gone), then
-- empties the queue. The queue holds one ref after a single edit and 100k after an import, and
-- the right plans differ (index lookups vs hash joins), while its statistics say nothing useful
-- (it is empty outside writing transactions). So a few hundred refs go in as an array, which the
-- planner sizes exactly and answers with index lookups, and larger sets are joined as a table.
CREATE FUNCTION "catalog_stitch_pending_refs"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  refs TEXT[];
BEGIN
  SELECT array_agg("ref") INTO refs FROM (SELECT "ref" FROM "catalog_stitch_pending" LIMIT 501) p;
  IF refs IS NULL THEN
    RETURN;
  END IF;
  IF cardinality(refs) <= 500 THEN
    DELETE FROM "catalog_final_entities" f
      WHERE f."ref" = ANY(refs) AND NOT EXISTS (SELECT 1 FROM "catalog_entities" e WHERE e."ref" = f."ref");
    EXECUTE "catalog_stitch_sql"('SELECT unnest($1::text[])') USING refs;
  ELSE
    DELETE FROM "catalog_final_entities" f USING "catalog_stitch_pending" p
      WHERE f."ref" = p."ref" AND NOT EXISTS (SELECT 1 FROM "catalog_entities" e WHERE e."ref" = p."ref");
    EXECUTE "catalog_stitch_sql"('SELECT "ref" FROM "catalog_stitch_pending"');
  END IF;
  DELETE FROM "catalog_stitch_pending";
END
$$;

-- Deferred to commit: runs once per writing transaction (see catalog_stitch_requests).
CREATE FUNCTION "catalog_stitch_at_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "catalog_stitch_requests" WHERE "txid" = NEW."txid";
  PERFORM "catalog_stitch_pending_refs"();
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "catalog_stitch_requests_commit"
  AFTER INSERT ON "catalog_stitch_requests" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "catalog_stitch_at_commit"();

-- Statement triggers with transition tables (one INSERT … SELECT per statement): an entity
-- written or deleted is pending; a relation added or removed makes both of its ends pending
-- (the source shows it, the target shows its inverse).
CREATE FUNCTION "catalog_queue_stitch"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  queued BIGINT := 0;
  n BIGINT;
BEGIN
  IF TG_TABLE_NAME = 'catalog_entities' THEN
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO "catalog_stitch_pending" ("ref") SELECT DISTINCT "ref" FROM new_rows ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      queued := queued + n;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO "catalog_stitch_pending" ("ref") SELECT DISTINCT "ref" FROM old_rows ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      queued := queued + n;
    END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO "catalog_stitch_pending" ("ref")
        SELECT "source_ref" FROM new_rows UNION SELECT "target_ref" FROM new_rows ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      queued := queued + n;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO "catalog_stitch_pending" ("ref")
        SELECT "source_ref" FROM old_rows UNION SELECT "target_ref" FROM old_rows ON CONFLICT DO NOTHING;
      GET DIAGNOSTICS n = ROW_COUNT;
      queued := queued + n;
    END IF;
  END IF;
  -- Nothing newly queued: either the statement changed no row, or every ref it touched is
  -- already pending, and then this transaction already asked for the stitch.
  IF queued > 0 THEN
    INSERT INTO "catalog_stitch_requests" ("txid") VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "catalog_entities_stitch_insert"
  AFTER INSERT ON "catalog_entities" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();
CREATE TRIGGER "catalog_entities_stitch_update"
  AFTER UPDATE ON "catalog_entities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();
CREATE TRIGGER "catalog_entities_stitch_delete"
  AFTER DELETE ON "catalog_entities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();
CREATE TRIGGER "catalog_relations_stitch_insert"
  AFTER INSERT ON "catalog_relations" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();
CREATE TRIGGER "catalog_relations_stitch_update"
  AFTER UPDATE ON "catalog_relations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();
CREATE TRIGGER "catalog_relations_stitch_delete"
  AFTER DELETE ON "catalog_relations" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_queue_stitch"();

-- Truncates name no rows: emptying the entities empties the bodies; emptying the relations
-- makes every entity pending.
CREATE FUNCTION "catalog_truncate_stitch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'catalog_entities' THEN
    DELETE FROM "catalog_final_entities";
  ELSE
    INSERT INTO "catalog_stitch_pending" ("ref") SELECT "ref" FROM "catalog_entities" ON CONFLICT DO NOTHING;
    INSERT INTO "catalog_stitch_requests" ("txid") VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "catalog_entities_stitch_truncate"
  AFTER TRUNCATE ON "catalog_entities"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_truncate_stitch"();
CREATE TRIGGER "catalog_relations_stitch_truncate"
  AFTER TRUNCATE ON "catalog_relations"
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_truncate_stitch"();

-- Every entity stored before this migration.
INSERT INTO "catalog_stitch_pending" ("ref") SELECT "ref" FROM "catalog_entities";
SELECT "catalog_stitch_pending_refs"();
