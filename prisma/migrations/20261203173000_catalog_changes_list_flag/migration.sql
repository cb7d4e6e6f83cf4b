-- Most catalog writes touch nothing the list index holds except the update time: a refresh
-- that changes an annotation, a description, links or relations rewrites the row. Those rows
-- are now logged with list_change = false, and a reader patches only their update time
-- (lib/catalog/list-index/apply-touches.ts) however many there are, instead of re-reading the
-- rows or, past a fifth of the catalog, rebuilding the whole index. The compared columns are
-- what the index reads (load-list-index.ts ROW_COLUMNS_SQL and field-text.ts TEXT_FIELDS);
-- a change to either needs this function changed with it (field-text.test.ts pins the list).
ALTER TABLE "catalog_changes" ADD COLUMN "list_change" BOOLEAN NOT NULL DEFAULT true;

CREATE OR REPLACE FUNCTION "catalog_log_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
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
