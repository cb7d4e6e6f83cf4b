import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { ThemeScript } from "@/components/shell/theme-script";
import { clientConfig } from "@/lib/config/client-config";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Portico", template: "%s · Portico" },
  description: "Internal developer portal: catalog, scaffolding, AI diagnosis and cluster health.",
};

/** Reading the request's nonce makes every page dynamic, which a nonce-based CSP requires. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="font-sans antialiased">
        <QueryProvider>
          <AppShell version={clientConfig.version}>{children}</AppShell>
        </QueryProvider>
      </body>
    </html>
  );
}
