-- Facet counts and total of the unfiltered catalog table (non-orphan entities), recomputed by
-- each refresh that writes. The row with facet '' holds the total and marks the cache valid.
CREATE TABLE "catalog_list_cache" (
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "catalog_list_cache_pkey" PRIMARY KEY ("facet", "value")
);
