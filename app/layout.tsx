import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { ThemeScript } from "@/components/shell/theme-script";
import { getPagePrincipal, PUBLIC_PAGES } from "@/lib/access/page-principal";
import { clientConfig } from "@/lib/config/client-config";
import { getServerConfig } from "@/lib/config/server-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portico", template: "%s · Portico" },
  description: "Internal developer portal: catalog, scaffolding, AI diagnosis and cluster health.",
};

/** Reading the request's nonce makes every page dynamic, which a nonce-based CSP requires. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Pages read lib/ directly, so in oidc mode nothing renders for a visitor without a session.
  const { principal, pathname } = await getPagePrincipal();
  const authMode = getServerConfig().auth.mode;
  if (!principal && authMode === "oidc" && !PUBLIC_PAGES.includes(pathname)) redirect("/sign-in");
  const user = principal ? { name: principal.name, role: principal.role, authMode } : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="font-sans antialiased">
        <QueryProvider>
          <AppShell version={clientConfig.version} user={user}>
            {children}
          </AppShell>
        </QueryProvider>
      </body>
    </html>
  );
}
