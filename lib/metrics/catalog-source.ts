import type { Db } from "@/lib/db/client";
import type { GaugeSource } from "./sources";

/** Entity counts by kind, read from Postgres so every replica reports the same catalog. */
export function catalogEntitiesSource(getDb: () => Db): GaugeSource {
  return {
    name: "portico_catalog_entities",
    help: "Catalog entities stored, by kind",
    labelNames: ["kind"],
    async collect() {
      const rows = await getDb().$queryRaw<{ kind: string; n: number }[]>`
        SELECT kind, count(*)::int AS n FROM catalog_entities GROUP BY kind`;
      return rows.map((r) => ({ labels: { kind: r.kind }, value: Number(r.n) }));
    },
  };
}
