import { clientConfig } from "@/lib/config/client-config";
import { withRoute } from "@/lib/http";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// Built once: the document only changes with the code.
let cached: Record<string, unknown> | undefined;

export const GET = withRoute("openapi", { public: true }, () => {
  cached ??= buildOpenApiDocument({ version: clientConfig.version });
  return Response.json(cached, { headers: { "Cache-Control": "public, max-age=300" } });
});
