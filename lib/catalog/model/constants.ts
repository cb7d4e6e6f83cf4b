export const DEFAULT_NAMESPACE = "default";

export const ANNOTATION_LOCATION = "backstage.io/managed-by-location";
export const ANNOTATION_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
export const ANNOTATION_SOURCE_LOCATION = "backstage.io/source-location";
export const ANNOTATION_ORPHAN = "backstage.io/orphan";

export const BACKSTAGE_API_VERSIONS = ["backstage.io/v1alpha1", "backstage.io/v1beta1"] as const;
export const TEMPLATE_API_VERSION = "scaffolder.backstage.io/v1beta3";

export const KNOWN_KINDS = [
  "Component",
  "API",
  "System",
  "Domain",
  "Resource",
  "Group",
  "User",
  "Location",
  "Template",
] as const;
export type KnownKind = (typeof KNOWN_KINDS)[number];

/** Case-insensitive kind lookup: Backstage treats `api` and `API` as the same kind. */
export function knownKind(kind: string): KnownKind | undefined {
  const lower = kind.toLowerCase();
  return KNOWN_KINDS.find((k) => k.toLowerCase() === lower);
}
