import { catalogRoute } from "@/lib/catalog/api/catalog-route";
import { entityNameParams } from "@/lib/catalog/api/query-schemas";
import { entityJsonByName } from "@/lib/catalog/queries/get-entity";
import { getDb } from "@/lib/db/client";
import { notFound, parsePathParams } from "@/lib/http";

export const dynamic = "force-dynamic";

type Params = { kind: string; namespace: string; name: string };

// The body is the entity JSON as the database prints it (lib/catalog/queries/get-entity.ts).
export const GET = catalogRoute<Params>(
  "catalog.entities.by-name",
  { scope: "catalog:read" },
  async ({ params }) => {
    const name = parsePathParams(params, entityNameParams);
    const body = await entityJsonByName(getDb(), name);
    if (!body) {
      throw notFound(
        `No entity named '${name.name}' found, with kind '${name.kind}' in namespace '${name.namespace}'`,
      );
    }
    return new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { "Content-Type": "application/json" },
    });
  },
);
