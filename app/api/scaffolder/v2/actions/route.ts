import { withRoute } from "@/lib/http";
import { describeActions } from "@/lib/scaffolder/api/handlers";
import { scaffolderRegistry } from "@/lib/scaffolder/service";

export const dynamic = "force-dynamic";

/** Backstage's GET /v2/actions: every installed action with JSON-Schema input/output and examples. */
export const GET = withRoute("scaffolder.actions", { scope: "catalog:read" }, () =>
  Response.json(describeActions(scaffolderRegistry())),
);
