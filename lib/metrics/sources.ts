import { Gauge } from "prom-client";
import { logger } from "@/lib/log/logger";
import { metrics } from "./registry";

export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

export interface GaugeSource {
  /** Metric name, `portico_` prefixed, e.g. `portico_scaffolder_tasks`. */
  name: string;
  help: string;
  labelNames: readonly string[];
  /** Read at scrape time (e.g. one grouped SQL count); keep it cheap: Prometheus scrapes every 30 s. */
  collect: () => Promise<GaugeSample[]>;
}

interface Registered {
  source: GaugeSource;
  gauge: Gauge;
}

const holder = globalThis as unknown as { __porticoMetricSources?: Map<string, Registered> };

function sourceUp(): Gauge {
  const registry = metrics().registry;
  const existing = registry.getSingleMetric("portico_metrics_source_up");
  if (existing) return existing as Gauge;
  return new Gauge({
    name: "portico_metrics_source_up",
    help: "1 when the scrape-time source answered, 0 when it failed (its gauge then has no values)",
    labelNames: ["source"],
    registers: [registry],
  });
}

function registered(): Map<string, Registered> {
  holder.__porticoMetricSources ??= new Map();
  return holder.__porticoMetricSources;
}

/**
 * The extension point for state that lives in the database rather than in this process:
 * catalog entity counts now, scaffolder tasks by state later. Sources are read by
 * collectGaugeSources() just before each scrape; a failing one sets
 * portico_metrics_source_up{source} to 0 instead of failing the whole scrape.
 * Registering the same name again replaces the reader, so callers may register lazily.
 */
export function registerGaugeSource(source: GaugeSource): void {
  const registry = metrics().registry;
  const known = registered().get(source.name);
  if (known && registry.getSingleMetric(source.name) === known.gauge) {
    known.source = source;
    return;
  }
  const gauge = new Gauge({
    name: source.name,
    help: source.help,
    labelNames: [...source.labelNames],
    registers: [registry],
  });
  registered().set(source.name, { source, gauge });
}

export async function collectGaugeSources(): Promise<void> {
  const registry = metrics().registry;
  const up = sourceUp();
  const live = [...registered().values()].filter((r) => registry.getSingleMetric(r.source.name) === r.gauge);
  await Promise.all(
    live.map(async ({ source, gauge }) => {
      try {
        const samples = await source.collect();
        gauge.reset();
        for (const sample of samples) gauge.set(sample.labels, sample.value);
        up.set({ source: source.name }, 1);
      } catch (error) {
        gauge.reset();
        up.set({ source: source.name }, 0);
        logger.warn({ err: error, source: source.name }, "metrics source failed");
      }
    }),
  );
}
