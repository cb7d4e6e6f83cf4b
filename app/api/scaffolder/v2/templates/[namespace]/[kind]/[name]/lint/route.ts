import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { scaffolderErrorResponse } from "@/lib/scaffolder/api/handlers";
import { templateParams } from "@/lib/scaffolder/api/schemas";
import { lintCatalogTemplate } from "@/lib/scaffolder/lint/lint-catalog-template";
import { scaffolderRegistry } from "@/lib/scaffolder/service";

export const dynamic = "force-dynamic";

type Params = { namespace: string; kind: string; name: string };

/**
 * Portico extension: `{entityRef, warnings[{severity, code, message, file, line?, column?, stepId?}]}`,
 * the registration-time lint of a catalog template, computed now (registration stores the same findings
 * as TEMPLATE_LINT location problems).
 */
export const GET = withRoute<Params>(
  "scaffolder.templateLint",
  { scope: "catalog:read" },
  async ({ params }) => {
    const p = parsePathParams(params, templateParams);
    if (p.kind.toLowerCase() !== "template") throw notFound(`${p.kind} is not a template kind`);
    try {
      return await lintCatalogTemplate(
        catalogDeps(),
        scaffolderRegistry(),
        `template:${p.namespace}/${p.name}`,
      );
    } catch (error) {
      return scaffolderErrorResponse(error);
    }
  },
);
