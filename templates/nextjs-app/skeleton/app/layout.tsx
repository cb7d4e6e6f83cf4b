import type { ReactNode } from "react";

export const metadata = { title: ${{ values.name | dump }}, description: ${{ values.description | dump }} };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
