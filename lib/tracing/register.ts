import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { OTLPHttpJsonTraceExporter, OTLPHttpProtoTraceExporter, registerOTel } from "@vercel/otel";
import type { TracingConfig } from "@/lib/config/server-config";

export interface RegisteredTracing {
  /** Sends every finished span now (tests; a graceful shutdown). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Registers the OpenTelemetry SDK through @vercel/otel (Next's documented path, so Next's own
 * request/render spans are exported too). The exporter is built here from the validated config
 * rather than left to @vercel/otel's env reading, so the endpoint checked at boot is the one used.
 * Only ever loaded by dynamic import when an endpoint is configured.
 */
export function registerTracing(config: TracingConfig): RegisteredTracing {
  const options = { url: `${config.endpoint.replace(/\/+$/, "")}/v1/traces`, headers: config.headers };
  const exporter =
    config.protocol === "http/json"
      ? new OTLPHttpJsonTraceExporter(options)
      : new OTLPHttpProtoTraceExporter(options);
  const processor = new BatchSpanProcessor(exporter);
  registerOTel({ serviceName: config.serviceName, spanProcessors: [processor] });
  return { flush: () => processor.forceFlush(), shutdown: () => processor.shutdown() };
}
