import pkg from "../package.json" with { type: "json" };
import { buildServer } from "./server.js";

const port = Number(process.env.PORT ?? pkg.config.port);
let shuttingDown = false;
const server = buildServer({ isShuttingDown: () => shuttingDown });

server.listen(port, () => {
  console.log(JSON.stringify({ level: "info", msg: "listening", service: pkg.name, port }));
});

// Kubernetes sends SIGTERM before killing the pod; finish in-flight requests instead of dropping them.
process.on("SIGTERM", () => {
  shuttingDown = true;
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
});
