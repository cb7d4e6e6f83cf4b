import { createServer, type Server } from "node:http";

const about = { service: ${{ values.name | dump }}, description: ${{ values.description | dump }} };

/** The service's routes; extend here. */
export function buildServer(): Server {
  return createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/healthz") return send(200, { status: "ok" });
    if (req.url === "/") return send(200, about);
    return send(404, { error: "not found" });
  });
}
