import fc from "fast-check";
import { jsonString, jsonValue, objectText, PROTO_KEYS, weirdString } from "./hostile";
import type { Method } from "./route-table";

/**
 * What the fuzzer knows about each route, read off its zod schemas (lib/catalog/api/*-schemas.ts,
 * lib/chat/request.ts, lib/diagnose/schema.ts, lib/runbooks/api-schema.ts, app/api/kubernetes/schema.ts),
 * so generated inputs get past validation and reach the domain code. A route without hints is
 * still fuzzed, with generic junk only.
 */

/** Live values from the seeded database and fake cluster, so path segments can hit real rows. */
export interface Pool {
  entities: { kind: string; namespace: string; name: string; uid: string }[];
  locationIds: string[];
  conversationIds: string[];
  runbookIds: string[];
  pods: { namespace: string; name: string }[];
}

export interface RouteHints {
  /** Query keys and a generator of raw (unencoded) values for each. */
  query?: Record<string, fc.Arbitrary<string>>;
  /** Near-valid JSON body text per method. */
  body?: Partial<Record<Method, fc.Arbitrary<string>>>;
  /** Path parameter values (decoded, as Next hands them over). */
  params?: Record<string, fc.Arbitrary<string>>;
  /** Whole parameter sets that belong together (an existing entity's kind/namespace/name). */
  paramSet?: fc.Arbitrary<Record<string, string>>;
  /** Table-name prefixes a 2xx answer of this method may change; everything else must stay identical. */
  writes?: Partial<Record<Method, string[]>>;
}

const pick = <T>(list: T[], fallback: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  list.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: fallback })
    : fallback;

/** A valid value with one hostile character or key spliced in: gets past shape checks, then hits the query. */
export const mutated = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(
      valid,
      fc.constantFrom("\u0000", "__proto__", "\ud800", "%00", "'", "\\", '"', "\n", "*"),
      fc.nat(),
    )
    .map(([v, bad, at]) => {
      const i = v.length ? at % (v.length + 1) : 0;
      return `${v.slice(0, i)}${bad}${v.slice(i)}`;
    });

/** Mostly valid, sometimes mutated, sometimes junk. */
const nearly = (valid: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: mutated(valid) },
    { weight: 1, arbitrary: weirdString },
  );

const KNOWN_PATHS = [
  "kind",
  "apiVersion",
  "metadata.name",
  "metadata.namespace",
  "metadata.title",
  "metadata.description",
  "metadata.tags",
  "metadata.uid",
  "metadata.annotations",
  "metadata.annotations.backstage.io/managed-by-location",
  "metadata.labels",
  "metadata.links",
  "spec",
  "spec.type",
  "spec.owner",
  "spec.lifecycle",
  "spec.system",
  "spec.dependsOn",
  "spec.profile.email",
  "relations",
  "relations.ownedBy",
  "relations.dependsOn",
];

const HOSTILE_PATHS = [
  "__proto__",
  "__proto__.polluted",
  "spec.__proto__",
  "spec.__proto__.polluted",
  "spec.__proto__.toString",
  "metadata.__proto__.polluted",
  "spec.constructor.prototype.polluted",
  "constructor.prototype.polluted",
  "metadata.constructor",
  "spec.prototype",
  "spec.\u0000",
  "metadata.na\u0000me",
  "\u0000",
  "a..b",
  ".",
  "..",
  "spec.",
  ".spec",
  "metadata.annotations.__proto__",
  "relations.__proto__",
];

export const fieldPath = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_PATHS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PATHS) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom("spec", "metadata", ...PROTO_KEYS), weirdString), {
        minLength: 1,
        maxLength: 5,
      })
      .map((p) => p.join(".")),
  },
  { weight: 1, arbitrary: fc.constantFrom(200, 201, 5000).map((n) => `spec.${"a".repeat(n)}`) },
);

const filterValue = fc.oneof(
  fc.constantFrom(
    "component",
    "Component",
    "service",
    "website",
    "api",
    "group",
    "production",
    "experimental",
    "team-payments",
    "group:default/team-payments",
    "*",
    "",
  ),
  weirdString,
);

