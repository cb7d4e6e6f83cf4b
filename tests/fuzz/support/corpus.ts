import type { FuzzRequest } from "./requests";

/**
 * Known-hostile requests sent before the random runs: writes that plant data a later read
 * might walk (a YAML `__proto__` key survives js-yaml as an own property), then the reads of
 * issue 10's reproductions. Random runs explore around these.
 */

const json = { "content-type": "application/json" };

const component = (name: string, extra: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  owner: team-payments
  lifecycle: production
${extra}`;

/** Issue 10's reproduction: a valid entity whose spec has a `__proto__` key. */
const PROTO_YAML = component("fuzz-proto", "  __proto__:\n    polluted: yes\n");
const CONSTRUCTOR_YAML = component(
  "fuzz-constructor",
  "  constructor:\n    prototype:\n      polluted: yes\n",
);
const ANNOTATION_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fuzz-annotation
  annotations:
    __proto__: polluted-annotation
  labels:
    constructor: x
spec:
  type: service
  owner: team-payments
  lifecycle: production
`;

const post = (url: string, body: unknown): FuzzRequest => ({
  method: "POST",
  params: {},
  url: `http://localhost${url}`,
  headers: json,
  body: JSON.stringify(body),
});
const get = (url: string): FuzzRequest => ({
  method: "GET",
  params: {},
  url: `http://localhost${url}`,
  headers: {},
});

export const HOSTILE_CORPUS: { route: string; request: FuzzRequest }[] = [
  { route: "/api/catalog/register", request: post("/api/catalog/register", { yaml: PROTO_YAML }) },
  { route: "/api/catalog/register", request: post("/api/catalog/register", { yaml: CONSTRUCTOR_YAML }) },
  { route: "/api/catalog/register", request: post("/api/catalog/register", { yaml: ANNOTATION_YAML }) },
  { route: "/api/catalog/entities", request: get("/api/catalog/entities?fields=spec.__proto__.polluted") },
  {
    route: "/api/catalog/entities",
    request: get("/api/catalog/entities?fields=spec.constructor.prototype.polluted"),
  },
  {
    route: "/api/catalog/entities",
    request: get("/api/catalog/entities?filter=spec.__proto__.polluted=yes"),
  },
  { route: "/api/catalog/entities", request: get("/api/catalog/entities?order=asc:spec.__proto__.polluted") },
  { route: "/api/catalog/entities", request: get("/api/catalog/entities?fields=metadata.na%00me") },
  { route: "/api/catalog/entities", request: get("/api/catalog/entities?filter=metadata.na%00me=x") },
  { route: "/api/catalog/entities", request: get("/api/catalog/entities?order=asc:metadata.na%00me") },
  {
    route: "/api/catalog/entities/by-query",
    request: get(
      "/api/catalog/entities/by-query?fullTextFilterTerm=fuzz&fullTextFilterFields=spec.__proto__.polluted",
    ),
  },
  {
    route: "/api/catalog/entity-facets",
    request: get("/api/catalog/entity-facets?facet=spec.__proto__.polluted"),
  },
  {
    route: "/api/catalog/entities/by-query",
    request: post("/api/catalog/entities/by-query", {
      query: { "spec.__proto__.polluted": "yes" },
      fields: ["spec.__proto__"],
    }),
  },
  {
    route: "/api/chat",
    request: post("/api/chat", {
      message: { id: "fuzz1", role: "user", parts: [{ type: "text", text: "a".repeat(32 * 1024) }] },
    }),
  },
  {
    route: "/api/chat",
    request: post("/api/chat", {
      message: { id: "fuzz2", role: "user", parts: [{ type: "text", text: ".".repeat(32 * 1024) }] },
    }),
  },
  // NUL and lone surrogates in text that is stored (Postgres text/jsonb reject both).
  {
    route: "/api/chat",
    request: post("/api/chat", {
      message: { id: "fuzz3", role: "user", parts: [{ type: "text", text: "a\u0000b" }] },
    }),
  },
  {
    route: "/api/chat",
    request: post("/api/chat", {
      message: { id: "fuzz4", role: "user", parts: [{ type: "text", text: "\ud800" }] },
    }),
  },
  {
    route: "/api/catalog/entities/by-query",
    request: post("/api/catalog/entities/by-query", { query: { $any: [] } }),
  },
  { route: "/api/catalog/entity-facets", request: get("/api/catalog/entity-facets?facet=constructor") },
  // At the 256 KiB limit: the offline analyzer and prompt neutralizer must stay linear.
  { route: "/api/diagnose", request: post("/api/diagnose", { error_message: "a ".repeat(128 * 1024) }) },
  { route: "/api/diagnose", request: post("/api/diagnose", { error_message: ".".repeat(256 * 1024) }) },
  { route: "/api/diagnose", request: post("/api/diagnose", { error_message: "a\n".repeat(128 * 1024) }) },
  {
    route: "/api/suggest-runbook",
    request: post("/api/suggest-runbook", {
      query: "a ".repeat(1000),
      error_message: "a ".repeat(128 * 1024),
    }),
  },
];
