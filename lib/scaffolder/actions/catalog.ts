import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { dump } from "js-yaml";
import { z } from "zod";
import { parseEntityRef, stringifyEntityRef } from "@/lib/catalog/model/entity-ref";
import { getEntitiesByRefs } from "@/lib/catalog/queries/get-entity";
import { createLocation } from "@/lib/catalog/service/location-service";
import { safeWorkspacePath } from "../workspace/safe-path";
import { annotateEntity, sourceAnnotations } from "./source-annotations";
import { type ActionContext, createTemplateAction } from "./types";

function catalogOf(ctx: ActionContext<unknown>) {
  if (!ctx.services.catalog) throw new Error("The catalog is not available in this run");
  return ctx.services.catalog();
}

export const catalogWriteAction = createTemplateAction({
  id: "catalog:write",
  description:
    "Writes a catalog-info.yaml for `entity` into the workspace, with the backstage.io/source-template annotation.",
  schema: {
    input: z.object({
      entity: z.record(z.string(), z.unknown()),
      filePath: z.string().default("catalog-info.yaml"),
    }),
    output: z.object({}),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Write a component",
      example:
        "action: catalog:write\ninput:\n  entity:\n    apiVersion: backstage.io/v1alpha1\n    kind: Component\n    metadata:\n      name: ${{ parameters.name }}\n    spec:\n      type: service\n      owner: ${{ parameters.owner }}\n      lifecycle: experimental",
    },
  ],
  async handler(ctx) {
    const entity = structuredClone(ctx.input.entity);
    annotateEntity(entity, sourceAnnotations(ctx.templateInfo, ctx.values));
    const dest = await safeWorkspacePath(ctx.workspacePath, ctx.input.filePath, "filePath");
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFile(dest, dump(entity, { lineWidth: -1, noRefs: true }));
    ctx.logger.info(`Wrote ${ctx.input.filePath}`);
  },
});

export const catalogFetchAction = createTemplateAction({
  id: "catalog:fetch",
  description: "Fetches entities from the catalog by ref.",
  schema: {
    input: z
      .object({
        entityRef: z.string().optional(),
        entityRefs: z.array(z.string()).optional(),
        optional: z.boolean().optional(),
        defaultKind: z.string().optional(),
        defaultNamespace: z.string().optional(),
      })
      .refine((i) => i.entityRef || i.entityRefs, { message: "entityRef or entityRefs is required" }),
    output: z.object({ entity: z.unknown().optional(), entities: z.array(z.unknown()).optional() }),
  },
  supportsDryRun: true,
  examples: [
    {
      description: "Fetch the owner",
      example: "action: catalog:fetch\ninput:\n  entityRef: ${{ parameters.owner }}",
    },
  ],
  async handler(ctx) {
    const { db } = catalogOf(ctx);
    const opts = { defaultKind: ctx.input.defaultKind, defaultNamespace: ctx.input.defaultNamespace };
    const refs = (ctx.input.entityRefs ?? [ctx.input.entityRef as string]).map((r) =>
      stringifyEntityRef(parseEntityRef(r, opts)),
    );
    const found = (await getEntitiesByRefs(db, { entityRefs: refs })).items;
    if (!ctx.input.optional) {
      const missing = refs.filter((_r, i) => !found[i]);
      if (missing.length) throw new Error(`Entity ${missing.join(", ")} not found`);
    }
    if (ctx.input.entityRef) ctx.output("entity", found[0] ?? null);
    else ctx.output("entities", found);
  },
});

/** `git:/abs/repo.git/blob/main/` (embedded publisher) or an http(s) URL. */
function locationFor(url: string): { type: string; target: string } {
  if (url.startsWith("git:")) return { type: "git", target: url.slice(4) };
  return { type: "url", target: url };
}

export const catalogRegisterAction = createTemplateAction({
  id: "catalog:register",
  description:
    "Registers a catalog-info.yaml as a catalog location, so the entity appears and keeps refreshing from the repository.",
  schema: {
    input: z.union([
      z.object({ catalogInfoUrl: z.string().min(1), optional: z.boolean().optional() }),
      z.object({
        repoContentsUrl: z.string().min(1),
        catalogInfoPath: z.string().default("/catalog-info.yaml"),
        optional: z.boolean().optional(),
      }),
    ]),
    output: z.object({ entityRef: z.string().optional(), catalogInfoUrl: z.string() }),
  },
  supportsDryRun: false,
  dryRunOutput: () => ({
    entityRef: "component:default/dry-run",
    catalogInfoUrl: "git:/dry-run.git/blob/main/catalog-info.yaml",
  }),
  examples: [
    {
      description: "Register what publish produced",
      example:
        "action: catalog:register\ninput:\n  repoContentsUrl: ${{ steps['publish'].output.repoContentsUrl }}\n  catalogInfoPath: /catalog-info.yaml",
    },
  ],
  async handler(ctx) {
    const input = ctx.input as {
      catalogInfoUrl?: string;
      repoContentsUrl?: string;
      catalogInfoPath?: string;
      optional?: boolean;
    };
    const url =
      input.catalogInfoUrl ??
      `${(input.repoContentsUrl as string).replace(/\/+$/, "")}/${(input.catalogInfoPath ?? "/catalog-info.yaml").replace(/^\/+/, "")}`;
    ctx.logger.info(`Registering ${url} in the catalog`);
    const deps = catalogOf(ctx);
    try {
      const result = await createLocation(deps, locationFor(url), { dryRun: false, onConflict: "refresh" });
      const entity =
        result.entities.find((e) => e.kind !== "Location" && e.kind.toLowerCase() === "component") ??
        result.entities.find((e) => e.kind !== "Location");
      if (entity) ctx.output("entityRef", stringifyEntityRef(entity));
      ctx.output("catalogInfoUrl", url);
    } catch (error) {
      if (input.optional) {
        ctx.logger.warn(`Registration failed but is optional: ${(error as Error).message}`);
        ctx.output("catalogInfoUrl", url);
        return;
      }
      throw error;
    }
  },
});
