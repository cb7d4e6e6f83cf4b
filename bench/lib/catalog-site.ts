/**
 * A generated catalog served over loopback HTTP, the way both Portico and Backstage ingest one:
 * `/catalog-info.yaml` is a Location entity whose targets are multi-document part files (200
 * entities each, well under Portico's 1 MiB per file and 1000 files per location). Every entity
 * carries a revision annotation; `bump()` changes it so a refresh re-imports every entity.
 * Every part is rendered before it is served (js-yaml: `yaml`'s stringify took minutes at 100k
 * under load), so the YAML generation is never inside a timed ingest.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { dump } from "js-yaml";

const PER_FILE = 200;
export const REVISION_ANNOTATION = "bench.portico.dev/revision";
export const LOCATION_NAME = "bench-catalog";

interface GeneratedEntity {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
}

export interface CatalogSite {
  rootUrl: string;
  /** host:port, for URL allowlists. */
  host: string;
  files: number;
  /** Changes every entity's revision annotation and renders the new YAML. */
  bump(): void;
  close(): Promise<void>;
}

export async function serveCatalog(entities: unknown[], port: number): Promise<CatalogSite> {
  const list = entities as GeneratedEntity[];
  const partCount = Math.ceil(list.length / PER_FILE);
  const host = `127.0.0.1:${port}`;
  const base = `http://${host}`;
  let revision = 0;
  let parts: string[] = [];
  const render = () => {
    parts = Array.from({ length: partCount }, (_, i) =>
      list
        .slice(i * PER_FILE, (i + 1) * PER_FILE)
        .map((e) =>
          dump({
            ...e,
            metadata: {
              ...e.metadata,
              annotations: { ...e.metadata.annotations, [REVISION_ANNOTATION]: String(revision) },
            },
          }),
        )
        .join("---\n"),
    );
  };
  render();
  const root = dump({
    apiVersion: "backstage.io/v1alpha1",
    kind: "Location",
    metadata: { name: LOCATION_NAME },
    spec: { type: "url", targets: Array.from({ length: partCount }, (_, i) => `${base}/part-${i}.yaml`) },
  });

  const server = http.createServer((req, res) => {
    const match = /^\/part-(\d+)\.yaml$/.exec(req.url ?? "");
    const body = req.url === "/catalog-info.yaml" ? root : match ? (parts[Number(match[1])] ?? null) : null;
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/yaml" }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog-info.yaml`,
    host,
    files: partCount,
    bump() {
      revision++;
      render();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
