/** Set by proxy.ts on page requests, so the root layout knows which page it wraps. */
export const PATHNAME_HEADER = "x-portico-pathname";

/** Pages that render without a principal (everything else redirects to sign-in in oidc mode). */
export const PUBLIC_PAGES = ["/sign-in"];
