import { createHash } from "node:crypto";
import path from "node:path";
import { MAX_PASTED_YAML_BYTES, type RegisterBody } from "@/lib/catalog/api/body-schemas";
import { IngestError } from "@/lib/catalog/ingest/ingest-error";
import { locationKey } from "@/lib/catalog/ingest/location-target";
import {
  findLocation,
  getLocation,
  getLocationErrors,
  type RefreshResult,
} from "@/lib/catalog/ingest/locations";
import { parseCatalogYaml } from "@/lib/catalog/ingest/parse-yaml";
import { readLocationTree } from "@/lib/catalog/ingest/read-location-tree";
import type { CatalogReader } from "@/lib/catalog/ingest/reader";
import type { IngestProblem, LocationSpec, LocationTree } from "@/lib/catalog/ingest/types";
import type { Entity } from "@/lib/catalog/model/types";
import { isPastedTarget, savePastedDocument } from "@/lib/catalog/pasted/pasted-documents";
import { pastedReader } from "@/lib/catalog/pasted/pasted-reader";
import { getEntitiesByRefs } from "@/lib/catalog/queries/get-entity";
import { badRequest, notFound, payloadTooLarge } from "@/lib/http";
import { findReservedKeys } from "../model/safe-keys";
import type { CatalogDeps } from "./catalog-deps";
import { cachingReader, createCatalogReader, overlayReader, pastedYamlDir } from "./catalog-readers";
import { rootFailure } from "./location-errors";
import {
  type BackstageLocation,
  importNewLocation,
  parseLocationInput,
  refreshStoredLocation,
  toBackstageLocation,
} from "./location-service";

export interface RegisterPreviewEntity {
  entityRef: string;
  /** Location key of the file the document is in, and its 0-based index there. */
  file: string;
  documentIndex: number;
  /** Already in the catalog (an import updates it, or conflicts if another location owns it). */
  exists: boolean;
  entity: Entity;
}

export interface RegisterResponse {
  dryRun: boolean;
  /** For a dry run of a new location the id is its `type:target` key, as in Backstage. */
  location: BackstageLocation;
  exists: boolean;
  entities: RegisterPreviewEntity[];
  errors: IngestProblem[];
  result?: { added: number; updated: number; unchanged: number; orphaned: number; conflicts: number };
}

function checkPastedYaml(yaml: string): void {
  if (Buffer.byteLength(yaml, "utf8") > MAX_PASTED_YAML_BYTES) throw payloadTooLarge(MAX_PASTED_YAML_BYTES);
  let docs: ReturnType<typeof parseCatalogYaml>;
  try {
    docs = parseCatalogYaml(yaml);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    const { line, column } = error.details;
    throw badRequest(error.message, { fields: [{ field: "yaml", message: error.message }], line, column });
  }
  if (docs.length === 0)
    throw badRequest("yaml contains no documents", {
      fields: [{ field: "yaml", message: "contains no documents" }],
    });
  // Such a paste is an attack, not a typo: refuse it whole instead of storing it with problems.
  const reserved = docs.flatMap((d) =>
    findReservedKeys(d.value).map((p) => ({ documentIndex: d.documentIndex, path: p })),
  );
  if (reserved.length > 0) {
    const message = `yaml uses reserved keys (__proto__, constructor, prototype): ${reserved.map((r) => `document ${r.documentIndex} ${r.path}`).join(", ")}`;
    throw badRequest(message, { fields: [{ field: "yaml", message }], paths: reserved });
  }
}

/** Pasted YAML lives at a content-addressed file, or replaces an earlier paste's file. */
async function pastedTarget(deps: CatalogDeps, body: RegisterBody): Promise<string> {
  const dir = pastedYamlDir(deps.dataDir);
  if (!body.locationId) {
    const hash = createHash("sha256")
      .update(body.yaml ?? "")
      .digest("hex")
      .slice(0, 20);
    return path.join(dir, `${hash}.yaml`);
  }
  const location = await getLocation(deps.db, body.locationId);
  if (!location)
    throw notFound(`No location ${body.locationId}`, {
      fields: [{ field: "locationId", message: "unknown" }],
    });
  if (location.type !== "file" || !(await isPastedTarget(deps.db, location.target))) {
    throw badRequest(`Location ${body.locationId} was not created from pasted YAML`, {
      fields: [{ field: "locationId", message: "is not a pasted-YAML location" }],
    });
  }
  return location.target;
}

async function preview(deps: CatalogDeps, tree: LocationTree): Promise<RegisterPreviewEntity[]> {
  const { items } = await getEntitiesByRefs(deps.db, {
    entityRefs: tree.entities.map((e) => e.ref),
    fields: ["metadata.uid"],
  });
  return tree.entities.map((e, i) => ({
    entityRef: e.ref,
    file: e.file,
    documentIndex: e.documentIndex,
    exists: items[i] !== null,
    entity: e.entity,
  }));
}

function summary(result: RefreshResult): Pick<RegisterResponse, "result" | "errors"> {
  if (!result.ok) return { errors: [...result.problems, result.error] };
  const { added, updated, unchanged, orphaned, conflicts } = result;
  return { result: { added, updated, unchanged, orphaned, conflicts }, errors: result.problems };
}

/**
 * Portico's register flow. A dry run previews every entity and every problem (file,
 * document index, field path) without writing. An import stores the valid entities even
 * when other documents are invalid; the problems are returned and kept on the location.
 * Pasted YAML becomes a `file` location named `<dataDir>/catalog/pasted/<hash>.yaml` whose
 * text is stored in Postgres (lib/catalog/pasted), so it refreshes like any other location
 * on every replica and survives rebuilds.
 */
export async function register(
  deps: CatalogDeps,
  body: RegisterBody,
  dryRun: boolean,
): Promise<RegisterResponse> {
  let spec: LocationSpec;
  let reader: CatalogReader = cachingReader(pastedReader(deps.db, createCatalogReader(deps.readers)));
  if (body.yaml !== undefined) {
    checkPastedYaml(body.yaml);
    spec = { type: "file", target: await pastedTarget(deps, body) };
    reader = overlayReader(reader, spec.target, body.yaml);
  } else {
    spec = parseLocationInput({ type: "url", target: body.url ?? "" });
  }
  const tree = await readLocationTree(spec, { reader });
  const failure = rootFailure(spec, tree.problems);
  if (failure) throw failure;
  const existing = await findLocation(deps.db, spec);
  const entities = await preview(deps, tree);

  if (dryRun) {
    return {
      dryRun,
      location: existing
        ? toBackstageLocation(existing)
        : { id: locationKey(spec), type: spec.type, target: spec.target },
      exists: Boolean(existing),
      entities,
      errors: tree.problems,
    };
  }
  if (body.yaml !== undefined) await savePastedDocument(deps.db, spec.target, body.yaml);
  const outcome = existing
    ? { location: existing, result: await refreshStoredLocation(deps, existing) }
    : await importNewLocation(deps, spec, reader);
  const stored = (await getLocation(deps.db, outcome.location.id)) ?? outcome.location;
  return {
    dryRun,
    location: toBackstageLocation(stored),
    exists: Boolean(existing),
    entities,
    ...summary(outcome.result),
  };
}

export { getLocationErrors };
