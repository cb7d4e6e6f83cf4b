import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { IngestError } from "./ingest-error";
import { isHostAllowed, isPrivateAddress } from "./network-guard";
import { type CatalogReader, DEFAULT_MAX_BYTES } from "./reader";

export interface UrlReaderOptions {
  /** Hosts that may be read (`github.example.com`, `*.example.com`, `127.0.0.1:8080`). Empty = none. */
  allowedHosts: readonly string[];
  /** Permit loopback/private/link-local addresses (only for local development and tests). */
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  headers?: Record<string, string>;
  /** Injected for tests; defaults to the system resolver. */
  lookup?: typeof dnsLookup;
}

/**
 * Resolves every address of the host and refuses if any is private, then connects to a
 * checked address. Doing the check inside the socket's own lookup closes the DNS-rebinding gap.
 */
function guardedLookup(options: UrlReaderOptions): LookupFunction {
  const resolve = options.lookup ?? dnsLookup;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (!options.allowPrivateNetwork && (bad || list.length === 0)) {
        const err = new IngestError(
          "FORBIDDEN_HOST",
          `Host ${hostname} resolves to a private or loopback address (${bad?.address ?? "none"})`,
        );
        return callback(err as unknown as NodeJS.ErrnoException, "", 0);
      }
      if (lookupOptions.all) return callback(null, list as unknown as string, 0);
      callback(null, list[0].address, list[0].family);
    });
  };
}

function fetchOnce(
  url: URL,
  options: UrlReaderOptions,
): Promise<{ status: number; location?: string; body: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "GET",
        headers: { accept: "*/*", ...options.headers },
        lookup: guardedLookup(options),
        timeout: timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const declared = Number(res.headers["content-length"] ?? "0");
        if (declared > maxBytes) {
          res.destroy();
          return reject(
            new IngestError(
              "PAYLOAD_TOO_LARGE",
              `${url} is ${declared} bytes; the limit is ${maxBytes} bytes`,
            ),
          );
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            res.destroy();
            reject(
              new IngestError("PAYLOAD_TOO_LARGE", `${url} is larger than the limit of ${maxBytes} bytes`),
            );
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({ status, location: res.headers.location, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      },
    );
    // A hard deadline for the whole exchange, not only socket idleness.
    const timer = setTimeout(() => {
      req.destroy(new IngestError("TIMEOUT", `Reading ${url} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("timeout", () =>
      req.destroy(new IngestError("TIMEOUT", `Reading ${url} took longer than ${timeoutMs} ms`)),
    );
    req.on("error", (error) => reject(error));
    req.on("close", () => clearTimeout(timer));
    req.end();
  });
}

function checkUrl(url: URL, options: UrlReaderOptions) {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IngestError("FORBIDDEN_HOST", `Only http(s) URLs can be read, not ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new IngestError("FORBIDDEN_HOST", "URLs with credentials are not allowed");
  if (!isHostAllowed(url, options.allowedHosts)) {
    throw new IngestError("FORBIDDEN_HOST", `Host ${url.host} is not in the catalog's allowed hosts`);
  }
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !options.allowPrivateNetwork && isPrivateAddress(literal)) {
    throw new IngestError("FORBIDDEN_HOST", `Address ${literal} is private or loopback`);
  }
}

export function createUrlReader(options: UrlReaderOptions): CatalogReader {
  const maxRedirects = options.maxRedirects ?? 3;
  return {
    async read(spec) {
      let url = new URL(spec.target);
      for (let hop = 0; ; hop++) {
        checkUrl(url, options);
        let result: Awaited<ReturnType<typeof fetchOnce>>;
        try {
          result = await fetchOnce(url, options);
        } catch (error) {
          if (error instanceof IngestError) throw error;
          throw new IngestError("READ_FAILED", `Could not read ${url}: ${(error as Error).message}`);
        }
        if (result.status >= 300 && result.status < 400 && result.location) {
          if (hop >= maxRedirects)
            throw new IngestError("READ_FAILED", `Too many redirects reading ${spec.target}`);
          url = new URL(result.location, url);
          continue;
        }
        if (result.status === 404) throw new IngestError("NOT_FOUND", `${url} was not found (404)`);
        if (result.status < 200 || result.status >= 300) {
          throw new IngestError("READ_FAILED", `Reading ${url} failed with HTTP ${result.status}`);
        }
        return result.body;
      }
    },
  };
}
