/**
 * One catalog "replica" as its own process (`tsx tests/support/catalog-replica-server.ts`):
 * the real catalog and metrics route handlers plus what instrumentation.ts starts at boot
 * (refresh scheduler, list index), against DATABASE_URL. Prints `listening <port>`.
 */
import { GET as entitiesByQuery } from "@/app/api/catalog/entities/by-query/route";
import { GET as entities } from "@/app/api/catalog/entities/route";
import { POST as refresh } from "@/app/api/catalog/refresh/route";
import { POST as register } from "@/app/api/catalog/register/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { startCatalogListIndex } from "@/lib/catalog/service/start-list-index";
import {
  startCatalogRefreshScheduler,
  stopCatalogRefreshScheduler,
} from "@/lib/catalog/service/start-scheduler";
import { type RouteHandler, serveRoutes } from "./route-server";

const routes = new Map<string, RouteHandler>(
  Object.entries({
    "GET /api/catalog/entities": entities as RouteHandler,
    "GET /api/catalog/entities/by-query": entitiesByQuery as RouteHandler,
    "POST /api/catalog/register": register as RouteHandler,
    "POST /api/catalog/refresh": refresh as RouteHandler,
    "GET /api/metrics": metrics as RouteHandler,
  }),
);

startCatalogRefreshScheduler();
startCatalogListIndex();
serveRoutes(
  (method, path) => {
    const handler = routes.get(`${method} ${path}`);
    return handler ? { handler, params: {} } : null;
  },
  // A graceful stop releases the scheduler lease at once.
  stopCatalogRefreshScheduler,
);
