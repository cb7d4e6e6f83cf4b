import { z } from "zod";
import { searchEntitiesForUi } from "@/lib/catalog/ui/search-entities";
import type { SearchResponse } from "@/lib/catalog/ui/search-types";
import { getDb } from "@/lib/db/client";
import { parseQuery, withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** Entity search for the ⌘K dialog (lib/catalog/ui/search-entities). */
export const GET = withRoute(
  "catalog-ui.search",
  { scope: "catalog:read" },
  async ({ req }): Promise<SearchResponse> => searchEntitiesForUi(getDb(), parseQuery(req.url, querySchema)),
);
