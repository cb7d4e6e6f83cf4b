import { BACKSTAGE_API_VERSIONS, type KnownKind, TEMPLATE_API_VERSION } from "../model/constants";

export type SpecFieldType = "string" | "string[]" | "object" | "array" | "objectOrArray";

export interface SpecField {
  type: SpecFieldType;
  required?: boolean;
}

const str = (required = false): SpecField => ({ type: "string", required });
const strs = (required = false): SpecField => ({ type: "string[]", required });

/** Mirrors the JSON schemas shipped in @backstage/catalog-model (kinds/*.v1alpha1.schema.json). */
export const KIND_SPECS: Record<
  KnownKind,
  { apiVersions: readonly string[]; fields: Record<string, SpecField> }
> = {
  Component: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: {
      type: str(true),
      lifecycle: str(true),
      owner: str(true),
      system: str(),
      subcomponentOf: str(),
      providesApis: strs(),
      consumesApis: strs(),
      dependsOn: strs(),
      dependencyOf: strs(),
    },
  },
  API: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: { type: str(true), lifecycle: str(true), owner: str(true), definition: str(true), system: str() },
  },
  System: { apiVersions: BACKSTAGE_API_VERSIONS, fields: { owner: str(true), domain: str(), type: str() } },
  Domain: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: { owner: str(true), subdomainOf: str(), type: str() },
  },
  Resource: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: { type: str(true), owner: str(true), system: str(), dependsOn: strs(), dependencyOf: strs() },
  },
  Group: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: {
      type: str(true),
      children: strs(true),
      parent: str(),
      members: strs(),
      profile: { type: "object" },
    },
  },
  User: { apiVersions: BACKSTAGE_API_VERSIONS, fields: { memberOf: strs(), profile: { type: "object" } } },
  Location: {
    apiVersions: BACKSTAGE_API_VERSIONS,
    fields: { type: str(), target: str(), targets: strs(), presence: str() },
  },
  Template: {
    apiVersions: [TEMPLATE_API_VERSION],
    fields: {
      type: str(true),
      owner: str(),
      steps: { type: "array", required: true },
      parameters: { type: "objectOrArray" },
      output: { type: "object" },
    },
  },
};
