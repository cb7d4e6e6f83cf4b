import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFromDirectory } from "@/lib/catalog/ingest/ingest-from-directory";
import { parseFilterParams } from "@/lib/catalog/queries/filter";
import { queryEntities } from "@/lib/catalog/queries/query-entities";
import { type CatalogTestDb, startCatalogTestDb } from "../fixtures/catalog/test-db";

/**
 * `fullTextFilterFields` restricts the match to the named fields, as in Backstage: "zebra"
 * is in one entity's name and in other entities' descriptions, tags, links and profile, and
 * each field list must find exactly the entities that have it in those fields.
 */
const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: zebra-service
  title: Striped Thing
  description: Nothing to see here
spec: { type: service, lifecycle: production, owner: team-stripes }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: horse-service
  description: Looks like a zebra from far away
  tags: [equine]
  links:
    - url: https://example.com/docs/horse
spec: { type: service, lifecycle: experimental, owner: team-stripes }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: donkey-service
  title: Zebra Crossing
  tags: [zebra-tag]
  links:
    - url: https://example.com/dash
    - url: https://example.com/zebra-dashboard
spec: { type: website, lifecycle: production, owner: group:default/team-plain }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-stripes
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-plain
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: zed
spec:
  profile: { displayName: Zed the Zebra, email: zed@example.com }
  memberOf: [team-plain]
`;

let t: CatalogTestDb;
let dir: string;

beforeAll(async () => {
  t = await startCatalogTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), "catalog-full-text-"));
  await writeFile(path.join(dir, "catalog-info.yaml"), CATALOG);
  const { result } = await ingestFromDirectory(t.db, dir);
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function search(term: string, fields?: string[], filter?: string) {
  const res = await queryEntities(t.db, {
    fullTextFilter: { term, fields },
    filter: filter ? parseFilterParams(filter) : undefined,
    orderFields: [{ field: "metadata.uid", order: "asc" }],
    limit: 100,
  });
  expect(res.totalItems).toBe(res.items.length);
  return res.items.map((e) => e.metadata.name).sort();
}

describe("by-query fullTextFilterFields", () => {
  it("without fields keeps the tsvector search over name, title, description and tags", async () => {
    const all = ["donkey-service", "horse-service", "zebra-service"];
    expect(await search("zebra")).toEqual(all);
    expect(await search("zebra", [])).toEqual(all);
  });

  it("metadata.name matches names only, not descriptions, titles or tags", async () => {
    expect(await search("zebra", ["metadata.name"])).toEqual(["zebra-service"]);
    // Any casing of a field and of the term; a substring, not only a word prefix.
    expect(await search("EBRA-SERV", ["Metadata.Name"])).toEqual(["zebra-service"]);
  });

  it("each named field matches only its own content; several fields OR together", async () => {
    expect(await search("zebra", ["metadata.description"])).toEqual(["horse-service"]);
    expect(await search("zebra", ["metadata.title"])).toEqual(["donkey-service"]);
    expect(await search("zebra", ["metadata.tags"])).toEqual(["donkey-service"]);
    expect(await search("zebra", ["metadata.name", "metadata.description"])).toEqual([
      "horse-service",
      "zebra-service",
    ]);
    expect(await search("stripes", ["metadata.title"])).toEqual([]);
    expect(await search("striped", ["metadata.title"])).toEqual(["zebra-service"]);
  });

  it("reads JSON fields through arrays of objects, as Backstage's search rows do", async () => {
    expect(await search("zebra", ["spec.profile.displayName"])).toEqual(["zed"]);
    expect(await search("zebra", ["metadata.links.url"])).toEqual(["donkey-service"]);
    expect(await search("docs/horse", ["metadata.links.url"])).toEqual(["horse-service"]);
    // spec.owner as written (short or full ref), not the stored canonical owner column.
    expect(await search("group:", ["spec.owner"])).toEqual(["donkey-service"]);
    expect(await search("zebra", ["spec.profile"])).toEqual([]);
  });

  it("matches columns and relations by substring, combined with filters", async () => {
    expect(await search("experi", ["spec.lifecycle"])).toEqual(["horse-service"]);
    expect(await search("webs", ["spec.type"])).toEqual(["donkey-service"]);
    expect(await search("use", ["kind"])).toEqual(["zed"]);
    expect(await search("team-stripes", ["relations.ownedBy"])).toEqual(["horse-service", "zebra-service"]);
    // Only the member is stored; the group's hasMember edge is the inverse of it.
    expect(await search("user:default/zed", ["relations.hasMember"])).toEqual(["team-plain"]);
    expect(await search("service", ["metadata.name"], "spec.lifecycle=production")).toEqual([
      "donkey-service",
      "zebra-service",
    ]);
  });

  it("treats LIKE wildcards in the term literally", async () => {
    expect(await search("zebra%service", ["metadata.name"])).toEqual([]);
    expect(await search("zebra_service", ["metadata.name"])).toEqual([]);
    expect(await search("-serv", ["metadata.name"])).toEqual([
      "donkey-service",
      "horse-service",
      "zebra-service",
    ]);
  });
});
