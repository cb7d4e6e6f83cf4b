import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pkg from "../package.json" with { type: "json" };
import { buildServer } from "./server.js";

let shuttingDown = false;
let server;
let baseUrl;

before(async () => {
  server = buildServer({ isShuttingDown: () => shuttingDown });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

test("GET /healthz reports ok with the service name", async () => {
  const res = await fetch(`${baseUrl}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: "ok", service: pkg.name });
});

test("GET /healthz reports 503 while shutting down", async () => {
  shuttingDown = true;
  const res = await fetch(`${baseUrl}/healthz`);
  shuttingDown = false;
  assert.equal(res.status, 503);
});

test("unknown paths return 404", async () => {
  const res = await fetch(`${baseUrl}/nope`);
  assert.equal(res.status, 404);
});
