-- Pasted YAML (register page/API) is durable data: it lives here, keyed by the location
-- target it is registered under, so any replica can refresh it and a rebuild cannot delete it.
CREATE TABLE "catalog_pasted_documents" (
    "target" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_pasted_documents_pkey" PRIMARY KEY ("target")
);
