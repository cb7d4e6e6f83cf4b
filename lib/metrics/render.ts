import { getDb } from "@/lib/db/client";
import { catalogEntitiesSource } from "./catalog-source";
import { metrics } from "./registry";
import { scaffolderTasksSource } from "./scaffolder-source";
import { collectGaugeSources, registerGaugeSource } from "./sources";

/** The Prometheus text exposition of this process's registry, scrape-time sources included. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  registerGaugeSource(catalogEntitiesSource(getDb));
  registerGaugeSource(scaffolderTasksSource(getDb));
  await collectGaugeSources();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
