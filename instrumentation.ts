/**
 * Runs once when the Next.js server boots. The Node-only work lives in its own
 * module so the Edge bundle never sees process.exit.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigAtBoot } = await import("@/lib/config/validate-at-boot");
    validateConfigAtBoot();
    // Not while `next build` collects page data: only a serving process refreshes the catalog.
    if (process.env.NEXT_PHASE !== "phase-production-build") {
      // Before the workers, so their first spans are exported; without OTEL_EXPORTER_OTLP_ENDPOINT
      // no tracing package is imported at all.
      const { getServerConfig } = await import("@/lib/config/server-config");
      const { startTracingIfConfigured } = await import("@/lib/tracing/start");
      await startTracingIfConfigured(getServerConfig().tracing);
      const { startCatalogRefreshScheduler } = await import("@/lib/catalog/service/start-scheduler");
      startCatalogRefreshScheduler();
      const { startCatalogListIndex } = await import("@/lib/catalog/service/start-list-index");
      startCatalogListIndex();
      const { startScaffolderWorker } = await import("@/lib/scaffolder/service");
      startScaffolderWorker();
    }
  }
}
