import { z } from "zod";

export const healthQuerySchema = z.object({
  probe: z.enum(["live", "ready"]).default("ready"),
});
