import { createServer } from "node:http";
import pkg from "../package.json" with { type: "json" };

function sendJson(res, status, body) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

// Kept free of listen() so tests can bind an ephemeral port.
export function buildServer({ isShuttingDown = () => false } = {}) {
  return createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && pathname === "/healthz") {
      // Report unhealthy while draining so the load balancer stops sending new traffic first.
      if (isShuttingDown()) return sendJson(res, 503, { status: "shutting-down" });
      return sendJson(res, 200, { status: "ok", service: pkg.name });
    }
    if (req.method === "GET" && pathname === "/") {
      return sendJson(res, 200, { service: pkg.name, description: pkg.description, version: pkg.version });
    }
    return sendJson(res, 404, { error: "not found", path: pathname });
  });
}
