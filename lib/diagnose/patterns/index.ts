import { accessPatterns } from "./access";
import { buildPatterns } from "./build";
import { dataCloudPatterns } from "./data-cloud";
import { deliveryPatterns } from "./delivery";
import { dependencyPatterns } from "./dependencies";
import { kubernetesPlacementPatterns } from "./kubernetes-placement";
import { kubernetesWorkloadPatterns } from "./kubernetes-workload";
import { networkPatterns } from "./network";
import { osLimitPatterns } from "./os-limits";
import { runtimePatterns } from "./runtime";
import { systemPatterns } from "./system";
import { terraformPatterns } from "./terraform";
import type { LogPattern } from "./types";

export type { LogPattern } from "./types";

export const PATTERNS: readonly LogPattern[] = [
  ...kubernetesWorkloadPatterns,
  ...kubernetesPlacementPatterns,
  ...networkPatterns,
  ...accessPatterns,
  ...terraformPatterns,
  ...deliveryPatterns,
  ...buildPatterns,
  ...dependencyPatterns,
  ...runtimePatterns,
  ...dataCloudPatterns,
  ...systemPatterns,
  ...osLimitPatterns,
];