const filterItem = fc.oneof(
  fc.tuple(fieldPath, filterValue).map(([k, v]) => `${k}=${v}`),
  fieldPath,
  weirdString,
);
const filterSet = fc.array(filterItem, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(","));
const fieldsList = fc.array(fieldPath, { minLength: 1, maxLength: 5 }).map((xs) => xs.join(","));
const intText = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "20",
    "10000",
    "10001",
    "-1",
    "1.5",
    "1e3",
    "99999999999999999999",
    "",
    " 1",
    "0x10",
    "NaN",
  ),
  fc.nat().map(String),
);

const uuid = fc.oneof(
  fc.uuid(),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
);
const uuidish = fc.oneof({ weight: 3, arbitrary: uuid }, { weight: 1, arbitrary: weirdString });

/** Backstage predicate queries (`{ kind: "component", "spec.type": { $in: [...] }, $all/$any/$not }`). */
const predicate: fc.Arbitrary<string> = fc.letrec<{ p: string }>((tie) => ({
  p: fc.oneof(
    { depthSize: "small" },
    fc
      .array(
        fc.tuple(
          fieldPath,
          fc.oneof(
            jsonString(filterValue),
            fc.array(jsonString(filterValue), { maxLength: 3 }).map((xs) => `{"$in":[${xs.join(",")}]}`),
            fc.constant('{"$exists":true}'),
            jsonValue,
          ),
        ),
        { maxLength: 3 },
      )
      .map(objectText),
    fc.array(tie("p"), { maxLength: 3 }).map((xs) => `{"$all":[${xs.join(",")}]}`),
    fc.array(tie("p"), { maxLength: 3 }).map((xs) => `{"$any":[${xs.join(",")}]}`),
    tie("p").map((x) => `{"$not":${x}}`),
    jsonValue,
  ),
})).p;

/** `{ known: near-valid | junk, …, hostile extra keys }` as JSON text. */
function shape(fields: Record<string, fc.Arbitrary<string>>, required: string[] = []): fc.Arbitrary<string> {
  const keys = Object.keys(fields);
  const entry = (k: string) =>
    fc
      .oneof({ weight: 5, arbitrary: fields[k] }, { weight: 1, arbitrary: jsonValue })
      .map((v): [string, string] => [k, v]);
  return fc
    .tuple(
      fc.subarray(keys.filter((k) => !required.includes(k))),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant([] as [string, string][]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), weirdString), jsonValue), {
            minLength: 1,
            maxLength: 2,
          }),
        },
      ),
      fc.nat({ max: 9 }).map((n) => n === 0),
    )
    .chain(([optional, extra, dropRequired]) => {
      const chosen = [...(dropRequired ? required.slice(1) : required), ...optional];
      return fc
        .tuple(...chosen.map(entry))
        .map((entries) => objectText([...(entries as [string, string][]), ...extra]));
    });
}

const s = (a: fc.Arbitrary<string>) => jsonString(a);
const nameText = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/) },
  { weight: 1, arbitrary: weirdString },
);

/** A catalog entity as JSON text (also valid YAML), hostile keys injected where validation might let them through. */
export const entityText = fc
  .tuple(
    fc.constantFrom(
      "Component",
      "API",
      "System",
      "Group",
      "Resource",
      "Domain",
      "User",
      "Location",
      "Template",
      "Weird",
    ),
    nameText,
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), weirdString), jsonValue), { maxLength: 3 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), weirdString), jsonValue), { maxLength: 2 }),
    fc.oneof(
      fc.constant(""),
      fc.constantFrom(
        '"links":[{"url":"javascript:alert(1)"}]',
        '"links":[{"url":"data:text/html,x","title":"t"}]',
        '"tags":["a","__proto__"]',
        '"annotations":{"__proto__":"x"}',
        '"labels":{"constructor":"x"}',
      ),
    ),
    fc.oneof(
      fc.constant(""),
      fc.constantFrom(
        '"type":"service","owner":"team-payments","lifecycle":"production"',
        '"type":"openapi","owner":"x","lifecycle":"x","definition":{"$text":"./nope.yaml"}',
        '"targets":["./x.yaml"]',
        '"__proto__":{"polluted":"yes"},"type":"service","owner":"x","lifecycle":"x"',
        '"owner":{"$json":"./x.json"}',
        '"type":"service","owner":"x","lifecycle":"x","constructor":{"prototype":{"polluted":"yes"}}',
      ),
    ),
  )
  .map(([kind, name, specExtra, metaExtra, metaKnown, specKnown]) => {
    const spec = objectText(specExtra).slice(1, -1);
    const meta = objectText(metaExtra).slice(1, -1);
    const join = (...parts: string[]) => parts.filter(Boolean).join(",");
    return `{"apiVersion":"backstage.io/v1alpha1","kind":${JSON.stringify(kind)},"metadata":{${join(`"name":${JSON.stringify(name)}`, metaKnown, meta)}},"spec":{${join(specKnown, spec)}}}`;
  });

