-- CreateTable
CREATE TABLE "catalog_locations" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "entity_ref" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "last_refreshed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalog_locations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_entities" (
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "type" TEXT,
    "lifecycle" TEXT,
    "owner" TEXT,
    "system" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "entity" JSONB NOT NULL,
    "etag" TEXT NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "hash" TEXT NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    "search_vector" tsvector,
    "orphan" BOOLEAN NOT NULL DEFAULT false,
    "location_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_entities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_relations" (
    "id" BIGSERIAL NOT NULL,
    "origin_ref" TEXT NOT NULL,
    "source_ref" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target_ref" TEXT NOT NULL,

    CONSTRAINT "catalog_relations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog_location_errors" (
    "id" BIGSERIAL NOT NULL,
    "location_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "file" TEXT,
    "document_index" INTEGER,
    "path" TEXT,
    "line" INTEGER,
    "column" INTEGER,
    "entity_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_location_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "catalog_locations_type_target_key" ON "catalog_locations"("type", "target");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_entities_ref_key" ON "catalog_entities"("ref");

-- CreateIndex
CREATE INDEX "catalog_entities_kind_namespace_name_idx" ON "catalog_entities"("kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "catalog_entities_kind_type_idx" ON "catalog_entities"("kind", "type");

-- CreateIndex
CREATE INDEX "catalog_entities_owner_idx" ON "catalog_entities"("owner");

-- CreateIndex
CREATE INDEX "catalog_entities_lifecycle_idx" ON "catalog_entities"("lifecycle");

-- CreateIndex
CREATE INDEX "catalog_entities_namespace_idx" ON "catalog_entities"("namespace");

-- CreateIndex
CREATE INDEX "catalog_entities_system_idx" ON "catalog_entities"("system");

-- CreateIndex
CREATE INDEX "catalog_entities_name_idx" ON "catalog_entities"("name");

-- CreateIndex
CREATE INDEX "catalog_entities_location_id_idx" ON "catalog_entities"("location_id");

-- CreateIndex
CREATE INDEX "catalog_entities_tags_idx" ON "catalog_entities" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_relations_origin_ref_source_ref_type_target_ref_key" ON "catalog_relations"("origin_ref", "source_ref", "type", "target_ref");

-- CreateIndex
CREATE INDEX "catalog_relations_source_ref_idx" ON "catalog_relations"("source_ref");

-- CreateIndex
CREATE INDEX "catalog_relations_target_ref_idx" ON "catalog_relations"("target_ref");

-- CreateIndex
CREATE INDEX "catalog_location_errors_location_id_idx" ON "catalog_location_errors"("location_id");

-- AddForeignKey
ALTER TABLE "catalog_entities" ADD CONSTRAINT "catalog_entities_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "catalog_locations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog_location_errors" ADD CONSTRAINT "catalog_location_errors_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "catalog_locations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Generated full-text column (hand-written: Prisma cannot declare generated columns).
ALTER TABLE "catalog_entities" DROP COLUMN "search_vector";
ALTER TABLE "catalog_entities" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_text")) STORED;
CREATE INDEX "catalog_entities_search_vector_idx" ON "catalog_entities" USING GIN ("search_vector");

-- Keep heap rows narrow (entity JSON goes to TOAST) so filtered counts and facet scans read little.
ALTER TABLE "catalog_entities" SET (toast_tuple_target = 256);
