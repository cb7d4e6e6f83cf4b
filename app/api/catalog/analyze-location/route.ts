import { analyzeLocationBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { analyzeLocationRequest } from "@/lib/catalog/service/location-service";
import { parseJsonBody } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Backstage's POST /analyze-location: `{ existingEntityFiles, generateEntities }` (+ `errors`). */
export const POST = catalogRoute("catalog.analyze-location", { scope: "catalog:write" }, async ({ req }) => {
  const body = await parseJsonBody(req, analyzeLocationBody, 64 * 1024);
  return analyzeLocationRequest(catalogDeps(), body);
});
