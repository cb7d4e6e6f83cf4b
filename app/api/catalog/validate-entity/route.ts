import { validateEntityBody } from "@/lib/catalog/api/body-schemas";
import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { validateEntityResponse } from "@/lib/catalog/validation/validate-response";
import { parseJsonBody } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Backstage's POST /validate-entity: 200 when valid; 400 `{ errors: [{ name, message, path }] }`
 * when the entity is invalid (catalog-client reads `errors` from that 400). A malformed
 * request body is a regular 400 error envelope instead.
 */
export const POST = catalogRoute("catalog.validate-entity", { scope: "catalog:read" }, async ({ req }) => {
  const { entity } = await parseJsonBody(req, validateEntityBody, 1024 * 1024);
  const result = validateEntityResponse(entity);
  if (result.valid) return {};
  return Response.json({ errors: result.errors }, { status: 400 });
});
