-- Which entities each revision changed, so an in-process list index (lib/catalog/list-index)
-- labelled with an older revision can re-read only those rows instead of every entity.
-- The log holds every change with revision > catalog_state.changes_from; a reader labelled
-- older than that rebuilds in full. No "deleted" flag: a reader re-reads the logged ids and an
-- id without a row is gone, so the log only has to name ids, not describe the change.
CREATE TABLE "catalog_changes" (
    "revision" BIGINT NOT NULL,
    "entity_id" UUID NOT NULL,
    -- false: only columns the list index does not read changed, besides updated_at (see below).
    "list_change" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "catalog_changes_pkey" PRIMARY KEY ("revision", "entity_id")
);

ALTER TABLE "catalog_state"
    ADD COLUMN "changes_from" BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN "change_rows" BIGINT NOT NULL DEFAULT 0;
-- Nothing before this migration is logged.
UPDATE "catalog_state" SET "changes_from" = "revision" WHERE "id" = 1;

-- Statement triggers with transition tables: one INSERT … SELECT per statement rather than one
-- per row, so a 100k-entity import pays one bulk insert. They run after the row trigger of
-- migration catalog_revision bumped the revision, and this transaction holds catalog_state's
-- row lock, so the revision read here is this transaction's. The log is capped at 100k rows:
-- past that the oldest revisions are dropped until at most 50k rows remain (a reader that far
-- behind would rebuild in full anyway: a delta over a fifth of the catalog is not applied).
-- Most catalog writes touch nothing the list index holds except the update time: a refresh
-- that changes an annotation, a description, links or relations rewrites the row. Those rows
-- are logged with list_change = false, and a reader patches only their update time
-- (lib/catalog/list-index/apply-touches.ts) however many there are, instead of re-reading the
-- rows or, past a fifth of the catalog, rebuilding the whole index. The compared columns are
-- what the index reads (load-list-index.ts ROW_COLUMNS_SQL and field-text.ts TEXT_FIELDS);
-- a change to either needs this function changed with it (field-text.test.ts pins the list).
CREATE FUNCTION "catalog_log_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rev BIGINT;
  added BIGINT;
  total BIGINT;
  horizon BIGINT;
BEGIN
  SELECT "revision" INTO rev FROM "catalog_state" WHERE "id" = 1;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "catalog_changes" ("revision", "entity_id")
      SELECT DISTINCT rev, "id" FROM new_rows ON CONFLICT ("revision", "entity_id") DO UPDATE SET "list_change" = true;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "catalog_changes" ("revision", "entity_id", "list_change")
      SELECT rev, coalesce(n."id", o."id"),
        n."id" IS NULL OR o."id" IS NULL OR
        (o."ref", o."kind", o."namespace", o."name", o."title", o."type", o."lifecycle", o."owner", o."tags",
         o."orphan", o."search_text", o."entity" #> '{spec,profile}', o."entity" #> '{spec,target}',
         o."entity" #> '{spec,targets}')
        IS DISTINCT FROM
        (n."ref", n."kind", n."namespace", n."name", n."title", n."type", n."lifecycle", n."owner", n."tags",
         n."orphan", n."search_text", n."entity" #> '{spec,profile}', n."entity" #> '{spec,target}',
         n."entity" #> '{spec,targets}')
      FROM new_rows n FULL JOIN old_rows o ON o."id" = n."id"
      ON CONFLICT ("revision", "entity_id")
        DO UPDATE SET "list_change" = "catalog_changes"."list_change" OR excluded."list_change";
  ELSE
    INSERT INTO "catalog_changes" ("revision", "entity_id")
      SELECT DISTINCT rev, "id" FROM old_rows ON CONFLICT ("revision", "entity_id") DO UPDATE SET "list_change" = true;
  END IF;
  GET DIAGNOSTICS added = ROW_COUNT;
  IF added = 0 THEN
    RETURN NULL;
  END IF;
  UPDATE "catalog_state" SET "change_rows" = "change_rows" + added WHERE "id" = 1
    RETURNING "change_rows" INTO total;
  IF total > 100000 THEN
    -- The newest revision whose rows and all newer ones exceed 50k: it and older ones go.
    SELECT max(g."revision") INTO horizon FROM (
      SELECT "revision", sum(n) OVER (ORDER BY "revision" DESC) AS newer
      FROM (SELECT "revision", count(*) AS n FROM "catalog_changes" GROUP BY "revision") c
    ) g WHERE g.newer > 50000;
    DELETE FROM "catalog_changes" WHERE "revision" <= horizon;
    UPDATE "catalog_state" SET "changes_from" = greatest("changes_from", horizon),
      "change_rows" = (SELECT count(*) FROM "catalog_changes") WHERE "id" = 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "catalog_entities_changes_insert"
  AFTER INSERT ON "catalog_entities" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_log_changes"();
CREATE TRIGGER "catalog_entities_changes_update"
  AFTER UPDATE ON "catalog_entities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_log_changes"();
CREATE TRIGGER "catalog_entities_changes_delete"
  AFTER DELETE ON "catalog_entities" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "catalog_log_changes"();

-- A truncate names no rows: the log restarts at the revision it produced.
CREATE OR REPLACE FUNCTION "catalog_bump_revision_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalog_state" SET "revision" = "revision" + 1 WHERE "id" = 1;
  DELETE FROM "catalog_changes";
  UPDATE "catalog_state" SET "changes_from" = "revision", "change_rows" = 0 WHERE "id" = 1;
  RETURN NULL;
END
$$;
