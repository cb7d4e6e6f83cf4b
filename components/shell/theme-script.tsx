// Runs before first paint so a dark-mode user never sees a white flash. It also switches zod to
// jitless mode before any schema is built: zod otherwise probes `new Function`, which the CSP
// (no 'unsafe-eval') blocks and reports as a violation.
const script = `globalThis.__zod_globalConfig=Object.assign(globalThis.__zod_globalConfig||{},{jitless:true});(function(){try{var t=localStorage.getItem('portico-theme');var d=t?t==='dark':window.matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;

/** `nonce` is the request's CSP nonce (proxy.ts), without which the browser refuses to run it. */
export function ThemeScript({ nonce }: { nonce?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: static inline script, no user input
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
