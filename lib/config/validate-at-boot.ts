import { decideBind } from "@/lib/access/bind-policy";
import { ConfigError, getServerConfig } from "./server-config";

/** Fail at start, one line per problem, rather than on the first request that needs the setting. */
export function validateConfigAtBoot(): void {
  try {
    const config = getServerConfig();
    // The standalone server listens on HOSTNAME (0.0.0.0 when unset); the launcher sets both.
    const address = config.auth.bindAddress ?? process.env.HOSTNAME ?? "0.0.0.0";
    const bind = decideBind(config.auth, address);
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    if (!bind.allowed) {
      console.error(bind.error);
      process.exit(1);
    }
    if (bind.warning) console.warn(bind.warning);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
