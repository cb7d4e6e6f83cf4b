/** Shapes of Portico's Backstage-compatible scaffolder API (`/api/scaffolder/v2`), as the browser sees them. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ParameterSchemaStep {
  title: string;
  description?: string;
  schema: JsonObject;
}

export interface TemplateParameterSchema {
  title: string;
  description?: string;
  presentation?: {
    buttonLabels?: { backButtonText?: string; reviewButtonText?: string; createButtonText?: string };
  };
  steps: ParameterSchemaStep[];
}

export type TaskStatus = "open" | "processing" | "completed" | "failed" | "cancelled" | "skipped";

export interface TaskStepSpec {
  id: string;
  name?: string;
  action?: string;
}

export interface TaskStepState {
  id: string;
  name?: string;
  status: TaskStatus;
  startedAt?: string;
  endedAt?: string;
}

export interface OutputLink {
  title?: string;
  icon?: string;
  url?: string;
  entityRef?: string;
}

export interface OutputText {
  title?: string;
  icon?: string;
  content?: string;
  default?: boolean;
}

export interface TaskOutput {
  links?: OutputLink[];
  text?: OutputText[];
  [key: string]: unknown;
}

export interface ScaffolderTask {
  id: string;
  spec: {
    templateInfo?: { entityRef?: string; entity?: { metadata?: { name?: string; title?: string } } };
    steps?: TaskStepSpec[];
    parameters?: Record<string, unknown>;
    output?: TaskOutput;
    [key: string]: unknown;
  };
  status: TaskStatus;
  createdAt: string;
  lastHeartbeatAt?: string;
  steps?: TaskStepState[];
  output?: TaskOutput;
  error?: string;
  [key: string]: unknown;
}

export type TaskEventType = "log" | "completion" | "cancelled" | "recovered" | "retry";

export interface TaskEvent {
  id: number | string;
  taskId: string;
  type: TaskEventType;
  body: {
    message?: string;
    stepId?: string;
    status?: TaskStatus;
    output?: TaskOutput;
    error?: { name?: string; message?: string };
    [key: string]: unknown;
  };
  createdAt: string;
}

export interface DryRunFile {
  path: string;
  base64Content: string;
  executable?: boolean;
}

export interface LintWarning {
  message: string;
  stepId?: string;
  file?: string;
  line?: number;
  column?: number;
  severity?: string;
  code?: string;
  [key: string]: unknown;
}

export interface DryRunResult {
  status?: "completed" | "failed" | "cancelled";
  error?: string;
  directoryContents: DryRunFile[];
  output?: TaskOutput;
  log: Array<{ body: { message?: string; stepId?: string; status?: TaskStatus; level?: string } }>;
  steps: Array<TaskStepSpec & { status?: TaskStatus; durationMs?: number; error?: string }>;
  /** Portico's lint warnings (`lint`); `warnings` is accepted too. */
  lint?: LintWarning[];
  warnings?: LintWarning[];
}

/** A catalog entity as far as the pickers and the gallery need it. */
export interface CatalogEntity {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    title?: string;
    description?: string;
    tags?: string[];
    uid?: string;
    [key: string]: unknown;
  };
  spec?: Record<string, unknown>;
  relations?: Array<{ type: string; targetRef: string }>;
}
