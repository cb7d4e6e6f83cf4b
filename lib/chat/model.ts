import type { LanguageModel } from "ai";
import type { ServerConfig } from "@/lib/config/server-config";

/** null = offline mode. Replaced by lib/ai/provider's choice once it lands. */
export function resolveChatModel(ai: ServerConfig["ai"]): LanguageModel | null {
  if (ai.mode === "offline") return null;
  return null;
}
