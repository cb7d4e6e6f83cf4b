/**
 * The only configuration the browser bundle may see. Never import
 * server-config from a client component: secrets live there.
 */
export interface ClientConfig {
  appName: string;
  version: string;
}

export const clientConfig: ClientConfig = {
  appName: "Portico",
  version: process.env.NEXT_PUBLIC_PORTICO_VERSION ?? "0.1.0",
};
