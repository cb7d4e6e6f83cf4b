import { catalogDeps } from "@/lib/catalog/service/catalog-deps";
import { notFound, parsePathParams, withRoute } from "@/lib/http";
import { scaffolderErrorResponse } from "@/lib/scaffolder/api/handlers";
import { templateParams } from "@/lib/scaffolder/api/schemas";
import { findTemplate } from "@/lib/scaffolder/templates-source/find-template";

export const dynamic = "force-dynamic";

type Params = { namespace: string; kind: string; name: string };

/** `{title, description, steps[{title, description, schema}]}` for the wizard. */
export const GET = withRoute<Params>(
  "scaffolder.parameterSchema",
  { scope: "catalog:read" },
  async ({ params }) => {
    const p = parsePathParams(params, templateParams);
    if (p.kind.toLowerCase() !== "template") throw notFound(`${p.kind} is not a template kind`);
    try {
      const { template } = await findTemplate(catalogDeps().db, `template:${p.namespace}/${p.name}`);
      const meta = template.entity.metadata;
      return {
        title: meta.title ?? meta.name,
        description: meta.description,
        steps: template.pages.map((page) => ({
          title: page.title,
          description: page.description,
          schema: page.schema,
        })),
      };
    } catch (error) {
      return scaffolderErrorResponse(error);
    }
  },
);
