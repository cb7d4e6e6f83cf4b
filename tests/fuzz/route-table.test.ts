import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverRoutes, loadRoute } from "./support/route-table";

// The fuzzer's route list comes from the filesystem; these guard how it reads it.
const root = mkdtempSync(path.join(tmpdir(), "portico-route-table-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function route(dir: string, source: string) {
  const full = path.join(root, "app/api", dir);
  mkdirSync(full, { recursive: true });
  writeFileSync(path.join(full, "route.mjs"), source);
}

route(
  "plain",
  "export const dynamic = 'force-dynamic'; export async function GET() { return new Response('x'); }",
);
route("items/[id]", "export async function DELETE() {} export async function PATCH() {}");
route("(group)/files/[...path]", "export async function GET() {}");
route("docs/[[...slug]]", "export async function GET() {}");
route("odd", "export async function GET() {} export async function HEAD() {} export const helper = 1;");

describe("route table", () => {
  it("derives patterns and dynamic segments from folder names, skipping route groups", () => {
    const routes = discoverRoutes(root);
    expect(routes.map((r) => [r.pattern, r.params])).toEqual([
      ["/api/docs/[[...slug]]", ["slug"]],
      ["/api/files/[...path]", ["path"]],
      ["/api/items/[id]", ["id"]],
      ["/api/odd", []],
      ["/api/plain", []],
    ]);
    const files = routes.find((r) => r.pattern === "/api/files/[...path]");
    expect(files?.segments.at(-1)).toEqual({ kind: "catch-all", name: "path", optional: false });
  });

  it("reads method handlers and names every export it cannot call", async () => {
    const routes = new Map(discoverRoutes(root).map((r) => [r.pattern, r]));
    const items = await loadRoute(routes.get("/api/items/[id]") as never, root);
    expect(Object.keys(items.handlers).sort()).toEqual(["DELETE", "PATCH"]);
    expect(items.unknownExports).toEqual([]);
    const plain = await loadRoute(routes.get("/api/plain") as never, root);
    expect(plain.unknownExports).toEqual([]);
    const odd = await loadRoute(routes.get("/api/odd") as never, root);
    expect(Object.keys(odd.handlers)).toEqual(["GET"]);
    expect(odd.unknownExports.sort()).toEqual(["HEAD", "helper"]);
  });
});