const yamlDoc = fc.oneof(
  { weight: 4, arbitrary: entityText },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "a: &a [*a]",
      "x: !!js/function 'function(){}'",
      "- - - -",
      "\u0000",
      "key: [unclosed",
      "? complex\n: key",
      "a: b\n  c: d",
      "<<: {__proto__: {polluted: 1}}",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(2, 20, 200)
      .map((n) => `a: &x ${"[*x,".repeat(0)}1\nb: [${"*x,".repeat(n)}*x]`),
  },
);
const yamlText = fc.array(yamlDoc, { minLength: 1, maxLength: 3 }).map((docs) => docs.join("\n---\n"));
const locationUrl = fc.constantFrom(
  "http://127.0.0.1:1/catalog-info.yaml",
  "http://localhost/catalog-info.yaml",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::1]/x.yaml",
  "file:///etc/passwd",
  "ftp://x/y",
  "javascript:alert(1)",
  "not a url",
  "http://",
  "./relative.yaml",
  "/etc/passwd",
  "http://10.0.0.1/x.yaml",
  "http://0x7f000001/x.yaml",
);

const messageText = fc.oneof(
  { weight: 4, arbitrary: weirdString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "Is the cluster healthy?",
      "why is checkout-api crashing?",
      "find runbook for OOMKilled",
      "who owns component:default/checkout-api",
      "show pods in namespace payments",
      "diagnose: Back-off restarting failed container",
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("a", ".", "a.", "-", " ", "ab", "\u0000")
      .map((c) => c.repeat(Math.floor((32 * 1024) / c.length))),
  },
);

