import type { Category } from "../categories";
import { deliveryTemplates } from "./delivery";
import { kubernetesTemplates } from "./kubernetes";
import { networkTemplates } from "./network";
import { runtimeTemplates } from "./runtime";
import type { CommandTemplate } from "./shared";
import { systemTemplates } from "./system";

export type { CommandTemplate } from "./shared";

/**
 * Fix/diagnostic command templates per category (tokens: see shared.ts), kept
 * in one file per category family. The Record type makes a category without
 * templates a compile error.
 */
export const COMMAND_TEMPLATES: Record<Category, CommandTemplate[]> = {
  ...kubernetesTemplates,
  ...networkTemplates,
  ...deliveryTemplates,
  ...runtimeTemplates,
  ...systemTemplates,
};
