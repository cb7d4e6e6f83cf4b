import { parseJsonBody, withRoute } from "@/lib/http";
import { fieldErrorResponse, scaffolderErrorResponse } from "@/lib/scaffolder/api/handlers";
import { dryRunBody, MAX_DRY_RUN_BODY_BYTES } from "@/lib/scaffolder/api/schemas";
import { dryRunWithContents } from "@/lib/scaffolder/dry-run";
import { scaffolderRegistry, scaffolderServices } from "@/lib/scaffolder/service";
import { WorkspaceLimitError } from "@/lib/scaffolder/workspace/directory-contents";
import { PathEscapeError } from "@/lib/scaffolder/workspace/safe-path";

export const dynamic = "force-dynamic";

/**
 * Runs the template against the uploaded files with publishers faked: returns the workspace as
 * the steps left it, the output, the log, step states and lint warnings. Nothing is stored.
 */
export const POST = withRoute("scaffolder.dryRun", { scope: "scaffolder:run" }, async ({ req }) => {
  const body = await parseJsonBody(req, dryRunBody, MAX_DRY_RUN_BODY_BYTES);
  try {
    return await dryRunWithContents({
      template: body.template,
      values: body.values,
      secrets: body.secrets,
      directoryContents: body.directoryContents,
      registry: scaffolderRegistry(),
      services: { ...scaffolderServices(), catalog: scaffolderServices().catalog },
      signal: req.signal,
    });
  } catch (error) {
    if (error instanceof PathEscapeError || error instanceof WorkspaceLimitError)
      return fieldErrorResponse(400, "invalid_request", error.message, [
        { field: "directoryContents", message: error.message },
      ]);
    return scaffolderErrorResponse(error);
  }
});
