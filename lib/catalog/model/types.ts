// Wire shapes match @backstage/catalog-model so Backstage clients and YAML work unchanged.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMeta {
  uid?: string;
  etag?: string;
  generation?: number;
  name: string;
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  [key: string]: unknown;
}

export interface EntityRelation {
  type: string;
  targetRef: string;
}

export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMeta;
  spec?: Record<string, unknown>;
  relations?: EntityRelation[];
  [key: string]: unknown;
}

export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** One problem found in a catalog file; every violation is reported, not only the first. */
export interface CatalogViolation {
  file?: string;
  documentIndex: number;
  path: string;
  message: string;
}
