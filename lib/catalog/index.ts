// Public surface of the catalog library. Query/ingest functions take the db (PrismaClient) first.
export type { CatalogDb, SqlExecutor } from "./db/sql-client";
export { analyzeLocation } from "./ingest/analyze-location";
export { createFileReader } from "./ingest/file-reader";
export { IngestError } from "./ingest/ingest-error";
export { ingestFromDirectory } from "./ingest/ingest-from-directory";
export { normalizeLocation } from "./ingest/location-target";
export {
  addLocation,
  findLocation,
  getLocation,
  getLocationErrors,
  listLocations,
  refreshLocation,
  registerLocation,
  removeLocation,
} from "./ingest/locations";
export { readLocationTree } from "./ingest/read-location-tree";
export { type CatalogReader, createCompositeReader } from "./ingest/reader";
export type { IngestProblem, LocationSpec } from "./ingest/types";
export { createUrlReader } from "./ingest/url-reader";
export * from "./model/constants";
export * from "./model/entity-ref";
export * from "./model/relations";
export type * from "./model/types";
export { getEntityFacets } from "./queries/entity-facets";
export { FILTER_EXISTS, normalizeFilterQuery, parseFilterParams } from "./queries/filter";
export { getEntities } from "./queries/get-entities";
export { getEntitiesByRefs, getEntityByName, getEntityByRef, getEntityByUid } from "./queries/get-entity";
export { getEntityPage } from "./queries/get-entity-page";
export { listEntities } from "./queries/list-entities";
export { parseOrderParams } from "./queries/order";
export { queryEntities } from "./queries/query-entities";
export { validateEntity } from "./validation/validate-entity";
export { validateEntityResponse } from "./validation/validate-response";
