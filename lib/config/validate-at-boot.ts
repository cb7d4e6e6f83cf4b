import { ConfigError, getServerConfig } from "./server-config";

/** Fail at start, one line per problem, rather than on the first request that needs the setting. */
export function validateConfigAtBoot(): void {
  try {
    getServerConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
