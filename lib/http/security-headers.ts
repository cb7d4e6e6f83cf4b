/**
 * Security headers. CSP uses a per-request nonce (proxy.ts): Next's App Router streams
 * inline bootstrap scripts, and it stamps the nonce it finds in the request's
 * Content-Security-Policy header onto them. `'unsafe-eval'` only in development, where
 * React's dev tooling needs it. Inline style attributes (React `style={}`, React Flow) stay
 * allowed: style injection cannot run script.
 */
export function contentSecurityPolicy(options: {
  nonce: string;
  dev: boolean;
  https: boolean;
  /** Pages whose scripts compile code at run time (see `pageNeedsEval`). */
  allowEval?: boolean;
}): string {
  const evalSource = options.dev || options.allowEval ? " 'unsafe-eval'" : "";
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${evalSource}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * The scaffolder's pages validate template forms with ajv (via @rjsf/validator-ajv8), which
 * compiles each JSON Schema to a function: a strict CSP makes every wizard step fail. Only
 * these pages get 'unsafe-eval'; every other page keeps the strict policy. A CSP belongs to
 * the document, so links into /create load a new document (components/shell/nav-links.tsx).
 */
export function pageNeedsEval(pathname: string): boolean {
  return pathname === "/create" || pathname.startsWith("/create/");
}

/** APIs answer JSON only; nothing in them may load or frame anything. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every response, static assets included (next.config.ts `headers()`). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** HSTS only when browsers reach us over https; on http it would be ignored or, worse, stick. */
export function transportSecurityHeader(publicOrigin: string): Record<string, string> {
  return publicOrigin.startsWith("https://")
    ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
    : {};
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
