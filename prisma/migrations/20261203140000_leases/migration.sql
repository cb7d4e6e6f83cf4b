-- Named leases held by one replica at a time (lib/db/lease.ts): the catalog refresh
-- scheduler runs only on the replica holding "catalog-refresh-scheduler". A holder renews
-- its lease well before expires_at; when it dies, another replica takes it once it expired.
CREATE TABLE "app_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_leases_pkey" PRIMARY KEY ("name")
);