export function hintsFor(pool: Pool): Record<string, RouteHints> {
  const kind = pick([...new Set(pool.entities.map((e) => e.kind))], weirdString);
  const ns = pick([...new Set(pool.entities.map((e) => e.namespace))], weirdString);
  const entName = pick(
    pool.entities.map((e) => e.name),
    weirdString,
  );
  const refs = pool.entities.map((e) => `${e.kind}:${e.namespace}/${e.name}`.toLowerCase());
  const entityRef = fc.oneof(
    { weight: 6, arbitrary: refs.length ? nearly(fc.constantFrom(...refs)) : weirdString },
    { weight: 1, arbitrary: weirdString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "component:default/__proto__",
        "__proto__:__proto__/__proto__",
        "component:",
        ":/",
        "a:b/c/d",
      ),
    },
  );
  // One real entity's kind/namespace/name, with at most one part made hostile.
  const byNameSet = pool.entities.length
    ? fc
        .tuple(
          fc.constantFrom(...pool.entities),
          fc.nat({ max: 5 }),
          fc.constantFrom("kind", "namespace", "name"),
        )
        .chain(([e, roll, part]) => {
          const base = { kind: e.kind, namespace: e.namespace, name: e.name };
          if (roll < 3) return fc.constant(base);
          return mutated(fc.constant(base[part as keyof typeof base])).map((v) => ({ ...base, [part]: v }));
        })
    : undefined;
  const byName = { kind, namespace: ns, name: entName };
  const uid = pick(
    pool.entities.map((e) => e.uid),
    uuidish,
  );
  const locationId = pick(pool.locationIds, uuidish);
  const conversationId = pick(pool.conversationIds, uuidish);
  const k8sNs = fc.oneof(
    pick([...new Set(pool.pods.map((p) => p.namespace))], weirdString),
    fc.constantFrom("kube-system", "default", "payments"),
  );
  const k8sName = pick(
    pool.pods.map((p) => p.name),
    weirdString,
  );
  const podSet = pool.pods.length
    ? fc.constantFrom(...pool.pods).map((p) => ({ namespace: p.namespace, name: p.name }))
    : undefined;
  const catalogWrites = ["catalog_"];
  const predicateQuery = {
    filter: filterSet,
    fields: fieldsList,
  };
  return {
    "/api/catalog-ui/list": {
      query: {
        q: weirdString,
        kind: filterValue,
        type: filterValue,
        owner: filterValue,
        lifecycle: filterValue,
        namespace: filterValue,
        tag: filterValue,
        tags: filterValue,
        page: intText,
        sort: fc.oneof(fc.constantFrom("name", "-name", "kind", "-updated", "owner"), weirdString),
        orphans: fc.constantFrom("include", "true", "x"),
      },
    },
    "/api/catalog-ui/search": { query: { q: weirdString, limit: intText } },
    "/api/catalog/analyze-location": {
      body: {
        POST: shape(
          {
            location: shape({ type: s(fc.constantFrom("url", "file", "x")), target: s(locationUrl) }, [
              "target",
            ]),
            catalogFilename: s(fc.oneof(fc.constantFrom("catalog-info.yaml", "../x", "a/b"), weirdString)),
          },
          ["location"],
        ),
      },
    },
    "/api/catalog/entities": {
      query: {
        ...predicateQuery,
        order: fc.tuple(fc.constantFrom("asc", "desc", "up", ""), fieldPath).map(([d, f]) => `${d}:${f}`),
        limit: intText,
        offset: intText,
        after: weirdString,
      },
    },
    "/api/catalog/entities/by-name/[kind]/[namespace]/[name]": { params: byName, paramSet: byNameSet },
    "/api/catalog/entities/by-name/[kind]/[namespace]/[name]/ancestry": {
      params: byName,
      paramSet: byNameSet,
    },
    "/api/catalog/entities/by-query": {
      query: {
        ...predicateQuery,
        orderField: fc.tuple(fieldPath, fc.constantFrom("asc", "desc", "x", "")).map(([f, d]) => `${f},${d}`),
        limit: intText,
        offset: intText,
        cursor: fc.oneof(
          weirdString,
          jsonValue.map((j) => Buffer.from(j).toString("base64url")),
          fc.constant(
            Buffer.from('{"filter":[],"offset":0,"fields":["spec.__proto__.polluted"]}').toString(
              "base64url",
            ),
          ),
        ),
        totalItems: fc.constantFrom("include", "exclude", "x"),
        fullTextFilterTerm: weirdString,
        fullTextFilterFields: fieldsList,
      },
      body: {
        POST: shape({
          query: predicate,
          limit: fc.constantFrom("0", "1", "1000", "1001", "-1", "1.5", "1e999", '"1"'),
          offset: fc.constantFrom("0", "5", "10000000", "-1", "1e999"),
          orderBy: fc
            .array(
              shape({ field: s(fieldPath), order: s(fc.constantFrom("asc", "desc", "x")) }, [
                "field",
                "order",
              ]),
              { maxLength: 3 },
            )
            .map((xs) => `[${xs.join(",")}]`),
          fullTextFilter: shape(
            {
              term: s(weirdString),
              fields: fc.array(s(fieldPath), { maxLength: 3 }).map((xs) => `[${xs.join(",")}]`),
            },
            ["term"],
          ),
          fields: fc.array(s(fieldPath), { maxLength: 4 }).map((xs) => `[${xs.join(",")}]`),
          totalItems: s(fc.constantFrom("include", "exclude", "x")),
          cursor: s(weirdString),
        }),
      },
    },
    "/api/catalog/entities/by-refs": {
      query: { filter: filterSet },
      body: {
        POST: shape(
          {
            entityRefs: fc.array(s(entityRef), { maxLength: 5 }).map((xs) => `[${xs.join(",")}]`),
            fields: fc.array(s(fieldPath), { maxLength: 4 }).map((xs) => `[${xs.join(",")}]`),
            query: predicate,
          },
          ["entityRefs"],
        ),
      },
    },
    "/api/catalog/entities/by-uid/[uid]": { params: { uid }, writes: { DELETE: catalogWrites } },
    "/api/catalog/entity-facets": {
      query: { facet: fieldPath, filter: filterSet },
      body: {
        POST: shape(
          {
            facets: fc.array(s(fieldPath), { maxLength: 4 }).map((xs) => `[${xs.join(",")}]`),
            query: predicate,
          },
          ["facets"],
        ),
      },
    },
    "/api/catalog/locations": {
      query: {
        dryRun: fc.constantFrom("true", "false", "x"),
        onConflict: fc.constantFrom("reject", "refresh", "x"),
      },
      body: {
        POST: shape({ type: s(fc.constantFrom("url", "file", "x")), target: s(locationUrl) }, ["target"]),
      },
      writes: { POST: catalogWrites },
    },
    "/api/catalog/locations/[id]": { params: { id: locationId }, writes: { DELETE: catalogWrites } },
    "/api/catalog/locations/[id]/errors": { params: { id: locationId } },
    "/api/catalog/locations/by-entity/[kind]/[namespace]/[name]": { params: byName, paramSet: byNameSet },
    "/api/catalog/refresh": {
      body: { POST: shape({ entityRef: s(entityRef) }, ["entityRef"]) },
      writes: { POST: catalogWrites },
    },
    "/api/catalog/register": {
      query: { dryRun: fc.constantFrom("true", "false", "x") },
      body: {
        POST: fc.oneof(
          { weight: 4, arbitrary: shape({ yaml: s(yamlText), locationId: s(locationId) }, ["yaml"]) },
          { weight: 1, arbitrary: shape({ url: s(locationUrl) }, ["url"]) },
        ),
      },
      writes: { POST: catalogWrites },
    },
    "/api/catalog/validate-entity": {
      body: {
        POST: shape(
          {
            entity: entityText,
            location: s(
              fc.oneof(
                fc.constantFrom("url:https://example.com/catalog-info.yaml", "file:/tmp/x.yaml"),
                weirdString,
              ),
            ),
          },
          ["entity", "location"],
        ),
      },
    },
    "/api/chat": {
      body: {
        POST: shape(
          {
            message: shape(
              {
                id: s(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), weirdString)),
                role: s(fc.constantFrom("user", "user", "user", "assistant", "system")),
                parts: fc
                  .array(
                    shape(
                      {
                        type: s(fc.constantFrom("text", "text", "text", "file", "tool-call")),
                        text: s(messageText),
                      },
                      ["type", "text"],
                    ),
                    { maxLength: 3 },
                  )
                  .map((xs) => `[${xs.join(",")}]`),
              },
              ["id", "role", "parts"],
            ),
            conversationId: s(conversationId),
            trigger: s(fc.constantFrom("submit-message", "regenerate-message", "x")),
          },
          ["message"],
        ),
      },
      writes: { POST: ["chat_"] },
    },
    "/api/cluster-health": { query: { namespace: k8sNs } },
    "/api/conversations": { query: { limit: intText } },
    "/api/conversations/[id]": {
      params: { id: conversationId },
      body: {
        PATCH: shape(
          {
            title: s(
              fc.oneof(
                weirdString,
                fc.constantFrom(
                  `${"ghp"}_${"0123456789abcdefghijklmnopqrstuvwxyz"}` /* fake; assembled so scanners do not flag the repo */,
                  "Bearer eyJhbGciOiJIUzI1NiJ9.x.y",
                ),
              ),
            ),
          },
          ["title"],
        ),
      },
      writes: { PATCH: ["chat_"], DELETE: ["chat_"] },
    },
    "/api/diagnose": {
      body: {
        POST: shape(
          {
            error_message: s(messageText),
            namespace: s(k8sNs),
            pod_name: s(k8sName),
            include_cluster_health: fc.constantFrom("true", "false", '"true"', "1"),
            entity_ref: s(entityRef),
          },
          ["error_message"],
        ),
      },
    },
    "/api/health": { query: { probe: fc.constantFrom("live", "ready", "x", "") } },
    "/api/kubernetes/pods": { query: { namespace: k8sNs } },
    "/api/kubernetes/pods/[namespace]/[name]": {
      params: { namespace: k8sNs, name: k8sName },
      paramSet: podSet,
    },
    "/api/kubernetes/workloads": { query: { entity: entityRef } },
    "/api/runbooks": { query: { q: messageText, limit: intText } },
    "/api/runbooks/[id]": { params: { id: pick(pool.runbookIds, weirdString) } },
    "/api/suggest-runbook": {
      body: {
        POST: shape({
          query: s(messageText),
          error_message: s(messageText),
          top_k: fc.constantFrom("1", "5", "20", "21", "0", "-1", "1.5", "1e999", '"5"', "null"),
        }),
      },
    },
  };
}
